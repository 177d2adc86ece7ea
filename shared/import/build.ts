import { isDivisionType, type DivisionType, type DocJSON } from '../schema'
import type { Language } from '../language'
import { newId } from '../ids'
import type { ImportStats } from './types'

/**
 * Assembles an imported document: every importer ends here, so ids are always fresh and unique
 * and the tree always satisfies the schema (a preamble with at least one paragraph, an article
 * that starts with its heading, the conclusions last and only when there are some).
 */

export type BodyKind = 'clause' | 'point' | 'subpoint'

const DIVISION_STATS: Record<DivisionType, 'parts' | 'chapters' | 'sections'> = { part: 'parts', chapter: 'chapters', section: 'sections' }

const text = (value: string): DocJSON[] => (value ? [{ type: 'text', text: value }] : [])
/** Free paragraphs (the preamble's, the conclusions'). */
const paragraphs = (values: string[]): DocJSON[] => values.map((p) => ({ type: 'paragraph', content: text(p) }))

export class DocAssembler {
  title = ''
  readonly preamble: string[] = []
  readonly conclusions: string[] = []
  readonly parts: DocJSON[] = []
  readonly stats: ImportStats = { parts: 0, chapters: 0, sections: 0, articles: 0, clauses: 0, points: 0, subpoints: 0, preambleParagraphs: 0, conclusionsParagraphs: 0, unrecognised: 0 }
  private article: DocJSON | null = null

  /** A part, chapter or section heading: what follows it, up to the next such heading, is its own. */
  division(type: DivisionType, heading: string): DocJSON {
    const node: DocJSON = { type, attrs: { id: newId() }, content: text(heading) }
    this.parts.push(node)
    this.article = null
    this.stats[DIVISION_STATS[type]]++
    return node
  }

  startArticle(heading: string): DocJSON {
    const node: DocJSON = { type: 'article', attrs: { id: newId() }, content: [{ type: 'articleHeading', content: text(heading) }] }
    this.parts.push(node)
    this.article = node
    this.stats.articles++
    return node
  }

  get currentArticle(): DocJSON | null {
    return this.article
  }

  /** The text of the most recent part, chapter, section or article heading, to extend it with a title line. */
  setHeading(node: DocJSON, heading: string): void {
    if (isDivisionType(node.type)) node.content = text(heading)
    else node.content![0] = { type: 'articleHeading', content: text(heading) }
  }

  /** Adds a body block to the current article; returns its id. */
  block(kind: BodyKind, value: string): string {
    if (!this.article) throw new Error('no article to add a block to')
    const id = newId()
    this.article.content!.push({ type: kind, attrs: { id }, content: text(value) })
    if (kind === 'clause') this.stats.clauses++
    else if (kind === 'point') this.stats.points++
    else this.stats.subpoints++
    return id
  }

  preambleParagraph(value: string): void {
    this.preamble.push(value)
    this.stats.preambleParagraphs++
  }

  /** A paragraph of the conclusions (the adoption note, a signature line), after every article. */
  conclusionsParagraph(value: string): void {
    this.conclusions.push(value)
    this.stats.conclusionsParagraphs++
  }

  /** Gives each article that has a heading only the empty paragraph a new article has in the editor. */
  fillEmptyArticles(): void {
    for (const part of this.parts) {
      if (part.type === 'article' && part.content!.length === 1) {
        part.content!.push({ type: 'clause', attrs: { id: newId() }, content: [] })
        this.stats.clauses++
      }
    }
  }

  toJSON(): DocJSON {
    return {
      type: 'doc',
      content: [
        { type: 'lawTitle', content: text(this.title) },
        { type: 'preamble', content: paragraphs(this.preamble.length ? this.preamble : ['']) },
        ...this.parts,
        ...(this.conclusions.length ? [{ type: 'conclusions', content: paragraphs(this.conclusions) }] : []),
      ],
    }
  }
}

const CYRILLIC = /\p{Script=Cyrillic}/gu
const LATIN = /\p{Script=Latin}/gu

/** How much of a text tells its language: a law's first pages are as telling as all of it. */
export const LANGUAGE_SAMPLE_CHARS = 200_000

/**
 * Russian when Cyrillic letters outnumber Latin ones; English otherwise (and for no letters).
 * Only the sample's start is counted: matching all of a 16 MB text made arrays of every letter.
 */
export function guessLanguage(sample: string): Language {
  const start = sample.length > LANGUAGE_SAMPLE_CHARS ? sample.slice(0, LANGUAGE_SAMPLE_CHARS) : sample
  const cyrillic = start.match(CYRILLIC)?.length ?? 0
  const latin = start.match(LATIN)?.length ?? 0
  return cyrillic > latin ? 'ru' : 'en'
}

/** The start of the blocks' text, joined, for guessLanguage (without joining all of it). */
export function languageSample(texts: Iterable<string>): string {
  const parts: string[] = []
  let length = 0
  for (const text of texts) {
    if (length >= LANGUAGE_SAMPLE_CHARS) break
    parts.push(text)
    length += text.length + 1
  }
  return parts.join(' ')
}
