import type { DocJSON } from '../schema'
import { startsLikeStructure } from '../import/markers'
import type { ExportMeta } from './meta'
import { authorLine, reportHeadings, reportMetaLine, statusLine, wordingLines, type ReportThread, type ReviewReportModel } from '../review/reviewReport'
import { commentsReport, positionsTable, type ExportAppendix, type PositionsTable } from './positions'
import { lawStructure, worded, type ArticleNode, type ChapterNode, type LawStructure, type SectionNode } from './structure'

/**
 * Markdown for the web and for review:
 *   # Title / preamble / ## Part I. Heading / ## Chapter I. Heading / ### Section 1. Heading / ### Article 5. Heading
 *   (#### inside a section, so the levels nest) /
 *   "1. text" paragraphs, "   1) text" points, "      a) text" sub-points /
 *   "---" then the conclusions' paragraphs.
 * Blocks are separated by blank lines, so a sub-point ("a)" is not Markdown list syntax) never
 * runs into the line above. User text is escaped: it never turns into markup, and the importer
 * never mistakes it for structure.
 */

const POINT_INDENT = '   '
const SUBPOINT_INDENT = '      '

/** Characters with inline meaning anywhere in a line (emphasis, code, links, HTML, tables, entities). */
const INLINE = /[\\`*_[\]<>#|~&]/g
const INLINE_CHAR = /[\\`*_[\]<>#|~&]/
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/

function escapeInline(text: string): string {
  return text.replace(INLINE, '\\$&')
}

/**
 * Escapes user text. At its start (which is also the start of a Markdown block, even after a
 * list marker) a leading "1.", "a)", "- ", "=", "Article 5." would become a list, a setext line or
 * an imported heading: the first punctuation character gets a backslash, which CommonMark and
 * the importer both read as the literal character.
 */
export function escapeMarkdown(value: string): string {
  const text = oneLine(value)
  if (startsLikeStructure(text) || /^[-+=]|^\d+[.)]/.test(text)) {
    const i = text.search(ASCII_PUNCTUATION)
    if (i >= 0 && !INLINE_CHAR.test(text[i])) {
      return escapeInline(text.slice(0, i)) + '\\' + text[i] + escapeInline(text.slice(i + 1))
    }
  }
  return escapeInline(text)
}

// A line break inside a block would let the next line start a new block; a space keeps the words.
function oneLine(value: string): string {
  return value.replace(/\s*[\r\n]+\s*/g, ' ').trim()
}

/** A table cell starts no block ("| Статья 2. |"): only the inline syntax, the pipe with it, is escaped. */
function escapeCell(value: string): string {
  return escapeInline(oneLine(value))
}

function headingLine(prefix: string, label: string, heading: string): string {
  return heading ? `${prefix} ${label} ${escapeMarkdown(heading)}` : `${prefix} ${label}`
}

function articleLines(article: ArticleNode, prefix = '###'): string[] {
  const out = [headingLine(prefix, article.label, article.heading)]
  for (const paragraph of article.paragraphs) {
    if (!paragraph.implicit) {
      const text = escapeMarkdown(paragraph.text)
      // An empty unnumbered paragraph would vanish as a blank line; the importer recreates it.
      if (paragraph.label || text) out.push(paragraph.label ? `${paragraph.label} ${text}`.trimEnd() : text)
    }
    for (const point of paragraph.points) {
      if (!point.implicit) out.push(`${POINT_INDENT}${point.label} ${escapeMarkdown(point.text)}`.trimEnd())
      for (const sub of point.subpoints) out.push(`${SUBPOINT_INDENT}${sub.label} ${escapeMarkdown(sub.text)}`.trimEnd())
    }
  }
  return out
}

/** A section's articles are one level below it; the importer knows them by their labels, not levels. */
function sectionLines(section: SectionNode): string[] {
  return [headingLine('###', section.label, section.heading), ...section.articles.flatMap((a) => articleLines(a, '####'))]
}

function chapterLines(chapter: ChapterNode): string[] {
  return [headingLine('##', chapter.label, chapter.heading), ...chapter.articles.flatMap((a) => articleLines(a)), ...chapter.sections.flatMap(sectionLines)]
}

/**
 * A part is "##" like a chapter: Markdown has few levels, and the importer knows parts and
 * chapters by their labels («Раздел I.», "Part I."), as it does sections.
 */
