import { BorderStyle, Document, HeadingLevel, Packer, Paragraph, TextRun, type IParagraphStyleOptions, type IStylesOptions } from 'docx'
import { xmlSafe } from '../export/escape'
import { optionLine, staleLine } from './alternativesReport'
import { authorLine, reportHeadings, reportMetaLine, reviewReportModel, statusLine, wordingLines, type ReportThread, type ReviewReportInput, type ReviewReportModel } from './reviewReport'
import { bodyRun, headingRun } from '../export/wordBasics'

/**
 * The review report as a Word document: a heading per article (Heading 2, so Word's navigation
 * pane lists them), each thread with its passage quoted (indented, with a rule) and its comments,
 * author and organization in bold. The docx library escapes text for XML; xmlSafe replaces
 * characters XML cannot carry at all. Returns bytes (works in Node and in the browser).
 */

/** The quoted passage's and the comments' styles; the text exports (shared/export/docx.ts) add them too. */
export const REVIEW_PARAGRAPH_STYLES: IParagraphStyleOptions[] = [
  {
    id: 'AccordQuote',
    name: 'Accord Quoted Passage',
    basedOn: 'Normal',
    run: { italics: true },
    paragraph: { indent: { left: 567 }, border: { left: { style: BorderStyle.SINGLE, size: 12, color: 'C9A227', space: 8 } } },
  },
  { id: 'AccordComment', name: 'Accord Comment', basedOn: 'Normal', paragraph: { indent: { left: 284 }, spacing: { after: 60 } } },
]

function styles(language: ReviewReportModel['language']): IStylesOptions {
  return {
    default: {
      document: { run: bodyRun(language, 22), paragraph: { spacing: { after: 80 } } },
      title: { run: headingRun(32), paragraph: { spacing: { after: 120 } } },
      heading2: { run: headingRun(26), paragraph: { spacing: { before: 360, after: 120 }, keepNext: true } },
    },
    paragraphStyles: REVIEW_PARAGRAPH_STYLES,
  }
}

const text = (value: string, options: { bold?: boolean; italics?: boolean; strike?: boolean; color?: string } = {}) =>
  new TextRun({ text: xmlSafe(value), ...options })

/** Each line of a multi-line text as its own run, separated by line breaks. */
function lines(value: string, options: { italics?: boolean; strike?: boolean } = {}): TextRun[] {
  return xmlSafe(value)
    .split('\n')
    .map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, ...options }))
}

function threadParagraphs(model: ReviewReportModel, entry: ReportThread): Paragraph[] {
  const w = model.words
  const t = entry.thread
  const out: Paragraph[] = []
  const status = statusLine(w, t)
  out.push(new Paragraph({ spacing: { before: 200 }, keepNext: true, children: [text(status.toUpperCase(), { bold: true, color: t.status === 'resolved' ? '2D7A3E' : '555555' })] }))
  if (entry.state === 'article') out.push(new Paragraph({ keepNext: true, children: [text(w.wholeArticle, { italics: true })] }))
  else if (entry.state === 'orphaned') {
    out.push(new Paragraph({ keepNext: true, children: [text(w.onDeletedText, { italics: true })] }))
    out.push(new Paragraph({ style: 'AccordQuote', keepNext: true, children: lines(t.quote, { strike: true }) }))
  } else {
    out.push(new Paragraph({ style: 'AccordQuote', keepNext: true, children: lines(t.quote) }))
    if (entry.current !== null && entry.current !== t.quote) {
      out.push(new Paragraph({ keepNext: true, children: [text(`${w.nowReads}: `, { bold: true }), ...lines(entry.current)] }))
    }
  }
  const wording = wordingLines(w, t)
  if (wording) {
    out.push(
      new Paragraph({
        keepNext: true,
        children: [text(`${wording.label}: `, { bold: true }), ...lines(wording.text), text(` (${wording.state})`, { color: '555555' })],
      }),
    )
  }
  for (const c of t.comments) {
    if (c.deleted) continue
    const edited = c.editedAt ? `, ${w.edited} ${w.time(c.editedAt)}` : ''
    out.push(
      new Paragraph({
        style: 'AccordComment',
        children: [text(authorLine(c.author.displayName, c.organization), { bold: true }), text(` — ${w.time(c.createdAt)}${edited}`, { color: '666666' })],
        keepNext: true,
      }),
    )
    out.push(new Paragraph({ style: 'AccordComment', children: lines(c.body) }))
  }
  return out
}

/**
 * The articles with their threads (and the deleted articles' group), each heading made by
 * `heading`: Heading 2 in the report, a plain bold line after an exported text (which must not
 * add to its outline). Needs REVIEW_PARAGRAPH_STYLES in the document.
 */
export function reviewSectionsDocx(model: ReviewReportModel, heading: (text: string) => Paragraph): Paragraph[] {
  const out: Paragraph[] = []
  if (model.sections.length === 0) out.push(new Paragraph({ children: [text(model.words.none)] }))
  for (const { section, heading: title } of reportHeadings(model)) {
    if (title !== null) out.push(heading(title))
    for (const entry of section.threads) out.push(...threadParagraphs(model, entry))
  }
  return out
}

/** The stated preferences among alternative wordings, if any: a heading, the options of each group. */
function alternativesParagraphs(model: ReviewReportModel): Paragraph[] {
  const a = model.alternatives
  if (!a) return []
  const out = [new Paragraph({ heading: HeadingLevel.HEADING_2, children: [text(model.words.alternatives)] })]
  for (const g of a.groups) {
    out.push(new Paragraph({ keepNext: true, spacing: { before: 160 }, children: [text(g.where, { bold: true })] }))
    for (const o of g.options) out.push(new Paragraph({ style: 'AccordComment', children: [text(optionLine(o))] }))
  }
  if (a.stale.length > 0) {
    out.push(new Paragraph({ keepNext: true, spacing: { before: 160 }, children: [text(model.words.noLongerInText, { bold: true })] }))
    for (const p of a.stale) out.push(new Paragraph({ style: 'AccordComment', children: [text(staleLine(p))] }))
  }
  return out
}

export async function reviewReportDocx(input: ReviewReportInput): Promise<Uint8Array> {
  const model = reviewReportModel(input)
  const w = model.words
  const children: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [text(`${w.report}: ${model.title}`)] }),
    new Paragraph({ children: [text(reportMetaLine(model), { color: '555555' })] }),
    ...reviewSectionsDocx(model, (title) => new Paragraph({ heading: HeadingLevel.HEADING_2, children: [text(title)] })),
    ...alternativesParagraphs(model),
  ]
  const document = new Document({
    title: xmlSafe(`${w.report}: ${model.title}`),
    creator: 'Accord',
    styles: styles(model.language),
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1418, right: 1134 } } },
        children,
      },
    ],
  })
  return new Uint8Array(await Packer.toArrayBuffer(document))
}
