import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageBreak,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type INumberingOptions,
  type ParagraphChild,
  type IStylesOptions,
} from 'docx'
import type { DocJSON } from '../schema'
import { xmlSafe } from './escape'
import { coverLines, type ExportMeta } from './meta'
import { reportMetaLine } from '../review/reviewReport'
import { REVIEW_PARAGRAPH_STYLES, reviewSectionsDocx } from '../review/reviewReportDocx'
import { commentsReport, positionsTable, type ExportAppendix, type ExportComments, type PositionsTable } from './positions'
import { lawStructure, worded, type ArticleNode, type ChapterNode, type LawStructure, type ParagraphNode, type SectionNode } from './structure'
import { autoLineSpacing } from './lineSpacing'
import { bodyRun, CM, headingRun } from './wordBasics'
import { DocxMargin } from './docxMargin'
import { CONCLUSIONS_PLACE, PREAMBLE_PLACE, TITLE_PLACE } from '../places'

/**
 * DOCX, the format every ministry works in. What makes it a real Word document rather than
 * pasted text:
 * - real styles: Title for the law title, Heading 1 for chapters, Heading 2 for articles, so
 *   Word's navigation pane and outline show the structure (chapter and article labels are typed
 *   text, so "Статья 5" can be found with Find). A section is Heading 2 (centred) and its
 *   articles Heading 3, so the outline nests; a part is Heading 1 centred (above its chapters in
 *   the text, beside them in the outline); the importer tells them apart by their labels;
 * - real Word numbering for paragraphs ("1."), points ("1)" in Russian, "(a)" in English) and
 *   sub-points (Word's `russianLower` "а)" in Russian, which skips ё, й, ъ, ы, ь as Accord does;
 *   "(i)" in English). Each article
 *   is its own list instance, so numbering restarts per article; points restart after each
 *   paragraph and sub-points after each point (Word's default level restart). An article with a
 *   single paragraph leaves that paragraph unnumbered, as the editor does;
 * - a cover page (title, version, status, date, organizations) ending in a page break;
 * - the conclusions (adoption note, signature) after the last article as plain paragraphs of a
 *   style of their own, not a Heading, so the navigation pane does not list them;
 * - Times New Roman for every script (Word has it with Cyrillic; LibreOffice substitutes the
 *   metric-compatible Liberation Serif), and the document language set for spelling and hyphenation.
 *
 * Returns bytes (Packer.toArrayBuffer), which work both in Node and in the browser.
 */

const NUMBERING = 'accord-law'
/** Style ids the importer knows: the cover's paragraphs are skipped when a file comes back. */
export const DOCX_COVER_STYLES = { title: 'AccordCoverTitle', line: 'AccordCover' } as const
/** The heading of an appendix after the text (positions, comments): its own style, not a Heading, so outlines and imports skip it. */
export const DOCX_APPENDIX_STYLE = 'AccordAppendixTitle'
/** The conclusions' paragraphs: the importer knows them by this style's name ('Accord Conclusions'). */
export const DOCX_CONCLUSIONS_STYLE = 'AccordConclusions'

function styles(language: ExportMeta['language']): IStylesOptions {
  return {
    default: {
      document: {
        run: bodyRun(language, 24),
        // 1.15 lines (lineRule auto: see autoLineSpacing), so wrapped titles and headings never overlap.
        paragraph: { spacing: { after: 120, ...autoLineSpacing(276) } },
      },
      title: { run: headingRun(32), paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 360 } } },
      heading1: {
        run: headingRun(28),
        paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 360, after: 240 }, keepNext: true, keepLines: true, outlineLevel: 0 },
      },
      heading2: {
        run: headingRun(24, { italics: false }),
        paragraph: { spacing: { before: 240, after: 120 }, keepNext: true, keepLines: true, outlineLevel: 1 },
      },
      heading3: {
        run: headingRun(24, { italics: false }),
        paragraph: { spacing: { before: 240, after: 120 }, keepNext: true, keepLines: true, outlineLevel: 2 },
      },
    },
    paragraphStyles: [
      { id: DOCX_COVER_STYLES.title, name: 'Accord Cover Title', basedOn: 'Normal', run: { size: 36, bold: true }, paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 2400, after: 960 } } },
      { id: DOCX_COVER_STYLES.line, name: 'Accord Cover', basedOn: 'Normal', paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 120 } } },
      { id: DOCX_APPENDIX_STYLE, name: 'Accord Appendix Title', basedOn: 'Normal', run: { size: 28, bold: true }, paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 240, after: 240 }, keepNext: true } },
      { id: 'AccordPreamble', name: 'Accord Preamble', basedOn: 'Normal', paragraph: { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: Math.round(1.25 * CM) } } },
      { id: DOCX_CONCLUSIONS_STYLE, name: 'Accord Conclusions', basedOn: 'Normal', paragraph: { spacing: { after: 60 } } },
      { id: 'AccordClause', name: 'Accord Paragraph', basedOn: 'Normal', paragraph: { alignment: AlignmentType.JUSTIFIED } },
      { id: 'AccordPoint', name: 'Accord Point', basedOn: 'Normal', paragraph: { alignment: AlignmentType.JUSTIFIED } },
      { id: 'AccordSubpoint', name: 'Accord Sub-point', basedOn: 'Normal', paragraph: { alignment: AlignmentType.JUSTIFIED } },
      ...REVIEW_PARAGRAPH_STYLES,
    ],
  }
}

