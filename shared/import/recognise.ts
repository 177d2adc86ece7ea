import { docFromJSON, type DivisionType, type DocJSON } from '../schema'
import type { Language } from '../language'
import { numberDocument, toRoman } from '../numbering'
import { DocAssembler, guessLanguage, languageSample, type BodyKind } from './build'
import { matchHeading, matchMarker, type HeadingMatch, type Marker } from './markers'
import type { ImportResult } from './types'
import { noteText, type ImportNote } from './notes'
import { joinTitleLines, startsTitleSubject } from './titleLines'
import { conclusionsIn } from './conclusions'

/**
 * Turns a sequence of text blocks (lines of plain text or Markdown, paragraphs of a DOCX) into
 * the law's structure. Typed numbers are recognised and stripped (Accord computes numbers);
 * whatever is not recognised is kept as plain text where it stood: a preamble paragraph before
 * the first article, a paragraph of the current article after it. Nothing is dropped. After the
 * last heading, an adoption note or a signature (shared/import/conclusions.ts) and all that
 * follows it are the conclusions.
 *
 * Levels inside an article come from the numbering styles in use, the way a reader sees them:
 * "1." is always a paragraph; any other style ("1)", "(a)", "а)", a bullet, a Word list level)
 * is a paragraph if it opens the article, else one level below the last style seen, and returns
 * to its own level when it comes back. So "1)" after a "1." paragraph is a point, and "a)" after
 * "1)" points is a sub-point. An indent (or a Word list level) says how deep an item is at
 * least, so points written before any paragraph stay points.
 */

export interface SourceBlock {
  text: string
  /**
   * A heading from the source format: 1 title, 2 chapter, 3 article, 4+ minor (kept as text).
   * A heading that reads as one ("§ 2.", "Article 5.") is taken for what it says at any level:
   * our exports put sections at 3 and their articles at 4.
   */
  heading?: number
  /** Depth (0-based) of an item of a source list whose number is not typed (Word numbering). */
  listDepth?: number
  /** Leading spaces of a plain-text line: a hint of its depth. */
  indent?: number
  /** The line continues the paragraph of the block before, after a line break (a DOCX's soft break). */
  sameParagraph?: boolean
  /**
   * The file's lines the block was joined from (hard-wrapped text), for the conclusions, where each
   * line stands alone: a signature's name, place, date and number come one to a line, unpunctuated.
   */
  lines?: string[]
  /**
   * Marked as the conclusions by the source (our exports: a Markdown thematic break before it, a
   * DOCX paragraph of the conclusions' style): after the last heading, it opens them whatever it says.
   */
  closing?: boolean
}

export interface RecogniseOptions {
  language?: Language
  /** Markdown input: backslash escapes are undone, and when the text has ## / ### headings
   * only headings make chapters, sections and articles (a paragraph starting "Article 5." stays text). */
  markdown?: boolean
  /** Notes from the format reader (skipped images, flattened tables…), put before ours. */
  notes?: ImportNote[]
  /** Whether the text may end in conclusions (a whole law: the default); a passage pasted into a law has none. */
  conclusions?: boolean
}

interface Level {
  style: string
  last: string
}

const KINDS: BodyKind[] = ['clause', 'point', 'subpoint']
const ROMAN_VALUE = /^[ivxlc]+$/

function romanValue(value: string): number {
  const digits: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 }
  let total = 0
  for (let k = 0; k < value.length; k++) {
    const v = digits[value[k]]
    const next = digits[value[k + 1]] ?? 0
    total += v < next ? -v : v
  }
  return total
}

/** "(i)" after "(h)" is a letter; "(i)" after "(a)" points, or opening a list, is a roman sub-level. */
function resolveStyle(marker: Marker, stack: Level[]): string {
  const { style, value } = marker
  if ((style !== 'L)' && style !== '(L)') || !ROMAN_VALUE.test(value)) return style
  const roman = style === 'L)' ? 'R)' : '(R)'
  const letters = stack.find((l) => l.style === style)
  if (letters && letters.last.length === 1 && String.fromCharCode(letters.last.charCodeAt(0) + 1) === value) return style
  const romans = stack.find((l) => l.style === roman)
  if (romans && toRoman(romanValue(romans.last) + 1).toLowerCase() === value) return roman
  return value.length > 1 || value === 'i' ? roman : style
}

export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1')
}

