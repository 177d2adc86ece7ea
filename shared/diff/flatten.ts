import type { Node as PMNode } from '@tiptap/pm/model'
import { isBodyType, type BodyType, type DivisionType, type DocJSON } from '../schema'
import type { Language } from '../language'
import { numberDocument, type NumberedNode } from '../numbering'
import { jsonText, xrefNumbers, type XrefNumbers } from '../xref'
import { conclusionsOf, worded } from '../export/structure'

/**
 * A document read into the shape the diff needs: title, preamble, then parts, chapters, sections and articles
 * with their labels and plain texts, then the conclusions. Walks the JSON directly: building a ProseMirror node
 * of a 600 KB law costs ~20 ms, more than the whole diff of two identical versions.
 */

export interface FlatBlock {
  id: string | null
  type: BodyType
  label: string
  text: string
}

/** A part, chapter or section heading. */
export interface FlatDivision {
  kind: DivisionType
  id: string | null
  label: string
  heading: string
}

export interface FlatArticle {
  kind: 'article'
  id: string | null
  label: string
  heading: string
  /** The part heading that precedes it, if any. */
  part: FlatDivision | null
  /** The chapter heading that precedes it within its part, if any. */
  chapter: FlatDivision | null
  /** The section heading that precedes it within its chapter, if any. */
  section: FlatDivision | null
  blocks: FlatBlock[]
}

export interface FlatDocument {
  title: string
  preamble: string[]
  structure: (FlatDivision | FlatArticle)[]
  /** The conclusions' paragraphs (after the last article); none when the law has no conclusions. */
  conclusions: string[]
}

/** Plain text of a node; cross-references show their targets' numbers in `numbers`. */
export function textOf(node: DocJSON | undefined, numbers: XrefNumbers = new Map()): string {
  return jsonText(node, numbers)
}

function idOf(node: DocJSON): string | null {
  const id = node.attrs?.id
  return typeof id === 'string' && id !== '' ? id : null
}

/**
 * The members of a ProseMirror node that `numberDocument` reads, over plain JSON. Reusing
 * `numberDocument` keeps the diff's labels identical to the editor's by construction; a test
 * checks the two agree, so a change to `numberDocument` that needs more fails loudly there.
 */
interface NumberableNode {
  type: { name: string }
  attrs: { id: string | null }
  forEach(f: (node: NumberableNode, offset: number) => void): void
}

function numberable(node: DocJSON): NumberableNode {
  return {
    type: { name: node.type },
    attrs: { id: idOf(node) },
    forEach(f) {
      ;(node.content ?? []).forEach((child, index) => f(numberable(child), index))
    },
  }
}

export function flattenDocument(doc: DocJSON, language: Language): FlatDocument {
  const labels: NumberedNode[] = numberDocument(numberable(doc) as unknown as PMNode, language)
  let next = 0
  // numberDocument lists parts, chapters, sections, articles and body blocks in document order: consume in step.
  const takeLabel = (): string => labels[next++]?.label ?? ''
  // A reference renumbered between two versions then reads as a changed word.
  const numbers = xrefNumbers(labels)
  const textOf = (node: DocJSON | undefined) => jsonText(node, numbers)

  const out: FlatDocument = { title: '', preamble: [], structure: [], conclusions: [] }
  let part: FlatDivision | null = null
  let chapter: FlatDivision | null = null
  let section: FlatDivision | null = null
  for (const node of doc.content ?? []) {
    switch (node.type) {
      case 'lawTitle':
        out.title = textOf(node)
        break
      case 'preamble':
        out.preamble = (node.content ?? []).map(textOf)
        break
      case 'part':
        part = { kind: 'part', id: idOf(node), label: takeLabel(), heading: textOf(node) }
        // Chapters and sections belong to their part: articles before the next chapter have none.
        chapter = null
        section = null
        out.structure.push(part)
        break
      case 'chapter':
        chapter = { kind: 'chapter', id: idOf(node), label: takeLabel(), heading: textOf(node) }
        section = null // a section belongs to its chapter: the next chapter starts without one
        out.structure.push(chapter)
        break
      case 'section':
        section = { kind: 'section', id: idOf(node), label: takeLabel(), heading: textOf(node) }
        out.structure.push(section)
        break
      case 'article': {
        const article: FlatArticle = { kind: 'article', id: idOf(node), label: takeLabel(), heading: '', part, chapter, section, blocks: [] }
        for (const child of node.content ?? []) {
          if (child.type === 'articleHeading') article.heading = textOf(child)
          else if (isBodyType(child.type)) article.blocks.push({ id: idOf(child), type: child.type, label: takeLabel(), text: textOf(child) })
        }
        out.structure.push(article)
        break
      }
    }
  }
  // Conclusions without a word (just added, not yet written) are none: no change to report, no empty row.
  const closing = conclusionsOf(doc.content ?? [], textOf) ?? []
  out.conclusions = worded(closing).length ? closing : []
  return out
}
