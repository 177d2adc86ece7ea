import { docFromJSON, type DocJSON } from '../schema'
import { numberDocument, type NumberedNode } from '../numbering'
import type { Language } from '../language'
import { jsonParts, jsonText, xrefNumbers, type TextPart, type XrefNumbers } from '../xref'
import { conclusionsPlace, titleAndPreamble, type Place } from '../places'

/**
 * The law as a tree, derived once from the flat editor document so that every exporter agrees
 * on the hierarchy and on the numbers (which come from numberDocument, never recomputed here).
 *
 * The editor keeps article bodies flat (clause / point / subpoint siblings); here a paragraph
 * owns the points after it and a point owns the sub-points after it. Blocks that come before
 * any owner (points before the first paragraph, sub-points before the first point) are put in
 * an `implicit` owner with no text and no number, so nothing is lost or re-levelled.
 */

export interface SubpointNode {
  kind: 'subpoint'
  id: string | null
  /** Ordinal within its point, 1-based (the number shown may be a letter). */
  index: number
  num: string
  label: string
  text: string
  /** The text in runs, when it holds a cross-reference (see jsonParts). */
  parts?: TextPart[]
}

export interface PointNode {
  kind: 'point'
  id: string | null
  index: number
  num: string
  label: string
  text: string
  parts?: TextPart[]
  /** True for the owner of sub-points that come before any point of their paragraph. */
  implicit: boolean
  subpoints: SubpointNode[]
}

export interface ParagraphNode {
  kind: 'clause'
  id: string | null
  index: number
  /** Empty when the article has a single paragraph (no number is shown). */
  num: string
  label: string
  text: string
  parts?: TextPart[]
  /** True for the owner of points that come before the article's first paragraph. */
  implicit: boolean
  points: PointNode[]
}

export interface ArticleNode {
  kind: 'article'
  id: string | null
  /** Ordinal through the whole law, 1-based (articles are numbered through the law). */
  index: number
  num: string
  label: string
  heading: string
  headingParts?: TextPart[]
  paragraphs: ParagraphNode[]
}

/** A part, chapter or section heading with the articles it holds directly. */
interface DivisionNode {
  id: string | null
  /** Ordinal, 1-based: through the law for parts and chapters, within its part or chapter for sections. */
  index: number
  num: string
  label: string
  heading: string
  articles: ArticleNode[]
}

/** A division of a chapter (AKN `section`): the articles after its heading, up to the next division. */
export interface SectionNode extends DivisionNode {
  kind: 'section'
}

export interface ChapterNode extends DivisionNode {
  kind: 'chapter'
  /**
   * `articles` are the chapter's own: those before its first section. In the flat editor model
   * an article after a section heading is that section's, so these always come first.
   */
  sections: SectionNode[]
}

/**
 * The division above chapters (AKN `part`): what follows its heading up to the next part, in order —
 * its own articles, sections without a chapter, chapters. Its body reads like the law's, so
 * exporters render both with the same code.
 */
export interface PartNode extends Omit<DivisionNode, 'articles'> {
  kind: 'part'
  body: (ChapterNode | SectionNode | ArticleNode)[]
}

export interface LawStructure {
  language: Language
  title: string
  preamble: string[]
  /** The conclusions' paragraphs (the adoption note, signature, place, date); absent when the law has none. */
  conclusions?: string[]
  /**
   * Articles before the first chapter or section (chapterless), then the chapters in order;
   * a section before any chapter stands here too, at the top level; parts hold everything after
   * their heading up to the next part.
   */
  body: (PartNode | ChapterNode | SectionNode | ArticleNode)[]
}


/**
 * The paragraphs that have words (the preamble's, the conclusions'), as the printed formats (DOCX,
 * PDF, HTML, Markdown) show them: the editor always keeps one preamble paragraph, empty when there
 * is no preamble, and a new conclusions node starts as one empty paragraph. Akoma Ntoso keeps
 * every paragraph, empty or not: it is the lossless exchange format.
 */
export function worded(paragraphs: readonly string[] = []): string[] {
  return paragraphs.filter((p) => p.trim())
}

