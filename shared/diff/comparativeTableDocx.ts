import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  UnderlineType,
  WidthType,
  type IStylesOptions,
} from 'docx'
import type { Language } from '../language'
import { xmlSafe } from '../export/escape'
import { autoLineSpacing } from '../export/lineSpacing'
import type { ComparativeRow, WordingLine } from './comparativeTable'
import type { Segment } from './types'
import { COMPARATIVE_TABLE_WORDS, proposersKey, rowNotes } from './tableWords'

/**
 * The comparative table ("сравнительная таблица") as a Word document, the deliverable of the
 * region's legislative practice: previous wording | new wording | proposed by [| justification,
 * empty for the drafters to fill in], one row per changed provision, on landscape A4.
 * - Deleted words are struck through in dark red on a pale red ground; inserted words are bold,
 *   underlined, on a pale green ground — still distinguishable when printed in black and white.
 * - The header row repeats on every page; a row may break across pages (articles can be long).
 * - Times New Roman for every script (Cyrillic included), the document language set.
 * Pure: rows in, bytes out (Packer.toArrayBuffer works in Node and in the browser).
 */

export interface ComparativeTableDocxOptions {
  language: Language
  /** Heading above the table; defaults to "Comparative table" in the language. */
  title?: string
  /** Lines under the heading (the draft, which versions are compared). */
  subtitle?: string[]
  /** Add an empty "Justification" column for the drafters to fill in. */
  justification?: boolean
}

const FONT = 'Times New Roman'
const LANGUAGE_TAG = { en: 'en-GB', ru: 'ru-RU' } as const
const CM = 567 // twips per centimetre
const PAGE = { width: 11906, height: 16838 } // A4 portrait; docx swaps them for landscape
const MARGIN = { top: Math.round(1.5 * CM), bottom: Math.round(1.5 * CM), left: 2 * CM, right: Math.round(1.5 * CM) }
const TABLE_WIDTH = PAGE.height - MARGIN.left - MARGIN.right
/** "Proposed by" holds short names; "Justification" a sentence or two; the wordings share the rest. */
const PROPOSED_BY_WIDTH = Math.round(2.8 * CM)
const JUSTIFICATION_WIDTH = Math.round(4.5 * CM)

/** Column widths in twips, summing to the table's width: before, after, proposed by[, justification]. */
export function columnWidths(justification: boolean): number[] {
  const narrow = justification ? [PROPOSED_BY_WIDTH, JUSTIFICATION_WIDTH] : [PROPOSED_BY_WIDTH]
  const wordings = TABLE_WIDTH - narrow.reduce((a, b) => a + b, 0)
  const before = Math.floor(wordings / 2)
  return [before, wordings - before, ...narrow]
}

/** Run formatting of deleted and inserted words. */
export const DELETED_RUN = { strike: true, color: '9C0006', shading: { type: ShadingType.CLEAR, fill: 'FFD7D7', color: 'auto' } } as const
export const INSERTED_RUN = {
  bold: true,
  underline: { type: UnderlineType.SINGLE },
  color: '006100',
  shading: { type: ShadingType.CLEAR, fill: 'D5F5D5', color: 'auto' },
} as const

const INDENT: Partial<Record<WordingLine['role'], number>> = { point: Math.round(0.75 * CM), subpoint: Math.round(1.5 * CM) }
const BOLD_ROLES: ReadonlySet<WordingLine['role']> = new Set(['title', 'part', 'chapter', 'section', 'heading'])
/** Centred as in the law itself: the title and the headings that divide it. */
const CENTRED_ROLES: ReadonlySet<WordingLine['role']> = new Set(['title', 'part', 'chapter', 'section'])
const KEEP_NEXT_ROLES: ReadonlySet<WordingLine['role']> = new Set(['heading', 'part', 'chapter', 'section'])

function styles(language: Language): IStylesOptions {
  const font = { ascii: FONT, hAnsi: FONT, cs: FONT, eastAsia: FONT }
  return {
    default: {
      document: {
        run: { font, size: 22, language: { value: LANGUAGE_TAG[language] } },
        // 1.1 lines (lineRule auto: see autoLineSpacing), so wrapped lines in a cell never overlap.
        paragraph: { spacing: { after: 60, ...autoLineSpacing(264) } },
      },
      title: { run: { font, size: 32, bold: true, color: '000000' }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 120 } } },
    },
  }
}

