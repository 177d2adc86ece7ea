import type { Language } from '../language'
import type { Segment } from './types'
import type { ComparativeRow, WordingLine } from './comparativeTable'
import { escapeHtml } from '../export/escape'
import { COMPARATIVE_TABLE_WORDS, proposersKey, rowNotes, type TableWording } from './tableWords'

/**
 * The comparative table as HTML: a bare <table> for embedding, or a standalone document for
 * download. Deleted words are <del>, inserted words <ins>. Every piece of document text goes
 * through escapeHtml; the only markup is the fixed tags written here.
 */

const WORDS = COMPARATIVE_TABLE_WORDS

export interface ComparativeTableHtmlOptions extends TableWording {
  language: Language
  /** Heading of the standalone document; defaults to "Comparative table" in the language. */
  title?: string
  /** Lines under the heading (the draft, which versions are compared). */
  subtitle?: string[]
  /** Add a "Justification" column: the rows' reasons, the rest for the drafters to fill in. */
  justification?: boolean
}

export function renderComparativeTable(rows: ComparativeRow[], options: ComparativeTableHtmlOptions): string {
  const w = WORDS[options.language]
  const justification = options.justification ?? false
  const numbered = options.number !== undefined
  const body = rows.length
    ? rows.map((row, i) => renderRow(row, options.language, justification, numbered ? i + 1 : null)).join('')
    : `<tr><td colspan="${3 + Number(justification) + Number(numbered)}">${escapeHtml(options.noRows ?? w.noRows)}</td></tr>`
  return (
    `<table class="comparative-table">` +
    `<thead><tr>${numbered ? `<th class="number">${escapeHtml(options.number!)}</th>` : ''}<th>${escapeHtml(options.columns?.before ?? w.before)}</th><th>${escapeHtml(options.columns?.after ?? w.after)}</th><th class="proposed-by">${escapeHtml(w.proposedBy)}</th>` +
    (justification ? `<th class="justification">${escapeHtml(w.justification)}</th>` : '') +
    `</tr></thead><tbody>${body}</tbody></table>`
  )
}

export function comparativeTableHtml(rows: ComparativeRow[], options: ComparativeTableHtmlOptions): string {
  const title = options.title ?? WORDS[options.language].title
  return (
    `<!DOCTYPE html><html lang="${options.language}"><head><meta charset="utf-8">` +
    `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>` +
    `<body><h1>${escapeHtml(title)}</h1>` +
    (options.subtitle ?? []).map((line) => `<p class="subtitle">${escapeHtml(line)}</p>`).join('') +
    renderComparativeTable(rows, options) +
    renderKey(rows, options.language) +
    `</body></html>`
  )
}

const STYLE =
  'body{font-family:"Times New Roman","PT Serif",serif}' +
    // The wordings share what the narrow "Proposed by" (and "Justification") columns leave.
  'table{border-collapse:collapse;width:100%}th,td{border:1px solid #888;padding:4px 8px;vertical-align:top}' +
  '.proposed-by{width:10%}.justification{width:20%}.number{width:3em;text-align:center}' +
  'del{background:#fdd;text-decoration:line-through}ins{background:#dfd;text-decoration:underline}' +
  'p{margin:0 0 4px}.heading,.part,.chapter,.section,.title{font-weight:bold}.point{margin-left:1.5em}.subpoint{margin-left:3em}' +
  '.note{font-style:italic;color:#555}'

function renderRow(row: ComparativeRow, language: Language, justification: boolean, number: number | null): string {
  return `<tr data-kind="${row.kind}" data-status="${row.status}">` +
    (number === null ? '' : `<td class="number">${number}.</td>`) +
    `<td>${renderSide(row.before, language)}</td>` +
    `<td>${renderSide(row.after, language)}${renderNotes(row, language)}</td>` +
    `<td class="proposed-by">${renderProposers(row)}</td>` +
    (justification ? `<td class="justification">${renderReasons(row)}</td>` : '') +
    '</tr>'
}

/** Short names, one a line, the full name on hover; nobody: an empty cell. */
function renderProposers(row: ComparativeRow): string {
  return row.proposedBy.map((o) => `<p><abbr title="${escapeHtml(o.name)}">${escapeHtml(o.shortName)}</abbr></p>`).join('')
}

/** Each reason as "MoJ: …", its lines kept. */
function renderReasons(row: ComparativeRow): string {
  return row.reasons
    .map((r) => `<p><b><abbr title="${escapeHtml(r.organization.name)}">${escapeHtml(r.organization.shortName)}</abbr>:</b> ${escapeHtml(r.text).replace(/\n/g, '<br>')}</p>`)
    .join('')
}

/** The full names behind the short ones, for print (where no title shows). */
function renderKey(rows: ComparativeRow[], language: Language): string {
  const key = proposersKey(rows, language)
  return key ? `<p class="note">${escapeHtml(key)}</p>` : ''
}

function renderSide(lines: WordingLine[], language: Language): string {
  if (lines.length === 0) return `<p class="note">${escapeHtml(WORDS[language].absent)}</p>`
  return lines.map(renderLine).join('')
}

function renderLine(line: WordingLine): string {
  const label = line.label ? `${escapeHtml(line.label)} ` : ''
  return `<p class="${line.role}">${label}${line.segments.map(renderSegment).join('')}</p>`
}

function renderSegment(segment: Segment): string {
  const text = escapeHtml(segment.text)
  return segment.kind === 'insert' ? `<ins>${text}</ins>` : segment.kind === 'delete' ? `<del>${text}</del>` : text
}

/** "Article 7. → Article 8.; moved; split from Article 6." under the new wording. */
function renderNotes(row: ComparativeRow, language: Language): string {
  const notes = rowNotes(row, language)
  return notes.length ? `<p class="note">${escapeHtml(notes.join('; '))}</p>` : ''
}