function idOf(node: DocJSON): string | null {
  const id = node.attrs?.id
  return typeof id === 'string' ? id : null
}

/** Throws (via docFromJSON) when the tree is not a valid legal document. */
export function lawStructure(doc: DocJSON, language: Language): LawStructure {
  // numberDocument walks the PM node; its entries come in document order, so they pair up with
  // a parallel walk of the JSON without any position arithmetic.
  const numbers: NumberedNode[] = numberDocument(docFromJSON(doc), language)
  // Cross-references read as their targets' numbers in this document.
  const xrefs = xrefNumbers(numbers)
  const textOf = (node: DocJSON | undefined) => jsonText(node, xrefs)
  let cursor = 0
  const next = (kind: NumberedNode['kind']): NumberedNode => {
    const entry = numbers[cursor++]
    if (!entry || entry.kind !== kind) throw new Error(`numbering out of step at ${kind}`)
    return entry
  }

  const children = doc.content ?? []
  const title = textOf(children.find((c) => c.type === 'lawTitle'))
  const preamble = (children.find((c) => c.type === 'preamble')?.content ?? []).map(textOf)
  const body: LawStructure['body'] = []
  let part: PartNode | null = null
  let chapter: ChapterNode | null = null
  let section: SectionNode | null = null
  let partCount = 0
  let chapterCount = 0
  let sectionCount = 0
  let articleCount = 0
  // Where a chapter, a chapterless section or a division-less article goes: its part, else the law.
  const top = (item: ChapterNode | SectionNode | ArticleNode) => (part ? part.body : body).push(item)

  for (const node of children) {
    if (node.type === 'part') {
      const n = next('part')
      part = { kind: 'part', id: idOf(node), index: ++partCount, num: n.num, label: n.label, heading: textOf(node), body: [] }
      chapter = null
      section = null
      sectionCount = 0
      body.push(part)
    } else if (node.type === 'chapter') {
      const n = next('chapter')
      chapter = { kind: 'chapter', id: idOf(node), index: ++chapterCount, num: n.num, label: n.label, heading: textOf(node), articles: [], sections: [] }
      section = null
      sectionCount = 0
      top(chapter)
    } else if (node.type === 'section') {
      const n = next('section')
      section = { kind: 'section', id: idOf(node), index: ++sectionCount, num: n.num, label: n.label, heading: textOf(node), articles: [] }
      if (chapter) chapter.sections.push(section)
      else top(section)
    } else if (node.type === 'article') {
      const n = next('article')
      const blocks = node.content ?? []
      const article: ArticleNode = {
        kind: 'article',
        id: idOf(node),
        index: ++articleCount,
        num: n.num,
        label: n.label,
        heading: textOf(blocks.find((b) => b.type === 'articleHeading')),
        ...withParts('headingParts', blocks.find((b) => b.type === 'articleHeading'), xrefs),
        paragraphs: articleBody(blocks, next, xrefs),
      }
      if (section) section.articles.push(article)
      else if (chapter) chapter.articles.push(article)
      else top(article)
    }
  }
  const closing = conclusionsOf(children, textOf)
  return closing ? { language, title, preamble, conclusions: closing, body } : { language, title, preamble, body }
}

/**
 * The paragraphs of the law's conclusions, or null when it has none: those of every conclusions
 * node, in order (two may meet when added at once; shared/schema/nodes.ts).
 */
export function conclusionsOf(children: readonly DocJSON[], textOf: (node: DocJSON) => string): string[] | null {
  const nodes = children.filter((c) => c.type === 'conclusions')
  return nodes.length ? nodes.flatMap((c) => (c.content ?? []).map(textOf)) : null
}

/** `{ [key]: runs }` for a block with a cross-reference, else nothing (the field stays absent). */
function withParts<K extends string>(key: K, node: DocJSON | undefined, xrefs: XrefNumbers): { [k in K]?: TextPart[] } {
  const parts = jsonParts(node, xrefs)
  return parts ? ({ [key]: parts } as { [k in K]: TextPart[] }) : {}
}

