import { DeletedTextRun, Document, HeadingLevel, InsertedTextRun, Packer, Paragraph, TextRun } from 'docx'

/** A ministry's Word file with tracked changes: in a heading, within paragraphs, and to a typed number. */

const change = { author: 'Минюст', date: '2026-12-01T10:00:00Z' }
let id = 0
const ins = (text: string, author = change.author) => new InsertedTextRun({ id: ++id, ...change, author, text })
const del = (text: string, author = change.author) => new DeletedTextRun({ id: ++id, ...change, author, text })

export async function amended(): Promise<Uint8Array> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun('Модельный закон о сроках')] }),
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('Статья 1. Сроки'), ins(' рассмотрения')] }),
          new Paragraph({ children: [new TextRun('1. Закон вступает в силу через '), del('три'), ins('шесть'), new TextRun(' месяцев.')] }),
          new Paragraph({ children: [new TextRun('2. Обращение рассматривается в срок '), ins('не более '), new TextRun('тридцати дней.')] }),
          new Paragraph({ children: [del('3.'), ins('4.'), new TextRun(' Срок не продлевается.')] }),
          new Paragraph({ children: [new TextRun('5. Срок и срок'), del(' повторно'), new TextRun('.')] }),
          // Two changes in one paragraph, by two ministries: two proposals.
          new Paragraph({ children: [new TextRun('6. Заявление подаётся в '), del('письменной'), ins('электронной'), new TextRun(' форме и рассматривается '), del('комиссией', 'МВД'), ins('органом', 'МВД'), new TextRun('.')] }),
        ],
      },
    ],
  })
  return new Uint8Array(await Packer.toArrayBuffer(doc))
}