function looksLikeTitle(text: string): boolean {
  return text.length <= 200 && /^[\p{Lu}\p{N}"«“„(\[]/u.test(text) && !/[.;:,]$/.test(text)
}

const LATIN_LOOK_ALIKES: Record<string, string> = { a: 'а', e: 'е', o: 'о', p: 'р', c: 'с', x: 'х', y: 'у', k: 'к' }

/** `label` with Latin letters that look Cyrillic made Cyrillic: "a)" typed in a Russian text is "а)". */
function lookAlike(label: string): string {
  return label.replace(/[aeopcxyk]/g, (ch) => LATIN_LOOK_ALIKES[ch])
}

/** The first point or sub-point whose typed label (by block id) is not the one Accord will show. */
function firstRelabelled(doc: DocJSON, typed: Map<string, string>, language: Language): { typed: string; computed: string } | null {
  if (typed.size === 0) return null
  let numbered
  try {
    numbered = numberDocument(docFromJSON(doc), language)
  } catch {
    return null // a note is a nicety: never refuse an import over it
  }
  for (const { id, label } of numbered) {
    const written = id === null ? undefined : typed.get(id)
    if (written !== undefined && lookAlike(written) !== lookAlike(label)) return { typed: written, computed: label }
  }
  return null
}

/**
 * Whether a block after the law's title (`first`, its first block) is more of the title: a line
 * of the same paragraph; another Title-style (or "#") paragraph; or a plain line that starts the
 * title's subject ("О …", "On …": see shared/import/titleLines.ts). Never a heading or a number.
 */
function continuesTitle(block: SourceBlock, raw: string, first: SourceBlock, markdown: boolean): boolean {
  if (block.listDepth !== undefined || matchHeading(raw) || matchMarker(raw, markdown)) return false
  if (block.sameParagraph) return true
  if (block.heading !== undefined) return first.heading === 1 && block.heading === 1 && raw.length <= 200
  return looksLikeTitle(raw) && startsTitleSubject(raw)
}

/** The heading a block reads as; in Markdown with ## / ### headings, only a heading line's words count. */
function headingOf(block: SourceBlock, headingsOnly: boolean): HeadingMatch | null {
  return !headingsOnly || block.heading !== undefined ? matchHeading(block.text.trim()) : null
}

function clip(text: string): string {
  return text.length > 60 ? text.slice(0, 57) + '…' : text
}

export function recognise(source: SourceBlock[], options: RecogniseOptions = {}): ImportResult {
  const markdown = options.markdown ?? false
  const clean = markdown ? unescapeMarkdown : (s: string) => s
  const asm = new DocAssembler()
  const notes: ImportNote[] = [...(options.notes ?? [])]
  const unrecognisedIds: string[] = []
  const headingsOnly = markdown && source.some((b) => b.heading === 2 || b.heading === 3)

  let titleSet = false
  /** The title's lines, and its first block while the next blocks may still continue it. */
  const titleLines: string[] = []
  let titleOpen: SourceBlock | null = null
  const setTitle = (block: SourceBlock, raw: string) => {
    titleLines.push(clean(raw))
    titleSet = true
    titleOpen = block
  }
  let pending: { node: DocJSON; kind: DivisionType | 'article' } | null = null
  let stack: Level[] = []
  const unrecognised: string[] = []
  let renumbered: { typed: string; computed: string } | null = null
  /** Points' and sub-points' labels as typed, by the id of their block. */
  const typedLabels = new Map<string, string>()
  let flattened = 0
  let strayAfterChapter = 0
  // A heading by its words or by the source's level; the conclusions start after the last one.
  const isHeading = (b: SourceBlock) => (b.heading !== undefined && b.heading <= 3) || headingOf(b, headingsOnly) !== null
  const { blocks, start: closingAt } = options.conclusions === false ? { blocks: source, start: -1 } : conclusionsIn(source, isHeading)

  for (const [i, block] of blocks.entries()) {
    const raw = block.text.trim()
    if (i === closingAt && asm.currentArticle) {
      for (const rest of blocks.slice(i)) for (const line of rest.lines ?? [rest.text]) if (line.trim()) asm.conclusionsParagraph(clean(line.trim()))
      break
    }
    if (!raw && block.heading === undefined) continue

    if (titleOpen) {
      if (continuesTitle(block, raw, titleOpen, markdown)) {
        titleLines.push(clean(raw))
        continue
      }
      titleOpen = null
    }

    // A bare "Part I" / "Chapter II" / "§ 2" / "Article 5" takes its title from the next line.
    if (pending) {
      const p = pending
      pending = null
      // A part, chapter or section may take a heading-styled line too ("CHAPTER I" ↵ "GENERAL
      // PROVISIONS" in Heading 1); an article only a plain line, since its first paragraph may follow.
      const division = p.kind !== 'article'
      const fits = block.listDepth === undefined && (block.heading === undefined || (division && block.heading <= 3))
      if (fits && raw && !matchHeading(raw) && !matchMarker(raw, markdown) && raw.length <= 200 && (division || looksLikeTitle(raw))) {
        asm.setHeading(p.node, clean(raw))
        continue
      }
    }

    // The first top-level heading is the title, whatever it says ("# Chapter II General" included).
    if (block.heading === 1 && !titleSet && asm.parts.length === 0) {
      setTitle(block, raw)
      continue
    }

    const heading = headingOf(block, headingsOnly)
    if (heading) {
      const title = clean(heading.rest)
      if (heading.kind !== 'article') {
        const node = asm.division(heading.kind, title)
        if (!title) pending = { node, kind: heading.kind }
      } else {
        const node = asm.startArticle(title)
        stack = []
        if (!title && block.heading === undefined) pending = { node, kind: 'article' }
        const expected = String(asm.stats.articles)
        if (!renumbered && heading.number !== expected) renumbered = { typed: heading.number, computed: expected }
      }
      continue
    }

    if (block.heading !== undefined && block.heading <= 3) {
      const nothingYet = !titleSet && asm.parts.length === 0 && asm.preamble.length === 0
      if (nothingYet && block.heading <= 2) {
        setTitle(block, raw)
      } else if (block.heading <= 2) {
        asm.division('chapter', clean(raw))
      } else {
        asm.startArticle(clean(raw))
        stack = []
      }
      continue
    }

    if (!asm.currentArticle) {
      if (asm.parts.length > 0) {
        // Text between a chapter (or section) heading and its first article has no place of its own in the
        // model; it opens an untitled article right there rather than moving elsewhere.
        asm.startArticle('')
        unrecognisedIds.push(asm.block('clause', clean(raw)))
        stack = [{ style: 'plain', last: '' }]
        strayAfterChapter++
        unrecognised.push(raw)
        asm.stats.unrecognised++
      } else if (!titleSet && asm.preamble.length === 0 && block.listDepth === undefined && !matchMarker(raw, markdown)) {
        setTitle(block, raw)
      } else {
        asm.preambleParagraph(clean(raw))
      }
      continue
    }

    const typed = matchMarker(raw, markdown)
    const marker: (Omit<Marker, 'style'> & { style: Marker['style'] | 'list' }) | null =
      typed ?? (block.listDepth !== undefined ? { style: 'list', value: '', rest: raw } : null)
    if (!marker) {
      // Unnumbered text in an article: its (first) paragraph, or text the recogniser could not place.
      const first = (asm.currentArticle.content?.length ?? 0) <= 1
      const id = asm.block('clause', clean(raw))
      stack = [{ style: 'plain', last: '' }]
      if (!first) {
        unrecognisedIds.push(id)
        unrecognised.push(raw)
        asm.stats.unrecognised++
      }
      continue
    }

    const style = marker.style === 'list' ? `list${block.listDepth}` : resolveStyle({ ...marker, style: marker.style }, stack)
    const hint = block.listDepth ?? (block.indent === undefined ? 0 : block.indent >= 5 ? 2 : block.indent >= 2 ? 1 : 0)
    let level: number
    if (style === 'N.') {
      level = 0
      stack = [{ style, last: marker.value }]
    } else {
      const at = stack.findIndex((l) => l.style === style)
      if (at >= 0) {
        level = at
        stack = stack.slice(0, at + 1)
        stack[at].last = marker.value
      } else if (hint < stack.length && stack[hint].style === 'implicit') {
        // Points after sub-points that had no point of their own: they take the implicit owner's place.
        level = hint
        stack = [...stack.slice(0, hint), { style, last: marker.value }]
      } else {
        while (stack.length < Math.min(hint, 2)) stack.push({ style: 'implicit', last: '' })
        level = stack.length
        if (level > 2) {
          level = 2
          flattened++
          stack = stack.slice(0, 2)
        }
        stack.push({ style, last: marker.value })
      }
    }
    const id = asm.block(KINDS[level], clean(marker.rest))
    if (typed && typed.style !== 'bullet' && level > 0) typedLabels.set(id, clean(raw.slice(0, raw.length - typed.rest.length).trim()))
  }

  // An article with a heading only gets the empty paragraph a new article has in the editor.
  asm.fillEmptyArticles()

  const language = options.language ?? guessLanguage(languageSample(blocks.map((b) => b.text)))
  asm.title = joinTitleLines(titleLines, language)
  if (asm.stats.articles === 0) notes.push({ code: 'noArticles' })
  if (!titleSet || !asm.title) notes.push({ code: 'noTitle' })
  const doc = asm.toJSON()
  if (renumbered) notes.push({ code: 'renumbered', ...renumbered })
  // "а)" typed directly under a paragraph is a point, which shows as "1)": say so.
  const relabelled = firstRelabelled(doc, typedLabels, language)
  if (relabelled) notes.push({ code: 'relabelled', ...relabelled })
  if (flattened) notes.push({ code: 'nestedTooDeep', count: flattened })
  if (strayAfterChapter) notes.push({ code: 'strayAfterChapter', count: strayAfterChapter })
  if (unrecognised.length) notes.push({ code: 'unrecognised', count: unrecognised.length, first: clip(unrecognised[0]) })

  return { doc, language, warnings: notes.map(noteText), notes, stats: asm.stats, unrecognisedIds }
}
