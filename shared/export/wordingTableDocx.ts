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
import type { WordingLine } from '../diff/comparativeTable'
import type { Segment } from '../diff/types'
import { xmlSafe } from './escape'
import { autoLineSpacing } from './lineSpacing'
import { bodyRun, CM, headingRun } from './wordBasics'

/**
 * A table of wordings as a Word document on landscape A4: the layer under the comparative table
 * (shared/diff/comparativeTableDocx.ts) and the language versions' parallel text
 * (shared/export/parallelTextDocx.ts). Times New Roman for every script (Cyrillic included);
 * the header row repeats on every page; a row may break across pages (articles can be long).
 * Pure: rows in, bytes out (Packer.toArrayBuffer works in Node and in the browser).
 */

const PAGE = { width: 11906, height: 16838 } // A4 portrait; docx swaps them for landscape
const MARGIN = { top: Math.round(1.5 * CM), bottom: Math.round(1.5 * CM), left: 2 * CM, right: Math.round(1.5 * CM) }
export const TABLE_WIDTH = PAGE.height - MARGIN.left - MARGIN.right

function styles(language: Language): IStylesOptions {
  return {
    default: {
      document: {
        run: bodyRun(language, 22),
        // 1.1 lines (lineRule auto: see autoLineSpacing), so wrapped lines in a cell never overlap.
        paragraph: { spacing: { after: 60, ...autoLineSpacing(264) } },
      },
      title: { run: headingRun(32), paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 120 } } },
    },
  }
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

function segmentRun(segment: Segment, bold: boolean): TextRun {
  const text = xmlSafe(segment.text)
  if (segment.kind === 'delete') return new TextRun({ text, bold: bold || undefined, ...DELETED_RUN })
  if (segment.kind === 'insert') return new TextRun({ text, ...INSERTED_RUN })
  return new TextRun({ text, bold: bold || undefined })
}

/** One line of a wording as the law lays it out: headings bold (the dividing ones centred), points indented. */
export function lineParagraph(line: WordingLine): Paragraph {
  const bold = BOLD_ROLES.has(line.role)
  const children: TextRun[] = []
  if (line.label) children.push(new TextRun({ text: `${xmlSafe(line.label)} `, bold: bold || undefined }))
  for (const segment of line.segments) if (segment.text) children.push(segmentRun(segment, bold))
  return new Paragraph({
    children,
    alignment: CENTRED_ROLES.has(line.role) ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
    indent: INDENT[line.role] ? { left: INDENT[line.role] } : undefined,
    // No keep-with-next in a cell: LibreOffice keeps the whole row with the next one, and a long
    // table left most pages half empty (200 pages for 401 rows instead of 123).
  })
}

/** A remark in a cell: small, italic, grey. */
export const note = (text: string) => new Paragraph({ children: [new TextRun({ text: xmlSafe(text), italics: true, color: '555555', size: 20 })] })

const CELL_MARGINS = { top: 60, bottom: 60, left: 100, right: 100 }
export const cell = (children: Paragraph[], width: number) => new TableCell({ children, width: { size: width, type: WidthType.DXA }, margins: CELL_MARGINS })

/** A cell holding one side's wording, or `absent` (in a note) when that side has none. */
export function wordingCell(lines: WordingLine[], width: number, absent: string, notes: string[] = []): TableCell {
  const children = lines.length ? lines.map(lineParagraph) : [note(absent)]
  if (notes.length) children.push(note(notes.join('; ')))
  return cell(children, width)
}

function headerRow(titles: string[], widths: number[]): TableRow {
  const header = (text: string, width: number) =>
    new TableCell({
      children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: xmlSafe(text), bold: true })] })],
      width: { size: width, type: WidthType.DXA },
      shading: { type: ShadingType.CLEAR, fill: 'E7E9EE', color: 'auto' },
    })
  return new TableRow({ tableHeader: true, cantSplit: true, children: titles.map((text, i) => header(text, widths[i])) })
}

/** A row of one cell across the table, saying in `text` that there is nothing to show. */
export const emptyRow = (text: string, columns: number) => new TableRow({ children: [new TableCell({ columnSpan: columns, children: [note(text)] })] })

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '808080' }

export interface WordingTable {
  /** The document's language (its default proofing language). */
  language: Language
  title: string
  /** Lines under the title. */
  subtitle?: string[]
  /** The header row's titles, one per column. */
  headers: string[]
  /** Column widths in twips, summing to TABLE_WIDTH. */
  widths: number[]
  rows: TableRow[]
  /** Paragraphs under the table (a key to abbreviations, say). */
  after?: Paragraph[]
}

export async function wordingTableDocx(table: WordingTable): Promise<Uint8Array> {
  const title = xmlSafe(table.title)
  const document = new Document({
    title,
    creator: 'Accord',
    styles: styles(table.language),
    sections: [
      {
        properties: { page: { size: { ...PAGE, orientation: PageOrientation.LANDSCAPE }, margin: MARGIN } },
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun({ text: title })] }),
          ...(table.subtitle ?? []).map((line) => new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: xmlSafe(line) })] })),
          new Paragraph({ children: [] }),
          new Table({
            rows: [headerRow(table.headers, table.widths), ...table.rows],
            width: { size: TABLE_WIDTH, type: WidthType.DXA },
            columnWidths: table.widths,
            layout: TableLayoutType.FIXED,
            borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
          }),
          ...(table.after ?? []),
        ],
      },
    ],
  })
  return new Uint8Array(await Packer.toArrayBuffer(document))
}