function segmentRun(segment: Segment, bold: boolean): TextRun {
  const text = xmlSafe(segment.text)
  if (segment.kind === 'delete') return new TextRun({ text, bold: bold || undefined, ...DELETED_RUN })
  if (segment.kind === 'insert') return new TextRun({ text, ...INSERTED_RUN })
  return new TextRun({ text, bold: bold || undefined })
}

function lineParagraph(line: WordingLine): Paragraph {
  const bold = BOLD_ROLES.has(line.role)
  const children: TextRun[] = []
  if (line.label) children.push(new TextRun({ text: `${xmlSafe(line.label)} `, bold: bold || undefined }))
  for (const segment of line.segments) if (segment.text) children.push(segmentRun(segment, bold))
  return new Paragraph({
    children,
    alignment: CENTRED_ROLES.has(line.role) ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
    indent: INDENT[line.role] ? { left: INDENT[line.role] } : undefined,
    keepNext: KEEP_NEXT_ROLES.has(line.role) || undefined,
  })
}

const note = (text: string) => new Paragraph({ children: [new TextRun({ text: xmlSafe(text), italics: true, color: '555555', size: 20 })] })

const CELL_MARGINS = { top: 60, bottom: 60, left: 100, right: 100 }
const cell = (children: Paragraph[], width: number) => new TableCell({ children, width: { size: width, type: WidthType.DXA }, margins: CELL_MARGINS })

function sideCell(lines: WordingLine[], language: Language, width: number, notes: string[] = []): TableCell {
  const children = lines.length ? lines.map(lineParagraph) : [note(COMPARATIVE_TABLE_WORDS[language].absent)]
  if (notes.length) children.push(note(notes.join('; ')))
  return cell(children, width)
}

/** Short names, one a paragraph (the key under the table gives the full ones); nobody: an empty cell to type into. */
function proposersCell(row: ComparativeRow, width: number): TableCell {
  const names = row.proposedBy.map((o) => new Paragraph({ children: [new TextRun({ text: xmlSafe(o.shortName) })] }))
  return cell(names.length ? names : [new Paragraph({ children: [] })], width)
}

function headerRow(language: Language, widths: number[]): TableRow {
  const w = COMPARATIVE_TABLE_WORDS[language]
  const titles = [w.before, w.after, w.proposedBy, w.justification].slice(0, widths.length)
  const header = (text: string, width: number) =>
    new TableCell({
      children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, bold: true })] })],
      width: { size: width, type: WidthType.DXA },
      shading: { type: ShadingType.CLEAR, fill: 'E7E9EE', color: 'auto' },
    })
  return new TableRow({ tableHeader: true, cantSplit: true, children: titles.map((text, i) => header(text, widths[i])) })
}

function bodyRows(rows: ComparativeRow[], language: Language, widths: number[]): TableRow[] {
  if (rows.length === 0) {
    return [new TableRow({ children: [new TableCell({ columnSpan: widths.length, children: [note(COMPARATIVE_TABLE_WORDS[language].noRows)] })] })]
  }
  const [before, after, proposedBy, justification] = widths
  return rows.map(
    (row) =>
      new TableRow({
        children: [
          sideCell(row.before, language, before),
          sideCell(row.after, language, after, rowNotes(row, language)),
          proposersCell(row, proposedBy),
          ...(justification ? [cell([new Paragraph({ children: [] })], justification)] : []),
        ],
      }),
  )
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '808080' }

export async function comparativeTableDocx(rows: ComparativeRow[], options: ComparativeTableDocxOptions): Promise<Uint8Array> {
  const { language } = options
  const widths = columnWidths(options.justification ?? false)
  const key = proposersKey(rows, language)
  const title = xmlSafe(options.title ?? COMPARATIVE_TABLE_WORDS[language].title)
  const document = new Document({
    title,
    creator: 'Accord',
    styles: styles(language),
    sections: [
      {
        properties: { page: { size: { ...PAGE, orientation: PageOrientation.LANDSCAPE }, margin: MARGIN } },
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun({ text: title })] }),
          ...(options.subtitle ?? []).map((line) => new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: xmlSafe(line) })] })),
          new Paragraph({ children: [] }),
          new Table({
            rows: [headerRow(language, widths), ...bodyRows(rows, language, widths)],
            width: { size: TABLE_WIDTH, type: WidthType.DXA },
            columnWidths: widths,
            layout: TableLayoutType.FIXED,
            borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
          }),
          ...(key ? [new Paragraph({ spacing: { before: 120 }, children: [new TextRun({ text: xmlSafe(key), italics: true, size: 20 })] })] : []),
        ],
      },
    ],
  })
  return new Uint8Array(await Packer.toArrayBuffer(document))
}
