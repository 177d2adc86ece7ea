import type { DocJSON } from '../schema'
import { escapeHtml } from './escape'
import { CONCLUSIONS_PLACE, PREAMBLE_PLACE, TITLE_PLACE } from '../places'
import { coverLines, type ExportMeta } from './meta'
import { reportMetaLine } from '../review/reviewReport'
import { REVIEW_THREAD_CSS, reviewSectionsHtml } from '../review/reviewReportHtml'
import { commentsReport, positionsTable, type ExportAppendix, type ExportComments, type PositionsTable } from './positions'
import { pieces, ThreadMarks } from './threadMarks'
import { lawStructure, worded, type ArticleNode, type ChapterNode, type LawStructure, type ParagraphNode, type PartNode, type PointNode, type SectionNode } from './structure'

/**
 * One standalone HTML file: inline CSS, no script, no external resources, so it can be mailed,
 * archived and printed to PDF from any browser. The print stylesheet gives the cover its own
 * page. Every user string goes through escapeHtml; numbers are written as text (they are the
 * computed labels, not CSS counters), so copy-paste and search keep them.
 */

const CSS = `
:root { color-scheme: light; }
body { font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", "PT Serif", serif; font-size: 13pt; line-height: 1.45; color: #111; margin: 0 auto; max-width: 46rem; padding: 2rem 1.5rem; }
.cover { text-align: center; padding: 4rem 0; border-bottom: 1px solid #999; margin-bottom: 2rem; }
.cover h1 { font-size: 20pt; margin: 0 0 2.5rem; }
.cover dl { display: inline-grid; grid-template-columns: auto auto; gap: 0.3rem 1rem; text-align: left; margin: 0; }
.cover dt { font-weight: bold; }
.cover dd { margin: 0; }
.cover ul { margin: 0; padding-left: 1.1rem; }
h1.law-title { font-size: 17pt; text-align: center; margin: 0 0 1.5rem; }
.preamble p { text-indent: 2em; margin: 0 0 0.6em; }
.conclusions { margin-top: 2.5rem; }
/* pre-wrap: a signature sets the name apart with spaces («Президент …      В. Путин»). */
.conclusions p { margin: 0 0 0.3em; white-space: pre-wrap; }
h2.part { font-size: 15pt; text-align: center; margin: 2.5rem 0 1.2rem; text-transform: uppercase; }
h2.chapter { font-size: 14pt; text-align: center; margin: 2rem 0 1rem; }
h3.section { font-size: 13pt; text-align: center; margin: 1.6rem 0 0.8rem; }
section.article { margin: 0 0 1.2rem; }
.article-heading { font-size: 13pt; margin: 1.2rem 0 0.5rem; }
p.clause, p.point, p.subpoint { margin: 0 0 0.4em; text-align: justify; }
p.point { margin-left: 2em; }
p.subpoint { margin-left: 4em; }
.num { font-weight: normal; }
section.appendix { margin-top: 2.5rem; border-top: 1px solid #999; padding-top: 1rem; }
section.appendix h2 { font-size: 14pt; text-align: center; }
section.appendix table { border-collapse: collapse; width: 100%; font-size: 11pt; }
section.appendix th, section.appendix td { border: 1px solid #888; padding: 0.25rem 0.4rem; text-align: left; vertical-align: top; }
section.appendix th { background: #eee; }
section.review h3 { font-size: 12pt; margin: 1.5rem 0 0.5rem; }
section.review .meta { text-align: center; color: #555; font-size: 10pt; }
section.review .thread { font-size: 11pt; }
mark.commented { background: #fdf1c7; color: inherit; }
sup.thread-ref a { text-decoration: none; color: #7a5a00; padding: 0 0.1em; }
${REVIEW_THREAD_CSS}
@page { size: A4; margin: 2.5cm 2cm 2cm 3cm; }
@media print {
  body { max-width: none; padding: 0; font-size: 12pt; }
  .cover { border: 0; min-height: 22cm; display: flex; flex-direction: column; justify-content: center; page-break-after: always; break-after: page; margin: 0; }
  h2.part, h2.chapter, h3.section, .article-heading { page-break-after: avoid; break-after: avoid; }
  .conclusions { page-break-inside: avoid; break-inside: avoid; }
  section.appendix { border: 0; page-break-before: always; break-before: page; }
  section.appendix tr { page-break-inside: avoid; break-inside: avoid; }
  p { orphans: 3; widows: 3; }
}
`

