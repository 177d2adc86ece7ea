import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Document, FootnoteReferenceRun, HeadingLevel, Packer, Paragraph, TextRun } from 'docx'
import { ministryDraft, PLACED_QUOTES } from '../helpers/commentedDocx'
import { parseDocx } from '../../shared/import/docx'
import { wordCommentThreads } from '../../shared/import/wordComments'
import { placeWordComments } from '../../shared/import/placeWordComments'
import { resolveAnchor, textBetween, textOfBlock } from '../../shared/comments/anchor'
import { encodeDocJSON } from '../../shared/ydoc'
import { runTask } from '../../server/export/task'

/** A ministry's Word file with comments in the margin (tests/helpers/commentedDocx.ts), read and placed on the imported text. */

describe('comments of a Word file', () => {
  it('are read with their words, authors, dates, replies and “done”, in the order of the text', async () => {
    const result = await parseDocx(await ministryDraft(), 'ru')
    const threads = result.wordComments!
    expect(threads.map((t) => t.quote)).toEqual([
      'Статья 1. Предмет закона',
      'не более тридцати дней',
      'тот же срок.\n3. О продлении сообщается заявителю.',
      '',
      'Старая редакция',
      'срок',
      'обращений',
    ])
    expect(threads[1]).toEqual({
      quote: 'не более тридцати дней',
      paragraph: '1. Обращение рассматривается в срок не более тридцати дней.',
      resolved: true,
      comments: [
        { author: 'МВД', date: '2026-12-01T10:00:00.000Z', text: 'Предлагаем «пятнадцать дней».' },
        { author: 'Минюст', date: '2026-12-01T10:00:00.000Z', text: 'Согласны.' },
      ],
    })
    expect(threads[3]).toMatchObject({ paragraph: '4. Решение направляется заявителю в письменной форме.', resolved: false })
    expect(threads.filter((t) => t.resolved)).toHaveLength(1)
    expect(result.notes).toContainEqual({ code: 'wordComments', count: 7 })
    expect(result.notes).toContainEqual({ code: 'footnotes', count: 1 })
  })

  it('are none in a file without them', async () => {
    const result = await parseDocx(new Uint8Array(await Packer.toArrayBuffer(new Document({ sections: [{ children: [new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('Статья 1. Предмет')] })] }] }))), 'ru')
    expect(result.wordComments).toBeUndefined()
    expect(wordCommentThreads('<w:document/>', null, null)).toEqual([])
  })

  it('read deleted words and field codes as no part of a quote, and survive odd XML', () => {
    const document = `<w:document xmlns:w="w"><w:body><w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t xml:space="preserve">Срок &amp; порядок </w:t></w:r>
      <w:commentRangeStart w:id="7"/><w:del><w:r><w:delText>три</w:delText></w:r></w:del><w:ins><w:r><w:t>шесть</w:t></w:r></w:ins>
      <w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:tab/><w:t><![CDATA[месяцев]]></w:t></w:r><w:commentRangeEnd w:id="7"/></w:p></w:body></w:document>`
    const comments = `<w:comments xmlns:w="w"><w:comment w:id="7" w:author="A &lt;b&gt;" w:date="2026-12-01T10:00:00Z"><w:p><w:r><w:annotationRef/></w:r><w:r><w:t>Текст</w:t></w:r></w:p><w:p><w:r><w:t>второй абзац</w:t></w:r></w:p></w:comment>
      <w:comment w:id="8"><w:p/></w:comment></w:comments>`
    expect(wordCommentThreads(document, comments, '<w15:commentsEx><w15:commentEx w15:paraId="X" w15:paraIdParent="X"/></w15:commentsEx>')).toEqual([
      { quote: 'шесть месяцев', paragraph: 'Срок & порядок шесть месяцев', resolved: false, comments: [{ author: 'A <b>', date: '2026-12-01T10:00:00Z', text: 'Текст\nвторой абзац' }] },
      { quote: '', paragraph: '', resolved: false, comments: [{ author: '', date: null, text: '' }] },
    ])
  })
})

