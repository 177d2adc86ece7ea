import type { Node as PMNode } from '@tiptap/pm/model'
import type { Language } from './language'
import { DIVISION_TYPES, type BodyType, type DivisionType } from './schema'
import { blockText, hasXref, xrefNumbers, type XrefNumbers } from './xref'

/** Letters used for Russian sub-points and English points. Russian drafting skips ё, й, ъ, ы, ь. */
const LETTERS: Record<Language, string[]> = {
  en: 'abcdefghijklmnopqrstuvwxyz'.split(''),
  ru: 'абвгдежзиклмнопрстуфхцчшщэюя'.split(''),
}

const ROMAN: [number, string][] = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
]

export function toRoman(n: number): string {
  let out = ''
  for (const [value, symbol] of ROMAN) {
    while (n >= value) {
      out += symbol
      n -= value
    }
  }
  return out
}

/** 1 → a, 26 → z, 27 → aa (bijective base-N over the language's letters). */
export function toLetters(n: number, language: Language): string {
  const letters = LETTERS[language]
  let out = ''
  while (n > 0) {
    n -= 1
    out = letters[n % letters.length] + out
    n = Math.floor(n / letters.length)
  }
  return out
}

export type NumberedKind = DivisionType | 'article' | BodyType

export interface NumberedNode {
  kind: NumberedKind
  id: string | null
  /** Position of the node in the document (ProseMirror position before it). */
  pos: number
  /** The node's own number as displayed ("II", "5", "3", "b", "ii"), empty when not shown. */
  num: string
  /** The full label shown before the text ("Chapter II.", "Article 5.", "3.", "(b)", "б)"). */
  label: string
}

const CHAPTER_LABEL: Record<Language, (n: number) => string> = {
  en: (n) => `Chapter ${toRoman(n)}.`,
  ru: (n) => `Глава ${n}.`,
}
/** Parts count through the law in Roman numerals: «Раздел II.» as in the region's codes. */
const PART_LABEL: Record<Language, (n: number) => string> = {
  en: (n) => `Part ${toRoman(n)}.`,
  ru: (n) => `Раздел ${toRoman(n)}.`,
}
/** Sections are numbered within their chapter; Russian drafting writes them as «§ 2.». */
const SECTION_LABEL: Record<Language, (n: number) => string> = {
  en: (n) => `Section ${n}.`,
  ru: (n) => `§ ${n}.`,
}
const ARTICLE_LABEL: Record<Language, (n: number) => string> = {
  en: (n) => `Article ${n}.`,
  ru: (n) => `Статья ${n}.`,
}

/**
 * Points and sub-points as each language's drafting numbers them (domain.md): «1)» and «а)» in
 * Russian texts; "(a)" and "(i)" in English ones, as the UNODC Model Law does.
 */
const POINT_NUM: Record<Language, (n: number) => string> = {
  en: (n) => toLetters(n, 'en'),
  ru: (n) => String(n),
}
const SUBPOINT_NUM: Record<Language, (n: number) => string> = {
  en: (n) => toRoman(n).toLowerCase(),
  ru: (n) => toLetters(n, 'ru'),
}
const LIST_LABEL: Record<Language, (num: string) => string> = {
  en: (num) => `(${num})`,
  ru: (num) => `${num})`,
}

/**
 * Numbers of every part, chapter, section, article, paragraph, point and sub-point, derived
 * from position. Parts, chapters and articles count through the whole law; sections within their
 * chapter (or part); paragraphs within their article (an article with a single paragraph shows
 * none); points within their paragraph; sub-points within their point.
 * Walks only structural nodes, never text.
 */
export function numberDocument(doc: PMNode, language: Language): NumberedNode[] {
  const out: NumberedNode[] = []
  numberTopLevel(doc, language, (entry, node) => {
    out.push(entry)
    if (entry.kind === 'article') numberArticleBody(node, entry.pos + 1, language, out)
  })
  return out
}

/** Parts, chapters, sections and articles only, each with its node, in document order. */
function numberTopLevel(doc: PMNode, language: Language, each: (entry: NumberedNode & { kind: OutlineKind }, node: PMNode) => void): void {
  let parts = 0
  let chapters = 0
  let sections = 0
  let articles = 0
  doc.forEach((node, pos) => {
    if (node.type.name === 'part') {
      parts += 1
      sections = 0 // a section belongs to a chapter; chapters count on through the law
      each({ kind: 'part', id: node.attrs.id, pos, num: toRoman(parts), label: PART_LABEL[language](parts) }, node)
    } else if (node.type.name === 'section') {
      sections += 1
      each({ kind: 'section', id: node.attrs.id, pos, num: String(sections), label: SECTION_LABEL[language](sections) }, node)
    } else if (node.type.name === 'chapter') {
      chapters += 1
      sections = 0
      each({ kind: 'chapter', id: node.attrs.id, pos, num: language === 'en' ? toRoman(chapters) : String(chapters), label: CHAPTER_LABEL[language](chapters) }, node)
    } else if (node.type.name === 'article') {
      articles += 1
      each({ kind: 'article', id: node.attrs.id, pos, num: String(articles), label: ARTICLE_LABEL[language](articles) }, node)
    }
  })
}