function label(value: string): string {
  return value ? `<span class="num">${escapeHtml(value)}</span> ` : ''
}

/**
 * With the open comments exported: the words of each open thread highlighted where they stand
 * (threadMarks.ts), followed by its number, a link to the thread in the report after the text.
 */
class CommentedWords {
  private readonly marks: ThreadMarks
  private readonly numbers = new Map<string, number>()

  constructor(comments: ExportComments) {
    this.marks = new ThreadMarks(comments.threads)
  }

  /** A block's words, escaped, with the threads on them. */
  html(key: string | null, text: string): string {
    const found = key === null ? [] : this.marks.take(key, text)
    if (found.length === 0) return escapeHtml(text)
    return pieces(text, found)
      .map((piece) => {
        const words = piece.within.length > 0 ? `<mark class="commented">${escapeHtml(piece.text)}</mark>` : escapeHtml(piece.text)
        return words + piece.ending.map((m) => this.reference(m.thread.thread.id)).join('')
      })
      .join('')
  }

  private reference(threadId: string): string {
    const n = this.numbers.get(threadId) ?? this.numbers.size + 1
    this.numbers.set(threadId, n)
    return `<sup class="thread-ref"><a href="#thread-${escapeHtml(threadId)}">${n}</a></sup>`
  }
}

type Commented = CommentedWords | null

const words = (commented: Commented, key: string | null, text: string) => (commented ? commented.html(key, text) : escapeHtml(text))

function block(cls: string, id: string | null, num: string, text: string, commented: Commented): string {
  const idAttr = id ? ` data-id="${escapeHtml(id)}"` : ''
  return `<p class="${cls}"${idAttr}>${label(num)}${words(commented, id, text)}</p>`
}

function pointHtml(point: PointNode, commented: Commented): string[] {
  const out = point.implicit ? [] : [block('point', point.id, point.label, point.text, commented)]
  for (const sub of point.subpoints) out.push(block('subpoint', sub.id, sub.label, sub.text, commented))
  return out
}

function paragraphHtml(paragraph: ParagraphNode, commented: Commented): string[] {
  const out = paragraph.implicit ? [] : [block('clause', paragraph.id, paragraph.label, paragraph.text, commented)]
  return out.concat(paragraph.points.flatMap((p) => pointHtml(p, commented)))
}

/** A heading's label and words; the threads on its words are on the words, not the label. */
function headingHtml(node: { id: string | null; label: string; heading: string }, commented: Commented): string {
  return `${escapeHtml(node.label)}${node.heading ? ' ' + words(commented, node.id, node.heading) : ''}`
}

/** An article's heading is h3, or h4 inside a section (h3), so the outline of the page nests. */
function articleHtml(article: ArticleNode, commented: Commented, level: 3 | 4 = 3): string[] {
  const id = article.id ? ` data-id="${escapeHtml(article.id)}"` : ''
  return [
    `<section class="article"${id}>`,
    `<h${level} class="article-heading">${headingHtml(article, commented)}</h${level}>`,
    ...article.paragraphs.flatMap((p) => paragraphHtml(p, commented)),
    '</section>',
  ]
}

function divisionHeading(tag: 'h2' | 'h3', division: PartNode | ChapterNode | SectionNode, commented: Commented): string {
  const id = division.id ? ` data-id="${escapeHtml(division.id)}"` : ''
  return `<${tag} class="${division.kind}"${id}>${headingHtml(division, commented)}</${tag}>`
}

function sectionHtml(section: SectionNode, commented: Commented): string[] {
  return [divisionHeading('h3', section, commented), ...section.articles.flatMap((a) => articleHtml(a, commented, 4))]
}

function chapterHtml(chapter: ChapterNode, commented: Commented): string[] {
  return [
    divisionHeading('h2', chapter, commented),
    ...chapter.articles.flatMap((a) => articleHtml(a, commented)),
    ...chapter.sections.flatMap((s) => sectionHtml(s, commented)),
  ]
}