function numbering(language: ExportMeta['language']): INumberingOptions {
  // The number hangs in its own space before the text: 1 cm, 1.5 cm for an English sub-point,
  // whose "(viii)" fills 1 cm at 12 pt and would push its text to the next tab stop.
  const level = (lvl: number, format: (typeof LevelFormat)[keyof typeof LevelFormat], text: string, hanging = 1) => ({
    level: lvl,
    format,
    text,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: Math.round((lvl + hanging) * CM), hanging: Math.round(hanging * CM) } } },
  })
  return {
    config: [
      {
        reference: NUMBERING,
        levels: [
          level(0, LevelFormat.DECIMAL, '%1.'),
          // As the editor numbers them (shared/numbering.ts): «1)», «а)» in Russian; "(a)", "(i)" in English.
          ...(language === 'ru'
            ? [level(1, LevelFormat.DECIMAL, '%2)'), level(2, LevelFormat.RUSSIAN_LOWER, '%3)')]
            : [level(1, LevelFormat.LOWER_LETTER, '(%2)'), level(2, LevelFormat.LOWER_ROMAN, '(%3)', 1.5)]),
        ],
      },
    ],
  }
}

const run = (value: string) => new TextRun({ text: xmlSafe(value) })

/** A block's words, with the open threads on them in the margin when comments are exported (`key`: docxMargin.ts). */
const words = (margin: DocxMargin | null, key: string | null, value: string): ParagraphChild[] => (margin && key !== null ? margin.runs(key, value) : [run(value)])

function coverParagraphs(meta: ExportMeta, fallbackTitle: string): Paragraph[] {
  const cover = coverLines(meta)
  const line = (text: string, bold = false) => new Paragraph({ style: DOCX_COVER_STYLES.line, children: [new TextRun({ text: xmlSafe(text), bold })] })
  const labelled = (l: { label: string; value: string }) =>
    new Paragraph({ style: DOCX_COVER_STYLES.line, children: [new TextRun({ text: xmlSafe(`${l.label}: `), bold: true }), run(l.value)] })
  return [
    new Paragraph({ style: DOCX_COVER_STYLES.title, children: [run(cover.title || fallbackTitle)] }),
    labelled(cover.version),
    labelled(cover.status),
    labelled(cover.date),
    line(`${cover.organizations.label}:`, true),
    ...cover.organizations.values.map((o) => line(o)),
    new Paragraph({ style: DOCX_COVER_STYLES.line, children: [new PageBreak()] }),
  ]
}

function paragraphBlocks(paragraph: ParagraphNode, instance: number, margin: DocxMargin | null): Paragraph[] {
  const out: Paragraph[] = []
  if (!paragraph.implicit) {
    out.push(
      new Paragraph({
        style: 'AccordClause',
        // The single paragraph of an article is not numbered (num is empty), as in the editor.
        numbering: paragraph.num ? { reference: NUMBERING, level: 0, instance, custom: true } : undefined,
        children: words(margin, paragraph.id, paragraph.text),
      }),
    )
  }
  for (const point of paragraph.points) {
    if (!point.implicit) {
      out.push(new Paragraph({ style: 'AccordPoint', numbering: { reference: NUMBERING, level: 1, instance, custom: true }, children: words(margin, point.id, point.text) }))
    }
    for (const sub of point.subpoints) {
      out.push(new Paragraph({ style: 'AccordSubpoint', numbering: { reference: NUMBERING, level: 2, instance, custom: true }, children: words(margin, sub.id, sub.text) }))
    }
  }
  return out
}

/** A heading's label and words, one run; with threads on its words, those are runs of their own, not the label. */
function headingText(node: { id: string | null; label: string; heading: string }, margin: DocxMargin | null): ParagraphChild[] {
  if (!node.heading) return [run(node.label)]
  if (!margin?.wants(node.id)) return [run(`${node.label} ${node.heading}`)]
  return [run(`${node.label} `), ...words(margin, node.id, node.heading)]
}

function articleBlocks(article: ArticleNode, margin: DocxMargin | null, heading: typeof HeadingLevel.HEADING_2 | typeof HeadingLevel.HEADING_3 = HeadingLevel.HEADING_2): Paragraph[] {
  return [new Paragraph({ heading, children: headingText(article, margin) }), ...article.paragraphs.flatMap((p) => paragraphBlocks(p, article.index, margin))]
}

function sectionBlocks(section: SectionNode, margin: DocxMargin | null): Paragraph[] {
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_2, alignment: AlignmentType.CENTER, children: headingText(section, margin) }),
    ...section.articles.flatMap((a) => articleBlocks(a, margin, HeadingLevel.HEADING_3)),
  ]
}

