import type { Language } from '../language'
import { recognise, type SourceBlock } from './recognise'
import { matchHeading } from './markers'
import { isAppendixTitle } from './appendix'
import { startsTitleSubject } from './titleLines'
import { elements, localName, parseXml, textContent, type XmlElement } from './xml'
import type { ImportResult, TrackedChanges } from './types'
import { ImportError } from './errors'
import { collapseSpaces } from './spaces'
import { MAX_DOCX_XML_BYTES, docxPartsExceed } from './zipBomb'
import { COMMENTS_PART, DOCUMENT_PART, revisionNotes } from './docxRevisions'
import { MAX_IMPORT_BLOCKS } from './limits'
import { COMMENTS_EXTENDED_PART, MAX_WORD_COMMENT_THREADS, wordCommentThreads, type WordCommentThread } from './wordComments'
import { wordRevisions } from './wordRevisions'
import { onTextBeforeChanges, proposeRevisions } from './trackedChanges'
import { noteText, type ImportNote } from './notes'

/**
 * DOCX import through mammoth: Word → simple HTML, whose headings and lists keep what plain text
 * would lose — heading styles, and Word's own numbering (numbers that are not in the text at
 * all), which arrives as nested <ol>/<ul> and becomes a list depth for the recogniser.
 * mammoth is loaded on demand, so the other importers do not pull it into a bundle.
 */

/**
 * Our own exports' cover page (style names as written by shared/export/docx.ts) is metadata, not
 * text of the law; their conclusions' style marks the conclusions, whatever their words; Word's
 * Title style marks the law's title; other styles map as mammoth's defaults.
 */
const STYLE_MAP = [
  "p[style-name='Title'] => h1.docx-title:fresh",
  "p[style-name='Accord Cover Title'] => !",
  "p[style-name='Accord Cover'] => !",
  "p[style-name='Accord Appendix Title'] => h6.docx-appendix:fresh",
  "p[style-name='Accord Conclusions'] => p.docx-conclusions:fresh",
]

const HEADING = /^h([1-6])$/

interface Walk {
  blocks: SourceBlock[]
  images: number
  tables: number
  /** Whether a paragraph had Word's Title style (then Heading 1 holds chapters). */
  titleStyle: boolean
  /** The heading of an export's appendix (positions, review report): the law ends before it. */
  appendix: string | null
  /** Footnotes' and endnotes' texts by mammoth's id ("footnote-1"). */
  notes: Map<string, string>
  /** Where the text refers to them, in order. */
  noteRefs: NoteRef[]
}

/** A footnote's or endnote's mark in the text: the words before it and their paragraph. */
interface NoteRef {
  id: string
  before: string
  paragraph: string
}

/** A note's mark as inlineText leaves it in a line, for pushLines to take out (private-use brackets). */
const NOTE_MARK = /\uE000((?:footnote|endnote)-[\w-]+)\uE001/g

/**
 * Heading levels as Word files use them. With a Title paragraph, Heading 1 holds chapters and
 * Heading 2 articles. Many files have no Title paragraph and put the title in Heading 1 instead:
 * one Heading 1 first, then Heading 2 chapters and Heading 3 articles. Read with the first
 * rule, their chapters became articles and their articles paragraphs. So when Heading 1 comes
 * once, before any other heading, and does not read as a chapter ("Chapter I", "Глава 1"), it
 * is the title and every level moves up one. So are two such paragraphs when the second starts
 * the title's subject ("О …", "On …": shared/import/titleLines.ts).
 */
function titleInHeading1(walk: Walk): boolean {
  if (walk.titleStyle) return false
  const headings = walk.blocks.filter((b) => b.heading !== undefined)
  const first = headings[0]
  if (!first || first.heading !== 2) return false
  // A title on two Heading 1 paragraphs, one after the other: "МОДЕЛЬНЫЙ ЗАКОН" ↵ "О …".
  const start = walk.blocks.indexOf(first)
  let lines = 1
  while (walk.blocks[start + lines]?.heading === 2 && startsTitleSubject(walk.blocks[start + lines].text)) lines++
  if (headings.filter((b) => b.heading === 2).length !== lines) return false
  const kind = matchHeading(first.text)?.kind
  if (kind === 'part' || kind === 'chapter') return false
  return headings.length > lines
}

/**
 * Text of an element for one block: <br> and paragraph ends become line breaks, nested lists and
 * tables are left for the walk, footnote back-links ("↑") are left out, and a footnote's mark
 * ("[1]") is left as NOTE_MARK.
 */
