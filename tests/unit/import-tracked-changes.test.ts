import { describe, expect, it } from 'vitest'
import { CommentRangeEnd, CommentRangeStart, CommentReference, DeletedTextRun, Document, HeadingLevel, InsertedTextRun, Packer, Paragraph, TextRun } from 'docx'
import * as Y from 'yjs'
import { parseDocx } from '../../shared/import/docx'
import { amended } from '../helpers/amendedDocx'
import { changedSpan } from '../../shared/import/trackedChanges'
import { wordRevisions } from '../../shared/import/wordRevisions'
import { placeWordComments } from '../../shared/import/placeWordComments'
import { resolveAnchor, textBetween } from '../../shared/comments/anchor'
import { encodeDocJSON } from '../../shared/ydoc'

/** A ministry's Word file with tracked changes (tests/helpers/amendedDocx.ts), read as proposed wordings on the text as it was. */

/** Each change's words in the text as it was, and the words proposed for them, in text order. */
const PROPOSED = [
  ['Сроки', 'Сроки рассмотрения'],
  ['три', 'шесть'],
  ['тридцати', 'не более тридцати'],
  ['срок повторно.', 'срок.'],
  ['письменной', 'электронной'],
  ['комиссией.', 'органом.'],
]

describe('tracked changes of a Word file, proposed as wordings', () => {
  it('imports the text as it was before them, each change a proposal from its author', async () => {
    const result = await parseDocx(await amended(), 'ru', 'propose')
    const text = JSON.stringify(result.doc)
    expect(text).toContain('"Сроки"')
    expect(text).toContain('"Закон вступает в силу через три месяцев."')
    expect(text).toContain('"Обращение рассматривается в срок тридцати дней."')
    // A change to the typed number is structure: read as accepted, as Word shows it.
    expect(text).toContain('"Срок не продлевается."')
    expect(result.wordComments!.map((t) => [t.quote, t.proposal])).toEqual(PROPOSED)
    expect(result.wordComments![0].comments).toEqual([{ author: 'Минюст', date: '2026-12-01T10:00:00Z', text: '' }])
    // Each from the author of its own change.
    expect(result.wordComments!.map((t) => t.comments[0].author)).toEqual(['Минюст', 'Минюст', 'Минюст', 'Минюст', 'Минюст', 'МВД'])
    expect(result.notes).toContainEqual({ code: 'trackedChangesProposed', proposed: 6, accepted: 1 })
    expect(result.notes.map((n) => n.code)).not.toContain('trackedChanges')
    // Accepted, as before, unless asked.
    const acceptedText = JSON.stringify((await parseDocx(await amended(), 'ru')).doc)
    expect(acceptedText).toContain('"Закон вступает в силу через шесть месяцев."')
  })

  it('places each proposal on its words in the imported text', async () => {
    const result = await parseDocx(await amended(), 'ru', 'propose')
    const ydoc = new Y.Doc()
    Y.applyUpdate(ydoc, encodeDocJSON(result.doc))
    const placed = placeWordComments(ydoc, result.wordComments!, 'ru')
    expect(
      placed.map((t) => {
        const r = resolveAnchor(ydoc, t.anchor!)
        return [r.state === 'live' ? textBetween(r.start, r.end) : r.state, t.proposal]
      }),
    ).toEqual(PROPOSED)
    expect(placed[1].bodies).toEqual(['Исправление в Word — Минюст, 1 декабря 2026 г.: предложено как редакция ниже.'])
  })

  it('takes whole words, and widens a span whose words occur earlier in the block', () => {
    expect(changedSpan('через три месяца', 'через шесть месяцев')).toEqual({ start: 6, before: 'три месяца', after: 'шесть месяцев' })
    expect(changedSpan('в срок дней', 'в срок тридцати дней')).toEqual({ start: 7, before: 'дней', after: 'тридцати дней' })
    // «срок» alone is first found at the start: «и срок» is where the change is.
    expect(changedSpan('срок и срок', 'срок и срок.')).toEqual({ start: 5, before: 'и срок', after: 'и срок.' })
  })

  it('tells a paragraph added or removed whole from a change of its words', () => {
    const xml = `<w:document><w:body>
      <w:p><w:pPr><w:rPr><w:ins w:id="1" w:author="A"/></w:rPr></w:pPr><w:ins w:id="2" w:author="A"><w:r><w:t>Новый абзац.</w:t></w:r></w:ins></w:p>
      <w:p><w:r><w:t xml:space="preserve">Было </w:t></w:r><w:del w:id="3" w:author="Б" w:date="2026-12-01T10:00:00Z"><w:r><w:delText>так</w:delText></w:r></w:del><w:ins w:id="4" w:author="Б"><w:r><w:t>иначе</w:t></w:r></w:ins><w:r><w:t>.</w:t></w:r></w:p>
      <w:p><w:r><w:t>Без изменений.</w:t></w:r></w:p>
    </w:body></w:document>`
    expect(wordRevisions(xml)).toEqual({
      revisions: [
        {
          accepted: 'Было иначе.',
          rejected: 'Было так.',
          changes: [
            { kind: 'deleted', text: 'так', author: 'Б', date: '2026-12-01T10:00:00Z' },
            { kind: 'inserted', text: 'иначе', author: 'Б', date: null },
          ],
        },
      ],
      structural: 1,
    })
  })

  it('puts a comment on words a change inserts on the words the change is proposed for, and keeps another in its own paragraph', async () => {
    const by = { author: 'Минюст', date: '2026-12-01T10:00:00Z' }
    const note = (id: number, text: string) => ({ id, author: 'МВД', date: new Date('2026-12-02T10:00:00Z'), children: [new Paragraph(text)] })
    const doc = new Document({
      comments: { children: [note(0, 'Почему шесть?'), note(1, 'Какой срок?')] },
      sections: [
        {
          children: [
            new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun('Модельный закон о сроках')] }),
            new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('Статья 1. Сроки')] }),
            new Paragraph({ children: [new TextRun('1. Срок начинается со дня подачи.')] }),
            new Paragraph({
              children: [
                new TextRun('2. Закон вступает в силу через '),
                new DeletedTextRun({ id: 10, ...by, text: 'три' }),
                new CommentRangeStart(0),
                new InsertedTextRun({ id: 11, ...by, text: 'шесть' }),
                new CommentRangeEnd(0),
                new TextRun({ children: [new CommentReference(0)] }),
                new TextRun(' месяцев, и '),
                new CommentRangeStart(1),
                new TextRun('срок'),
                new CommentRangeEnd(1),
                new TextRun({ children: [new CommentReference(1)] }),
                new TextRun(' не продлевается.'),
              ],
            }),
          ],
        },
      ],
    })
    const result = await parseDocx(new Uint8Array(await Packer.toArrayBuffer(doc)), 'ru', 'propose')
    const ydoc = new Y.Doc()
    Y.applyUpdate(ydoc, encodeDocJSON(result.doc))
    const placed = placeWordComments(ydoc, result.wordComments!, 'ru')
    const where = placed.map((t) => {
      const r = resolveAnchor(ydoc, t.anchor!)
      return r.state === 'live' ? [textBetween(r.start, r.end), r.start.text.toString().slice(0, 10)] : [r.state]
    })
    // On «три» (which «шесть» is proposed for), not on the title; «срок» of paragraph 2, not the first «Срок».
    expect(where).toEqual([
      ['три', 'Закон всту'],
      ['срок', 'Закон всту'],
      ['три', 'Закон всту'],
    ])
    expect(placed[0].bodies).toEqual(['К словам «шесть», которые вставляет исправление:\nИз Word — МВД, 2 декабря 2026 г.:\nПочему шесть?'])
    expect(placed[2].proposal).toBe('шесть')
  })
})