describe('Word comments placed on the imported text', () => {
  async function imported() {
    const result = await parseDocx(await ministryDraft(), 'ru')
    const ydoc = new Y.Doc()
    Y.applyUpdate(ydoc, encodeDocJSON(result.doc))
    return { ydoc, placed: placeWordComments(ydoc, result.wordComments!, 'ru') }
  }
  const words = (ydoc: Y.Doc, thread: { anchor: { start: string; end: string } | null }) => {
    const resolution = resolveAnchor(ydoc, thread.anchor!)
    if (resolution.state !== 'live') throw new Error(`anchor ${resolution.state}`)
    return { text: textBetween(resolution.start, resolution.end), place: resolution.articleId }
  }

  it('anchors each on its words, in the paragraph it was made in, its typed numbers left aside as the import left them', async () => {
    const { ydoc, placed } = await imported()
    // The heading's words without "Статья 1.", which Accord numbers itself.
    expect(words(ydoc, placed[0])).toMatchObject({ text: 'Предмет закона' })
    expect(placed[0].quote).toBe('Предмет закона')
    // «не более тридцати дней» in Article 2, not elsewhere.
    const second = words(ydoc, placed[1])
    expect(second.text).toBe('не более тридцати дней')
    expect(second.place).toBe(placed[1].placeId)
    expect(placed[1].placeId).not.toBe(placed[0].placeId)
    // Across two paragraphs: from «тот же срок.» to the end of part 3, whose "3." is no text.
    expect(words(ydoc, placed[2]).text).toBe('тот же срок.\nО продлении сообщается заявителю.')
    // A comment on a place without words covers its paragraph's.
    expect(words(ydoc, placed[3]).text).toBe('Решение направляется заявителю в письменной форме.')
    // «срок» of part 6 of Article 2, though Article 1 has one first.
    const term = resolveAnchor(ydoc, placed[5].anchor!)
    if (term.state !== 'live') throw new Error('not live')
    expect(term.articleId).toBe(placed[1].placeId)
    expect(textOfBlock(term.start.text)).toBe('Этот срок исчисляется со дня регистрации.')
    expect(term.start.index).toBe('Этот '.length)
  })

  it('heads each comment with its Word author and date; replies join the thread; done is resolved', async () => {
    const { placed } = await imported()
    expect(placed[1].resolved).toBe(true)
    expect(placed[1].bodies).toEqual(['Из Word — МВД, 1 декабря 2026 г.:\nПредлагаем «пятнадцать дней».', 'Из Word — Минюст, 1 декабря 2026 г.:\nСогласны.'])
    expect(placed.filter((t) => t.resolved)).toHaveLength(1)
  })

  it('puts one whose words the import did not keep on the title as a whole, saying which words', async () => {
    const { ydoc, placed } = await imported()
    const result = await parseDocx(await ministryDraft(), 'en')
    const lost = placeWordComments(ydoc, [{ ...result.wordComments![4], quote: 'words no longer there' }], 'en')[0]
    expect(lost).toMatchObject({ placeId: 'title', anchor: null, quote: 'Модельный закон о противодействии торговле людьми' })
    expect(lost.bodies[0]).toBe('On the words “words no longer there”, not found in the imported text.\nFrom Word — МВД, 1 December 2026:\nУдалено')
    expect(placed[4].anchor).not.toBeNull() // «Старая редакция» is still there
  })

  it('are placed by the server’s import of a tree and of a file alike', async () => {
    const bytes = await ministryDraft()
    const fromFile = await runTask({ kind: 'importFile', type: 'docx', bytes, language: 'ru' })
    const parsed = await parseDocx(bytes, 'ru')
    const fromTree = await runTask({ kind: 'importDoc', doc: parsed.doc, language: 'ru', wordComments: parsed.wordComments })
    for (const result of [fromFile, fromTree]) {
      if (result.kind !== 'import') throw new Error('not an import')
      expect(result.threads.map((t) => t.quote)).toEqual(PLACED_QUOTES)
      const ydoc = new Y.Doc()
      Y.applyUpdate(ydoc, result.state)
      expect(words(ydoc, result.threads[1]).text).toBe('не более тридцати дней')
    }
  })
})

describe('footnotes of a Word file', () => {
  async function footnoted(): Promise<Uint8Array> {
    const doc = new Document({
      footnotes: {
        1: { children: [new Paragraph('См. Протокол ООН 2000 года.')] },
        2: { children: [new Paragraph('Здесь и далее — в редакции 2026 года.')] },
      },
      sections: [
        {
          children: [
            new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun('Модельный закон о сносках')] }),
            new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('Статья 1. Понятия'), new FootnoteReferenceRun(2)] }),
            new Paragraph({ children: [new TextRun('1. Торговля людьми'), new FootnoteReferenceRun(1), new TextRun(' — вербовка людей.')] }),
            new Paragraph({ children: [new TextRun('2. Жертва — физическое лицо.')] }),
          ],
        },
      ],
    })
    return new Uint8Array(await Packer.toArrayBuffer(doc))
  }

  it('leave the text, marks and all, and become threads on the word each followed', async () => {
    const result = await parseDocx(await footnoted(), 'ru')
    const article = JSON.stringify(result.doc.content!.at(-1))
    // Two paragraphs, as in the file: the footnotes are no third one, and "[1]" is no word.
    expect(result.stats).toMatchObject({ articles: 1, clauses: 2, unrecognised: 0 })
    expect(article).toContain('"Торговля людьми — вербовка людей."')
    expect(article).toContain('"Понятия"')
    expect(article).not.toContain('Протокол')
    expect(result.notes).toContainEqual({ code: 'footnotes', count: 2 })
    const ydoc = new Y.Doc()
    Y.applyUpdate(ydoc, encodeDocJSON(result.doc))
    const placed = placeWordComments(ydoc, result.wordComments!, 'ru')
    expect(placed.map((t) => [t.quote, t.bodies])).toEqual([
      ['Понятия', ['Сноска 1 в Word:\nЗдесь и далее — в редакции 2026 года.']],
      ['людьми', ['Сноска 2 в Word:\nСм. Протокол ООН 2000 года.']],
    ])
    expect(placeWordComments(ydoc, result.wordComments!.slice(1), 'en')[0].bodies).toEqual(['Footnote 2 in Word:\nСм. Протокол ООН 2000 года.'])
  })
})

