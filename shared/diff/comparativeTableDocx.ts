import { AlignmentType, Paragraph, TableRow, TextRun } from 'docx'
import type { Language } from '../language'
import { xmlSafe } from '../export/escape'
import { cell, emptyRow, TABLE_WIDTH, wordingCell, wordingTableDocx } from '../export/wordingTableDocx'
import { CM } from '../export/wordBasics'
import type { ComparativeRow } from './comparativeTable'
import { COMPARATIVE_TABLE_WORDS, proposersKey, rowNotes, type TableWording } from './tableWords'

/**
 * The comparative table ("сравнительная таблица") as a Word document, the deliverable of the
 * region's legislative practice: previous wording | new wording | proposed by [| justification:
 * the reasons given with the wordings accepted in between, the rest for the drafters to fill in],
 * one row per changed provision, on landscape A4
 * (shared/export/wordingTableDocx.ts lays it out).
 * - Deleted words are struck through in dark red on a pale red ground; inserted words are bold,
 *   underlined, on a pale green ground — still distinguishable when printed in black and white.
 * - The document language set; a key to the organizations' short names under the table.
 */

export interface ComparativeTableDocxOptions extends TableWording {
  language: Language
  /** Heading above the table; defaults to "Comparative table" in the language. */
  title?: string
  /** Lines under the heading (the draft, which versions are compared). */
  subtitle?: string[]
  /** Add a "Justification" column: the rows' reasons, the rest for the drafters to fill in. */
  justification?: boolean
}

/** "№" holds a row's number; "Proposed by" short names; "Justification" a sentence or two; the wordings share the rest. */
const NUMBER_WIDTH = Math.round(1.2 * CM)
const PROPOSED_BY_WIDTH = Math.round(2.8 * CM)
const JUSTIFICATION_WIDTH = Math.round(4.5 * CM)

/** Column widths in twips, summing to the table's width: [number,] before, after, proposed by[, justification]. */
export function columnWidths(justification: boolean, numbered = false): number[] {
  const lead = numbered ? [NUMBER_WIDTH] : []
  const narrow = justification ? [PROPOSED_BY_WIDTH, JUSTIFICATION_WIDTH] : [PROPOSED_BY_WIDTH]
  const wordings = TABLE_WIDTH - [...lead, ...narrow].reduce((a, b) => a + b, 0)
  const before = Math.floor(wordings / 2)
  return [...lead, before, wordings - before, ...narrow]
}

/** Short names, one a paragraph (the key under the table gives the full ones); nobody: an empty cell to type into. */
function proposersCell(row: ComparativeRow, width: number) {
  const names = row.proposedBy.map((o) => new Paragraph({ children: [new TextRun({ text: xmlSafe(o.shortName) })] }))
  return cell(names.length ? names : [new Paragraph({ children: [] })], width)
}

/** Each reason as "MoJ: …", its lines kept; none: an empty cell to type into. */
function justificationCell(row: ComparativeRow, width: number) {
  const reasons = row.reasons.map(
    (r) =>
      new Paragraph({
        children: [
          new TextRun({ text: `${xmlSafe(r.organization.shortName)}: `, bold: true }),
          ...xmlSafe(r.text).split('\n').map((text, i) => (i === 0 ? new TextRun({ text }) : new TextRun({ text, break: 1 }))),
        ],
      }),
  )
  return cell(reasons.length ? reasons : [new Paragraph({ children: [] })], width)
}

function bodyRows(rows: ComparativeRow[], language: Language, widths: number[], numbered: boolean, noRows: string): TableRow[] {
  if (rows.length === 0) return [emptyRow(noRows, widths.length)]
  const words = COMPARATIVE_TABLE_WORDS[language]
  const [before, after, proposedBy, justification] = numbered ? widths.slice(1) : widths
  return rows.map(
    (row, i) =>
      new TableRow({
        children: [
          ...(numbered ? [cell([new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: `${i + 1}.` })] })], widths[0])] : []),
          wordingCell(row.before, before, words.absent),
          wordingCell(row.after, after, words.absent, rowNotes(row, language)),
          proposersCell(row, proposedBy),
          ...(justification ? [justificationCell(row, justification)] : []),
        ],
      }),
  )
}

export async function comparativeTableDocx(rows: ComparativeRow[], options: ComparativeTableDocxOptions): Promise<Uint8Array> {
  const { language } = options
  const words = COMPARATIVE_TABLE_WORDS[language]
  const numbered = options.number !== undefined
  const widths = columnWidths(options.justification ?? false, numbered)
  const key = proposersKey(rows, language)
  const headers = [options.columns?.before ?? words.before, options.columns?.after ?? words.after, words.proposedBy, ...(options.justification ? [words.justification] : [])]
  return wordingTableDocx({
    language,
    title: options.title ?? words.title,
    subtitle: options.subtitle,
    headers: numbered ? [options.number!, ...headers] : headers,
    widths,
    rows: bodyRows(rows, language, widths, numbered, options.noRows ?? words.noRows),
    after: key ? [new Paragraph({ spacing: { before: 120 }, children: [new TextRun({ text: xmlSafe(key), italics: true, size: 20 })] })] : [],
  })
}