function inlineText(el: XmlElement): string {
  let out = ''
  for (const c of el.children) {
    if (typeof c === 'string') {
      out += c
      continue
    }
    const name = localName(c)
    const href = c.attrs.href ?? ''
    if (name === 'br') out += '\n'
    else if (name === 'a' && (href.startsWith('#footnote-ref') || href.startsWith('#endnote-ref'))) continue
    else if (name === 'a' && /^#(?:footnote|endnote)-/.test(href)) out += `\uE000${href.slice(1)}\uE001`
    else if (name === 'ol' || name === 'ul' || name === 'table') continue
    else if (name === 'p') out += inlineText(c) + '\n'
    else out += inlineText(c)
  }
  return out
}

/** A line without its notes' marks, each remembered with the words before it. */
function takeNoteMarks(walk: Walk, line: string): string {
  if (!line.includes('\uE000')) return line
  const paragraph = collapseSpaces(line.replace(NOTE_MARK, ''))
  for (const m of line.matchAll(NOTE_MARK)) walk.noteRefs.push({ id: m[1], before: collapseSpaces(line.slice(0, m.index).replace(NOTE_MARK, '')), paragraph })
  return paragraph
}

/** A paragraph with soft line breaks: lines are separate blocks, so "Article 5↵Title" still reads. */
function pushLines(walk: Walk, text: string, extra: Omit<SourceBlock, 'text'>): void {
  const lines = text.split('\n').map((line) => takeNoteMarks(walk, collapseSpaces(line)))
  const nonEmpty = lines.filter(Boolean)
  if (nonEmpty.length === 0) return
  walk.blocks.push({ ...extra, text: nonEmpty[0] })
  for (const line of nonEmpty.slice(1)) walk.blocks.push({ text: line, sameParagraph: true })
}

function walkNodes(el: XmlElement, walk: Walk, depth: number): void {
  for (const c of el.children) {
    if (walk.appendix !== null) return
    if (typeof c === 'string') {
      if (c.trim()) pushLines(walk, c, {})
      continue
    }
    const name = localName(c)
    const h = HEADING.exec(name)
    if (c.attrs.class === 'docx-appendix' || (HEADING.test(name) && isAppendixTitle(textContent(c)))) {
      walk.appendix = collapseSpaces(textContent(c))
    } else if (c.attrs.class === 'docx-title') {
      walk.titleStyle = true
      // Lines, not textContent: a soft break in the title ran its lines together ("ЗАКОНО …").
      pushLines(walk, inlineText(c), { heading: 1 })
    } else if (h && walk.blocks.length === 0) {
      // The first line in a heading style is the law's title: its lines kept apart, as the Title
      // style's are, so that «МОДЕЛЬНЫЙ ЗАКОН↵О противодействии…» is re-cased as one title.
      pushLines(walk, inlineText(c), { heading: Number(h[1]) + 1 })
    } else if (h) {
      // Word's Heading 1 holds chapters and Heading 2 articles (Title is the law's title).
      walk.blocks.push({ text: takeNoteMarks(walk, collapseSpaces(inlineText(c))), heading: Number(h[1]) + 1 })
    } else if (name === 'p') pushLines(walk, inlineText(c), c.attrs.class === 'docx-conclusions' ? { closing: true } : {})
    else if (name === 'ol' || name === 'ul') {
      for (const li of elements(c, 'li')) {
        // Footnotes and endnotes come at the end as a list: notes (noteThreads), not text of the last article.
        const id = li.attrs.id ?? ''
        if (id.startsWith('footnote-') || id.startsWith('endnote-')) {
          walk.notes.set(id, collapseSpaces(inlineText(li).replace(NOTE_MARK, '')))
          continue
        }
        pushLines(walk, inlineText(li), { listDepth: depth })
        for (const nested of elements(li)) {
          if (['ol', 'ul', 'table'].includes(localName(nested))) walkNodes({ ...li, children: [nested] }, walk, depth + 1)
        }
      }
    } else if (name === 'table') {
      walk.tables++
      walkTable(c, walk, depth)
    } else walkNodes(c, walk, depth)
  }
}

/** A table's rows, through its head, body and foot. */
function rowsOf(table: XmlElement): XmlElement[] {
  return elements(table).flatMap((c) => (localName(c) === 'tr' ? [c] : ['thead', 'tbody', 'tfoot'].includes(localName(c)) ? rowsOf(c) : []))
}

/**
 * A table, row by row: a row whose cells each hold one paragraph at most is one paragraph, its
 * cells' words joined by " | " («2024 | 12»), so that a year stays with its figure; cell by cell
 * they were parts of their own, a schedule's columns apart. A row holding more (several
 * paragraphs, a list, a table) is walked cell by cell, its structure kept.
 */
function walkTable(table: XmlElement, walk: Walk, depth: number): void {
  for (const row of rowsOf(table)) {
    const cells = elements(row).filter((cell) => ['td', 'th'].includes(localName(cell)))
    const simple = cells.every((cell) => countElements(cell, 'p') <= 1 && ['ol', 'ul', 'table'].every((name) => countElements(cell, name) === 0))
    if (!simple) {
      walkNodes(row, walk, depth)
      continue
    }
    const words = cells.map((cell) => collapseSpaces(inlineText(cell))).filter(Boolean)
    if (words.length) pushLines(walk, words.join(' | '), {})
  }
}

function countElements(el: XmlElement, name: string): number {
  return elements(el).reduce((n, c) => n + (localName(c) === name ? 1 : 0) + countElements(c, name), 0)
}

/**
 * Footnotes and endnotes: a law's text in Accord has none, so each becomes a review thread on the
 * word its mark followed ("Footnote 1 in Word: …"), and its mark ("[1]") leaves the text. Before,
 * their texts became the last article's last paragraphs and the marks stayed in the words.
 */
function noteThreads(walk: Walk): WordCommentThread[] {
  const numbers = { footnote: 0, endnote: 0 }
  return walk.noteRefs.flatMap((ref) => {
    const text = walk.notes.get(ref.id)
    if (text === undefined) return []
    const kind = ref.id.startsWith('footnote-') ? 'footnote' : 'endnote'
    const quote = /\S+$/.exec(ref.before)?.[0] ?? ''
    return [{ quote, paragraph: ref.paragraph, resolved: false, note: { kind, number: ++numbers[kind] }, comments: [{ author: '', date: null, text }] }]
  })
}

const importMammoth = () => import('mammoth')
let docxReader: ReturnType<typeof importMammoth> | null = null

/** The Word reader (mammoth, a large module), loaded once: ahead of the first file when called early. */
export function loadDocxReader(): ReturnType<typeof importMammoth> {
  docxReader ??= importMammoth().catch((err: unknown) => {
    docxReader = null // a chunk that failed to load is asked for again next time
    throw err
  })
  return docxReader
}

export async function parseDocx(bytes: ArrayBuffer | Uint8Array, language?: Language, trackedChanges: TrackedChanges = 'accept'): Promise<ImportResult> {
  const { default: mammoth } = await loadDocxReader()
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)
  const parts = new Map<string, string | null>([[DOCUMENT_PART, null], [COMMENTS_PART, null], [COMMENTS_EXTENDED_PART, null]])
  if (await docxPartsExceed(view, MAX_DOCX_XML_BYTES, parts)) throw new ImportError('tooLarge', `the Word document's parts unpack to more than ${MAX_DOCX_XML_BYTES} bytes`)
  const arrayBuffer = view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength) as ArrayBuffer
  // mammoth's Node build reads `buffer`, its browser build `arrayBuffer`; JSZip takes either.
  const input = { buffer: view, arrayBuffer } as unknown as Parameters<typeof mammoth.convertToHtml>[0]
  // Whatever mammoth or JSZip refuse (an empty file, a PDF or ODT renamed) is not a Word document.
  const result = await mammoth
    .convertToHtml(input, { styleMap: STYLE_MAP, convertImage: mammoth.images.imgElement(async () => ({ src: '' })) })
    .catch((err: unknown) => {
      throw new ImportError('notDocx', err instanceof Error ? err.message : String(err))
    })
  const walk: Walk = { blocks: [], images: 0, tables: 0, titleStyle: false, appendix: null, notes: new Map(), noteRefs: [] }
  const tree = parseXml(`<root>${result.value}</root>`)
  walkNodes(tree, walk, 0)
  if (walk.blocks.length > MAX_IMPORT_BLOCKS) throw new ImportError('tooLong', `more than ${MAX_IMPORT_BLOCKS} paragraphs`)
  if (titleInHeading1(walk)) for (const b of walk.blocks) if (b.heading !== undefined) b.heading -= 1
  walk.images = countElements(tree, 'img')

  const notes: ImportNote[] = []
  if (walk.appendix !== null) notes.push({ code: 'appendixLeftOut', title: walk.appendix })
  if (walk.images) notes.push({ code: 'imagesLeftOut', count: walk.images })
  if (walk.tables) notes.push({ code: 'tablesFlattened', count: walk.tables })
  notes.push(...revisionNotes(parts))
  if (walk.noteRefs.length > 0) notes.push({ code: 'footnotes', count: walk.noteRefs.length })
  for (const m of result.messages) {
    // Unknown paragraph styles are normal in Word files and change nothing; other notes are kept.
    if (m.type === 'error' || !/^Unrecognised (paragraph|run) style/.test(m.message)) notes.push({ code: 'docxMessage', message: m.message })
  }
  let recognised = recognise(walk.blocks, { language, notes })
  const comments = [
    ...wordCommentThreads(parts.get(DOCUMENT_PART) ?? null, parts.get(COMMENTS_PART) ?? null, parts.get(COMMENTS_EXTENDED_PART) ?? null),
    ...noteThreads(walk),
  ]
  if (trackedChanges === 'propose' && recognised.notes.some((n) => n.code === 'trackedChanges')) {
    const { revisions, structural } = wordRevisions(parts.get(DOCUMENT_PART) ?? null)
    const proposed = proposeRevisions(recognised.doc, revisions)
    const note: ImportNote = { code: 'trackedChangesProposed', proposed: proposed.threads.length, accepted: proposed.accepted + structural }
    const withNote = recognised.notes.map((n) => (n.code === 'trackedChanges' ? note : n))
    recognised = { ...recognised, doc: proposed.doc, notes: withNote, warnings: withNote.map(noteText) }
    comments.splice(0, comments.length, ...onTextBeforeChanges(comments, proposed.paragraphs), ...proposed.threads)
  }
  const threads = comments.slice(0, MAX_WORD_COMMENT_THREADS)
  return threads.length > 0 ? { ...recognised, wordComments: threads } : recognised
}