/**
 * A part is h2 like a chapter rather than pushing every level down one: HTML has six levels, and
 * a chapter reads the same whether or not its law has parts (the class tells them apart).
 */
function bodyHtml(item: LawStructure['body'][number], commented: Commented): string[] {
  if (item.kind === 'part') return [divisionHeading('h2', item, commented), ...item.body.flatMap((b) => bodyHtml(b, commented))]
  return item.kind === 'chapter' ? chapterHtml(item, commented) : item.kind === 'section' ? sectionHtml(item, commented) : articleHtml(item, commented)
}

/** The conclusions after the last article: plain paragraphs, set apart; none when they have no words. */
function conclusionsHtml(law: LawStructure, commented: Commented): string[] {
  const paragraphs = worded(law.conclusions)
  return paragraphs.length ? ['<div class="conclusions">', ...paragraphs.map((p) => `<p>${words(commented, CONCLUSIONS_PLACE, p)}</p>`), '</div>'] : []
}

/** A table after the text (the positions), every cell escaped. */
function appendixTable(table: PositionsTable, cls: string): string[] {
  const cells = (tag: 'th' | 'td', row: string[]) => `<tr>${row.map((c) => `<${tag}>${escapeHtml(c)}</${tag}>`).join('')}</tr>`
  return [
    `<section class="appendix ${cls}">`,
    `<h2>${escapeHtml(table.title)}</h2>`,
    '<table>',
    `<thead>${cells('th', table.header)}</thead>`,
    '<tbody>',
    ...table.rows.map((row) => cells('td', row)),
    '</tbody>',
    '</table>',
    '</section>',
  ]
}

/** The open comments after the text: the review report's sections, escaped by shared/review's HTML. */
function reviewAppendix(comments: ExportComments, doc: DocJSON, meta: ExportMeta, title: string): string[] {
  const model = commentsReport(comments, doc, meta.language, title)
  return [
    '<section class="appendix review">',
    `<h2>${escapeHtml(model.words.report)}</h2>`,
    `<p class="meta">${escapeHtml(reportMetaLine(model))}</p>`,
    ...reviewSectionsHtml(model, 'h3'),
    '</section>',
  ]
}

export function toHtml(doc: DocJSON, meta: ExportMeta, appendix: ExportAppendix = {}): string {
  const law = lawStructure(doc, meta.language)
  const cover = coverLines(meta)
  const title = law.title || meta.title
  const commented = appendix.comments ? new CommentedWords(appendix.comments) : null
  const row = (l: { label: string; value: string }) => `<dt>${escapeHtml(l.label)}</dt><dd>${escapeHtml(l.value)}</dd>`
  const orgs = cover.organizations.values.length
    ? `<ul>${cover.organizations.values.map((o) => `<li>${escapeHtml(o)}</li>`).join('')}</ul>`
    : '—'
  return [
    '<!DOCTYPE html>',
    `<html lang="${meta.language}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // No script may run from an exported file, even if it is opened from disk.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${escapeHtml(cover.title || title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    '<section class="cover">',
    `<h1>${escapeHtml(cover.title || title)}</h1>`,
    '<dl>',
    row(cover.version),
    row(cover.status),
    row(cover.date),
    `<dt>${escapeHtml(cover.organizations.label)}</dt><dd>${orgs}</dd>`,
    '</dl>',
    '</section>',
    '<main class="law">',
    `<h1 class="law-title">${law.title ? words(commented, TITLE_PLACE, title) : escapeHtml(title)}</h1>`,
    '<div class="preamble">',
    ...worded(law.preamble).map((p) => `<p>${words(commented, PREAMBLE_PLACE, p)}</p>`),
    '</div>',
    ...law.body.flatMap((item) => bodyHtml(item, commented)),
    ...conclusionsHtml(law, commented),
    '</main>',
    ...(appendix.positions ? appendixTable(positionsTable(appendix.positions, law), 'positions') : []),
    ...(appendix.comments ? reviewAppendix(appendix.comments, doc, meta, title) : []),
    '</body>',
    '</html>',
    '',
  ].join('\n')
}