/** The paragraphs, points and sub-points of `article`, whose content starts at `start`, appended to `out`. */
export function numberArticleBody(article: PMNode, start: number, language: Language, out: NumberedNode[]): void {
  let clauseCount = 0
  article.forEach((child) => {
    if (child.type.name === 'clause') clauseCount += 1
  })
  let clauses = 0
  let points = 0
  let subpoints = 0
  article.forEach((child, offset) => {
    const pos = start + offset
    const id = child.attrs.id ?? null
    switch (child.type.name) {
      case 'clause': {
        clauses += 1
        points = 0
        subpoints = 0
        const shown = clauseCount > 1
        out.push({ kind: 'clause', id, pos, num: shown ? String(clauses) : '', label: shown ? `${clauses}.` : '' })
        break
      }
      case 'point': {
        points += 1
        subpoints = 0
        const num = POINT_NUM[language](points)
        out.push({ kind: 'point', id, pos, num, label: LIST_LABEL[language](num) })
        break
      }
      case 'subpoint': {
        subpoints += 1
        const num = SUBPOINT_NUM[language](subpoints)
        out.push({ kind: 'subpoint', id, pos, num, label: LIST_LABEL[language](num) })
        break
      }
    }
  })
}

/** What the outline lists: the law's divisions and its articles. */
export type OutlineKind = DivisionType | 'article'

/** A label as a sentence names its block: "Article 7." → "Article 7", «Глава 2.» → «Глава 2». */
export function labelInText(label: string): string {
  return label.replace(/\.$/, '')
}

export interface OutlineEntry {
  kind: OutlineKind
  id: string | null
  /** The number alone ("5", "II"), for sentences in the interface's language: «в статье 5». */
  num: string
  label: string
  heading: string
}

const OUTLINED = new Set<string>([...DIVISION_TYPES, 'article'])

/** Whether `doc` has anything to outline (a part, chapter, section or article), without numbering it. */
export function hasOutline(doc: PMNode): boolean {
  for (let i = 0; i < doc.childCount; i++) if (OUTLINED.has(doc.child(i).type.name)) return true
  return false
}

/**
 * Outlines already made, per document (immutable in ProseMirror: the same node, the same
 * outline), and whether a heading in one shows a cross-reference's number.
 */
const outlines = new WeakMap<PMNode, { language: Language; entries: readonly OutlineEntry[]; crossRefs: boolean }>()

/** The document outlined last. */
let lastOutlined: PMNode | null = null

/**
 * Whether `after` outlines as `before` does: the same top-level nodes, but for what an article
 * holds after its heading. An article numbered anew (a co-author's change rebuilds it) counts as
 * the same if its id and heading are; what is not outlined (the title, the preamble) is passed over.
 */
function sameOutline(before: PMNode, after: PMNode): boolean {
  if (before.childCount !== after.childCount) return false
  for (let i = 0; i < before.childCount; i++) {
    const a = before.child(i)
    const b = after.child(i)
    if (a === b) continue
    if (a.type !== b.type) return false
    if (!OUTLINED.has(a.type.name)) continue
    if (a.type.name !== 'article') return false // a division's node is its heading
    if (a.attrs.id !== b.attrs.id || !a.firstChild || !b.firstChild || !a.firstChild.eq(b.firstChild)) return false
  }
  return true
}

/**
 * Parts, chapters, sections and articles with their labels and headings, for the outline beside the text. The
 * outline and the comments panel both ask for it after a change: the second gets the first's.
 * While people type in articles' paragraphs, the last outline is the outline (unless a heading
 * shows a cross-reference, whose target's number such typing may change): the same entries,
 * found by comparing top-level nodes, not by numbering the law again and reading every heading.
 */
export function outlineOf(doc: PMNode, language: Language): readonly OutlineEntry[] {
  const known = outlines.get(doc)
  if (known?.language === language) return known.entries
  const last = lastOutlined && outlines.get(lastOutlined)
  if (lastOutlined && last?.language === language && !last.crossRefs && sameOutline(lastOutlined, doc)) {
    outlines.set(doc, last)
    lastOutlined = doc
    return last.entries
  }
  const out: OutlineEntry[] = []
  // A heading with a cross-reference shows its target's number: the law is numbered for it only then.
  let numbers: XrefNumbers | null = null
  numberTopLevel(doc, language, (entry, node) => {
    const block = entry.kind === 'article' ? node.firstChild : node
    const heading = block && hasXref(block) ? blockText(block, (numbers ??= xrefNumbers(numberDocument(doc, language)))) : block?.textContent
    out.push({ kind: entry.kind, id: entry.id, num: entry.num, label: entry.label, heading: heading ?? '' })
  })
  outlines.set(doc, { language, entries: out, crossRefs: numbers !== null })
  lastOutlined = doc
  return out
}

/** A block a point or sub-point is inside: its paragraph (when numbered) and, for a sub-point, its point. */
export interface BlockAncestor {
  kind: 'clause' | 'point'
  label: string
}

/**
 * For each point and sub-point (by id), the numbered blocks it is inside, outermost first: «пункт
 * 1)» is in several paragraphs of one article, and named alone two places read alike.
 */
export function blockAncestors(numbered: readonly NumberedNode[]): Map<string, BlockAncestor[]> {
  const out = new Map<string, BlockAncestor[]>()
  let clause: BlockAncestor | null = null
  let point: BlockAncestor | null = null
  for (const n of numbered) {
    if (n.kind === 'clause') {
      clause = n.label ? { kind: 'clause', label: n.label } : null
      point = null
    } else if (n.kind === 'point') {
      if (n.id) out.set(n.id, clause ? [clause] : [])
      point = n.label ? { kind: 'point', label: n.label } : null
    } else if (n.kind === 'subpoint') {
      if (n.id) out.set(n.id, [clause, point].filter((a): a is BlockAncestor => a !== null))
    } else {
      clause = null
      point = null
    }
  }
  return out
}