function bodyLines(item: LawStructure['body'][number]): string[] {
  if (item.kind === 'part') return [headingLine('##', item.label, item.heading), ...item.body.flatMap(bodyLines)]
  return item.kind === 'chapter' ? chapterLines(item) : item.kind === 'section' ? sectionLines(item) : articleLines(item)
}

/**
 * The conclusions after the last article, after a thematic break: Markdown has no element for
 * them, and without it an adoption note or a signature would read back as a paragraph of the last
 * article; the importer takes what follows a break after the last article for the conclusions.
 */
function conclusionsBlocks(law: LawStructure): string[] {
  const paragraphs = worded(law.conclusions)
  return paragraphs.length ? ['---', ...paragraphs.map(escapeMarkdown)] : []
}

/** A GFM table after the text (a pipe in a cell is escaped with the rest of the inline syntax). */
function tableBlocks(table: PositionsTable): string[] {
  const row = (cells: string[]) => `| ${cells.map(escapeCell).join(' | ')} |`
  return [`## ${escapeMarkdown(table.title)}`, [row(table.header), `|${table.header.map(() => ' --- |').join('')}`, ...table.rows.map(row)].join('\n')]
}

/** A thread: its state, the passage quoted, then one list item per comment (author, organization, time, words). */
function threadBlocks(model: ReviewReportModel, entry: ReportThread): string[] {
  const w = model.words
  const t = entry.thread
  const quote = escapeMarkdown(t.quote)
  const out = [`**${escapeMarkdown(statusLine(w, t))}**`]
  if (entry.state === 'article') out.push(`*${escapeMarkdown(w.wholeArticle)}*`)
  else if (entry.state === 'orphaned') out.push(`*${escapeMarkdown(w.onDeletedText)}*`, ...(quote ? [`> ~~${quote}~~`] : []))
  else {
    if (quote) out.push(`> ${quote}`)
    if (entry.current !== null && entry.current !== t.quote) out.push(`${escapeMarkdown(w.nowReads)}: ${escapeMarkdown(entry.current)}`)
  }
  const wording = wordingLines(w, t)
  if (wording) out.push(`**${escapeMarkdown(wording.label)}:** ${escapeMarkdown(wording.text)} *(${escapeMarkdown(wording.state)})*`)
  const comments = t.comments.filter((c) => !c.deleted).map((c) => {
    const edited = c.editedAt ? `, ${w.edited} ${w.time(c.editedAt)}` : ''
    return `- **${escapeMarkdown(authorLine(c.author.displayName, c.organization))}** — ${escapeMarkdown(`${w.time(c.createdAt)}${edited}`)}: ${escapeMarkdown(c.body)}`
  })
  if (comments.length) out.push(comments.join('\n'))
  return out
}

/** The open comments after the text: the review report's sections, articles as "###". */
function reviewBlocks(model: ReviewReportModel): string[] {
  const out = [`## ${escapeMarkdown(model.words.report)}`, escapeMarkdown(reportMetaLine(model))]
  if (model.sections.length === 0) out.push(escapeMarkdown(model.words.none))
  for (const { section, heading } of reportHeadings(model)) {
    if (heading !== null) out.push(section.deleted ? `### ${escapeMarkdown(heading)}` : headingLine('###', section.label, section.heading))
    for (const entry of section.threads) out.push(...threadBlocks(model, entry))
  }
  return out
}

/**
 * The appendix (`positions`, then `comments`) comes after the text under "##" headings of its
 * own; a file with one is for reading — importing it back would take those headings for chapters.
 */
export function toMarkdown(doc: DocJSON, meta: ExportMeta, appendix: ExportAppendix = {}): string {
  const law = lawStructure(doc, meta.language)
  const title = law.title || meta.title
  const blocks: string[] = [title ? `# ${escapeMarkdown(title)}` : '#']
  for (const p of worded(law.preamble)) blocks.push(escapeMarkdown(p))
  for (const item of law.body) blocks.push(...bodyLines(item))
  blocks.push(...conclusionsBlocks(law))
  if (appendix.positions) blocks.push(...tableBlocks(positionsTable(appendix.positions, law)))
  if (appendix.comments) blocks.push(...reviewBlocks(commentsReport(appendix.comments, doc, meta.language, title)))
  return blocks.join('\n\n') + '\n'
}