function chapterBlocks(chapter: ChapterNode, margin: DocxMargin | null): Paragraph[] {
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: headingText(chapter, margin) }),
    ...chapter.articles.flatMap((a) => articleBlocks(a, margin)),
    ...chapter.sections.flatMap((s) => sectionBlocks(s, margin)),
  ]
}

/** A part's heading, then its body as the law's body is written. */
function bodyBlocks(item: LawStructure['body'][number], margin: DocxMargin | null): Paragraph[] {
  if (item.kind === 'part') {
    return [
      new Paragraph({ heading: HeadingLevel.HEADING_1, alignment: AlignmentType.CENTER, children: headingText(item, margin) }),
      ...item.body.flatMap((b) => bodyBlocks(b, margin)),
    ]
  }
  return item.kind === 'chapter' ? chapterBlocks(item, margin) : item.kind === 'section' ? sectionBlocks(item, margin) : articleBlocks(item, margin)
}

/**
 * The conclusions after the last article, set apart by space before the first; kept together on a
 * page (each keeps with the next), as a signature block is.
 */
function conclusionsBlocks(law: LawStructure, margin: DocxMargin | null): Paragraph[] {
  const paragraphs = worded(law.conclusions)
  return paragraphs.map(
    (p, i) =>
      new Paragraph({
        style: DOCX_CONCLUSIONS_STYLE,
        spacing: i === 0 ? { before: 480 } : undefined,
        keepNext: i < paragraphs.length - 1 || undefined,
        children: words(margin, CONCLUSIONS_PLACE, p),
      }),
  )
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '808080' }
/** Text width of the page below: A4 less the left and right margins. */
const TEXT_WIDTH = 11906 - 3 * CM - Math.round(1.5 * CM)

/** A table after the text on a page of its own (the positions); header row repeated. */
function appendixBlocks(table: PositionsTable): (Paragraph | Table)[] {
  const cell = (text: string, header: boolean) =>
    new TableCell({
      children: [new Paragraph({ children: [new TextRun({ text: xmlSafe(text), bold: header || undefined, size: 20 })] })],
      shading: header ? { type: ShadingType.CLEAR, fill: 'E7E9EE', color: 'auto' } : undefined,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
    })
  return [
    new Paragraph({ children: [new PageBreak()] }),
    new Paragraph({ style: DOCX_APPENDIX_STYLE, children: [run(table.title)] }),
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
      rows: [
        new TableRow({ tableHeader: true, cantSplit: true, children: table.header.map((h) => cell(h, true)) }),
        ...table.rows.map((row) => new TableRow({ cantSplit: true, children: row.map((c) => cell(c, false)) })),
      ],
    }),
  ]
}

/**
 * The open comments after the text, on a page of their own: shared/review's paragraphs, with
 * the articles' labels as bold lines rather than Headings (the text's outline stays the text's).
 */
function reviewBlocks(comments: ExportComments, doc: DocJSON, meta: ExportMeta, title: string): Paragraph[] {
  const model = commentsReport(comments, doc, meta.language, title)
  return [
    new Paragraph({ children: [new PageBreak()] }),
    new Paragraph({ style: DOCX_APPENDIX_STYLE, children: [run(model.words.report)] }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: xmlSafe(reportMetaLine(model)), color: '555555', size: 20 })] }),
    ...reviewSectionsDocx(model, (text) => new Paragraph({ keepNext: true, spacing: { before: 240, after: 120 }, children: [new TextRun({ text: xmlSafe(text), bold: true })] })),
  ]
}

export async function toDocx(doc: DocJSON, meta: ExportMeta, appendix: ExportAppendix = {}): Promise<Uint8Array> {
  const law = lawStructure(doc, meta.language)
  const title = law.title || meta.title
  const margin = appendix.comments ? new DocxMargin(appendix.comments.threads, meta.language) : null
  const text = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: law.title ? words(margin, TITLE_PLACE, title) : [run(title)] }),
    ...worded(law.preamble).map((p) => new Paragraph({ style: 'AccordPreamble', children: words(margin, PREAMBLE_PLACE, p) })),
    ...law.body.flatMap((item) => bodyBlocks(item, margin)),
    ...conclusionsBlocks(law, margin),
  ]
  const document = new Document({
    title: xmlSafe(title),
    creator: 'Accord',
    description: xmlSafe(coverLines(meta).status.value),
    styles: styles(meta.language),
    numbering: numbering(meta.language),
    comments: margin ? { children: margin.comments() } : undefined,
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 }, // A4
            margin: { top: 2 * CM, bottom: 2 * CM, left: 3 * CM, right: Math.round(1.5 * CM) },
          },
        },
        children: [
          ...coverParagraphs(meta, title),
          ...text,
          ...(appendix.positions ? appendixBlocks(positionsTable(appendix.positions, law)) : []),
          ...(appendix.comments ? reviewBlocks(appendix.comments, doc, meta, title) : []),
        ],
      },
    ],
  })
  return new Uint8Array(await Packer.toArrayBuffer(document))
}
