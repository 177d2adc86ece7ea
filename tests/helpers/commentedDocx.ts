import { CommentRangeEnd, CommentRangeStart, CommentReference, Document, FootnoteReferenceRun, HeadingLevel, Packer, Paragraph, TextRun, type ICommentOptions } from 'docx'

/** A ministry's Word file with comments in the margin and a footnote, built with the docx package as Word writes one. */

const run = (text: string) => new TextRun(text)
const commented = (id: number, text: string) => [new CommentRangeStart(id), new TextRun(text), new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] })]
const note = (id: number, author: string, text: string, extra: Partial<ICommentOptions> = {}): ICommentOptions => ({
  id,
  author,
  date: new Date('2026-12-01T10:00:00Z'),
  children: [new Paragraph({ children: [new TextRun(text)] })],
  ...extra,
})

async function commentedDocx(children: Paragraph[], comments: ICommentOptions[]): Promise<Uint8Array> {
  const footnotes = { 1: { children: [new Paragraph('Обращения — письменные и электронные.')] } }
  const doc = new Document({ comments: { children: comments }, footnotes, sections: [{ children }] })
  return new Uint8Array(await Packer.toArrayBuffer(doc))
}

/** The ministry's draft: a short phrase («срок») in two articles, commented on in the second. */
export async function ministryDraft(): Promise<Uint8Array> {
  return commentedDocx(
    [
      new Paragraph({ heading: HeadingLevel.TITLE, children: [run('Модельный закон о противодействии торговле людьми')] }),
      new Paragraph({ heading: HeadingLevel.HEADING_2, children: [...commented(0, 'Статья 1. Предмет закона')] }),
      new Paragraph({ children: [run('1. Настоящий Закон устанавливает срок рассмотрения обращений'), new FootnoteReferenceRun(1), run('.')] }),
      new Paragraph({ heading: HeadingLevel.HEADING_2, children: [run('Статья 2. Сроки')] }),
      new Paragraph({ children: [run('1. Обращение рассматривается в срок '), ...commented(1, 'не более тридцати дней'), run('.')] }),
      new Paragraph({ children: [run('2. Продление допускается один раз на '), new CommentRangeStart(2), run('тот же срок.')] }),
      new Paragraph({ children: [run('3. О продлении сообщается заявителю.'), new CommentRangeEnd(2), new TextRun({ children: [new CommentReference(2)] })] }),
      new Paragraph({ children: [run('4. Решение направляется '), new TextRun({ children: [new CommentReference(3)] }), run('заявителю в письменной форме.')] }),
      new Paragraph({ children: [run('5. Срок не продлевается.'), ...commented(4, 'Старая редакция')] }),
      new Paragraph({ children: [run('6. Этот '), ...commented(6, 'срок'), run(' исчисляется со дня регистрации.')] }),
    ],
    [
      note(0, 'Минюст', 'Уточнить предмет.'),
      note(1, 'МВД', 'Предлагаем «пятнадцать дней».', { resolved: true }),
      note(5, 'Минюст', 'Согласны.', { parentId: 1 }),
      note(2, 'Секретариат', 'Объединить части 2 и 3?'),
      note(3, 'МИД', 'А также в электронной форме.'),
      note(4, 'МВД', 'Удалено'),
      note(6, 'МИД', 'Какой именно?'),
    ],
  )
}

/** The words each of its threads is placed on in the imported draft, in the order they are stored: typed numbers left aside, the footnote's on the word before its mark. */
export const PLACED_QUOTES = [
  'Предмет закона',
  'не более тридцати дней',
  'тот же срок.\nО продлении сообщается заявителю.',
  'Решение направляется заявителю в письменной форме.',
  'Старая редакция',
  'срок',
  'обращений',
]