function articleBody(blocks: DocJSON[], next: (kind: NumberedNode['kind']) => NumberedNode, xrefs: XrefNumbers): ParagraphNode[] {
  const textOf = (node: DocJSON) => jsonText(node, xrefs)
  const parts = (node: DocJSON) => withParts('parts', node, xrefs)
  const paragraphs: ParagraphNode[] = []
  let paragraph: ParagraphNode | null = null
  let point: PointNode | null = null
  let clauses = 0

  const implicitParagraph = (): ParagraphNode => {
    const p: ParagraphNode = { kind: 'clause', id: null, index: 0, num: '', label: '', text: '', implicit: true, points: [] }
    paragraphs.push(p)
    return p
  }

  for (const block of blocks) {
    if (block.type === 'clause') {
      const n = next('clause')
      paragraph = { kind: 'clause', id: idOf(block), index: ++clauses, num: n.num, label: n.label, text: textOf(block), ...parts(block), implicit: false, points: [] }
      paragraphs.push(paragraph)
      point = null
    } else if (block.type === 'point') {
      const n = next('point')
      paragraph ??= implicitParagraph()
      point = { kind: 'point', id: idOf(block), index: paragraph.points.filter((p) => !p.implicit).length + 1, num: n.num, label: n.label, text: textOf(block), ...parts(block), implicit: false, subpoints: [] }
      paragraph.points.push(point)
    } else if (block.type === 'subpoint') {
      const n = next('subpoint')
      paragraph ??= implicitParagraph()
      if (!point) {
        point = { kind: 'point', id: null, index: 0, num: '', label: '', text: '', implicit: true, subpoints: [] }
        paragraph.points.push(point)
      }
      point.subpoints.push({ kind: 'subpoint', id: idOf(block), index: point.subpoints.length + 1, num: n.num, label: n.label, text: textOf(block), ...parts(block) })
    }
  }
  return paragraphs
}

export interface PlacedArticle {
  /** Null for an article before the first part (and in a law without parts). */
  part: PartNode | null
  /** Null before the first chapter of its part or law (and in a section that comes before any chapter). */
  chapter: ChapterNode | null
  /** Null for an article directly in its chapter, part or law. */
  section: SectionNode | null
  article: ArticleNode
}

/** Articles in law order, with the part, chapter and section each belongs to. */
export function articlesOf(law: LawStructure): PlacedArticle[] {
  const out: PlacedArticle[] = []
  const inSection = (part: PartNode | null, chapter: ChapterNode | null, section: SectionNode) =>
    section.articles.forEach((article) => out.push({ part, chapter, section, article }))
  const walk = (part: PartNode | null, items: (ChapterNode | SectionNode | ArticleNode)[]) => {
    for (const item of items) {
      if (item.kind === 'article') out.push({ part, chapter: null, section: null, article: item })
      else if (item.kind === 'section') inSection(part, null, item)
      else {
        for (const article of item.articles) out.push({ part, chapter: item, section: null, article })
        for (const section of item.sections) inSection(part, item, section)
      }
    }
  }
  for (const item of law.body) {
    if (item.kind === 'part') walk(item, item.body)
    else walk(null, [item])
  }
  return out
}

/**
 * The places (shared/places.ts) of a law read for export, as placesOf reads them from the editor's
 * text: the title, the preamble, then every division's heading and article with an id, in order,
 * and the conclusions last.
 */
export function placesOfLaw(law: LawStructure): Place[] {
  const out = titleAndPreamble(law.language)
  const add = (node: PartNode | ChapterNode | SectionNode | ArticleNode) => {
    if (node.id) out.push({ id: node.id, kind: node.kind, num: node.num, label: node.label, heading: node.heading })
  }
  const walk = (items: (PartNode | ChapterNode | SectionNode | ArticleNode)[]) => {
    for (const item of items) {
      add(item)
      if (item.kind === 'part') walk(item.body)
      else if (item.kind === 'chapter') walk([...item.articles, ...item.sections])
      else if (item.kind === 'section') walk(item.articles)
    }
  }
  walk(law.body)
  if (law.conclusions) out.push(conclusionsPlace(law.language))
  return out
}
