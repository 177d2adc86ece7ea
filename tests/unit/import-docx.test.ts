import { describe, expect, it } from 'vitest'
import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  HeadingLevel,
  InsertedTextRun,
  ImageRun,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  type ISectionOptions,
} from 'docx'
import { parseDocx } from '../../shared/import/docx'
import { ImportError } from '../../shared/import/errors'
import { MAX_DOCX_XML_BYTES, docxPartsExceed } from '../../shared/import/zipBomb'
import { docxWithImage, paddedDocx, renamedPaddedDocx } from '../helpers/draftDocx'
import { toDocx } from '../../shared/export/docx'
import { createBuilders } from '../../shared/seed/builders'
import { sampleLaw } from '../../shared/seed/modelLaw'
import { docFromJSON, type DocJSON } from '../../shared/schema'
import { conclusionsNode } from '../helpers/conclusionsLaw'

/** DOCX drafts built here with the docx package, as ministries send them, and read back with parseDocx. */

function stripIds(node: DocJSON): DocJSON {
  const out: DocJSON = { type: node.type }
  if (node.text !== undefined) out.text = node.text
  if (node.content) out.content = node.content.map(stripIds)
  return out
}

const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0))

async function build(children: ISectionOptions['children'], numbering?: ConstructorParameters<typeof Document>[0]['numbering']): Promise<Uint8Array> {
  const doc = new Document({ numbering, sections: [{ children }] })
  return new Uint8Array(await Packer.toArrayBuffer(doc))
}

const p = (text: string) => new Paragraph({ children: [new TextRun(text)] })
const h = (level: (typeof HeadingLevel)[keyof typeof HeadingLevel], text: string) => new Paragraph({ heading: level, children: [new TextRun(text)] })

describe('parseDocx', () => {
  it('reads an English draft with typed numbers, Word-numbered points, a soft line break, a table and an image', async () => {
    const bytes = await build(
      [
        h(HeadingLevel.TITLE, 'Model Law Against the Smuggling of Migrants'),
        p('The member states, recognizing the need for common rules, agree as follows.'),
        h(HeadingLevel.HEADING_1, 'CHAPTER I'),
        h(HeadingLevel.HEADING_1, 'GENERAL PROVISIONS'),
        h(HeadingLevel.HEADING_2, 'Article 1. Definitions'),
        p('1. For the purposes of this Law:'),
        new Paragraph({ numbering: { reference: 'pts', level: 0 }, children: [new TextRun('“smuggling” means procuring illegal entry;')] }),
        new Paragraph({ numbering: { reference: 'pts', level: 0 }, children: [new TextRun('“fraudulent document” means a document that is:')] }),
        p('(a) falsely made; or'),
        p('(b) improperly issued.'),
        new Paragraph({ numbering: { reference: 'pts', level: 0 }, children: [new TextRun('“vessel” means any type of water craft.')] }),
        p('2. Other terms have their ordinary meaning.'),
        h(HeadingLevel.HEADING_2, 'Article 2 – Scope'),
        p('This Law applies to smuggling across borders.'),
        new Table({ rows: [new TableRow({ children: [new TableCell({ children: [p('A table cell.')] })] })] }),
        new Paragraph({ children: [new TextRun('Article 3'), new TextRun({ text: 'Entry into force', break: 1 })] }),
        new Paragraph({ children: [new TextRun('This Law enters into force on signature.'), new ImageRun({ type: 'png', data: PNG, transformation: { width: 1, height: 1 } })] }),
      ],
      { config: [{ reference: 'pts', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1)' }] }] },
    )
    const result = await parseDocx(bytes)
    docFromJSON(result.doc)
    const b = createBuilders('x')
    expect(stripIds(result.doc)).toEqual(
      stripIds(
        b.law('Model Law Against the Smuggling of Migrants', ['The member states, recognizing the need for common rules, agree as follows.'], [
          b.chapter('GENERAL PROVISIONS'),
          b.article('Definitions', [
            b.clause('For the purposes of this Law:'),
            b.point('“smuggling” means procuring illegal entry;'),
            b.point('“fraudulent document” means a document that is:'),
            b.subpoint('falsely made; or'),
            b.subpoint('improperly issued.'),
            b.point('“vessel” means any type of water craft.'),
            b.clause('Other terms have their ordinary meaning.'),
          ]),
          b.article('Scope', [b.clause('This Law applies to smuggling across borders.'), b.clause('A table cell.')]),
          b.article('Entry into force', [b.clause('This Law enters into force on signature.')]),
        ]),
      ),
    )
    expect(result.language).toBe('en')
    expect(result.warnings.join('\n')).toMatch(/1 image/)
    expect(result.warnings.join('\n')).toMatch(/1 table/)
  })

  it('reads a table row by row: a year stays with its figure; a row of paragraphs keeps them', async () => {
    const row = (...cells: string[][]) => new TableRow({ children: cells.map((words) => new TableCell({ children: words.map((w) => p(w)) })) })
    const bytes = await build([
      h(HeadingLevel.TITLE, 'Закон о статистике'),
      h(HeadingLevel.HEADING_2, 'Статья 1. Сведения'),
      p('1. Число жертв составляет:'),
      new Table({ rows: [row(['Год'], ['Число жертв']), row(['2024'], ['12']), row(['2025'], [])] }),
      p('2. Сведения публикуются ежегодно.'),
      new Table({ rows: [row(['Первый абзац ячейки.', 'Второй абзац ячейки.'], ['Соседняя ячейка.'])] }),
    ])
    const result = await parseDocx(bytes)
    const b = createBuilders('x')
    expect(stripIds(result.doc)).toEqual(
      stripIds(
        b.law('Закон о статистике', [], [
          b.article('Сведения', [
            b.clause('Число жертв составляет:'),
            b.clause('Год | Число жертв'),
            b.clause('2024 | 12'),
            b.clause('2025'),
            b.clause('Сведения публикуются ежегодно.'),
            b.clause('Первый абзац ячейки.'),
            b.clause('Второй абзац ячейки.'),
            b.clause('Соседняя ячейка.'),
          ]),
        ]),
      ),
    )
    expect(result.warnings.join('\n')).toMatch(/2 table\(s\) were flattened into paragraphs, a row each/)
  })

  it('reads a Russian draft numbered by Word: части "1.", пункты "1)", подпункты russianLower "а)"', async () => {
    const numbering = {
      config: [
        {
          reference: 'law',
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: '%1.' },
            { level: 1, format: LevelFormat.DECIMAL, text: '%2)' },
            { level: 2, format: LevelFormat.RUSSIAN_LOWER, text: '%3)' },
          ],
        },
      ],
    }
    const n = (level: number, instance: number, text: string) => new Paragraph({ numbering: { reference: 'law', level, instance }, children: [new TextRun(text)] })
    const bytes = await build(
      [
        h(HeadingLevel.TITLE, 'Модельный закон о противодействии торговле людьми'),
        p('Государства-участники, признавая необходимость общих правил, договорились о следующем.'),
        h(HeadingLevel.HEADING_1, 'Глава 1. Общие положения'),
        h(HeadingLevel.HEADING_2, 'Статья 1. Основные понятия'),
        n(0, 1, 'Для целей настоящего Закона используются следующие понятия:'),
        n(1, 1, 'эксплуатация — использование человека, включая:'),
        n(2, 1, 'принудительный труд;'),
        n(2, 1, 'рабство;'),
        n(1, 1, 'ребенок — лицо, не достигшее восемнадцати лет.'),
        n(0, 1, 'Иные понятия используются в общепринятом значении.'),
        h(HeadingLevel.HEADING_2, 'Статья 2. Принципы'),
        p('Противодействие торговле людьми основывается на принципах:'),
        n(1, 2, 'законности;'),
        n(1, 2, 'уважения прав человека.'),
        h(HeadingLevel.HEADING_1, 'ГЛАВА II'),
        h(HeadingLevel.HEADING_1, 'ЗАЩИТА ЖЕРТВ'),
        h(HeadingLevel.HEADING_2, 'Статья 3 – Помощь'),
        p('1) Жертвам оказывается помощь.'),
        p('2) Помощь бесплатна.'),
      ],
      numbering,
    )
    const result = await parseDocx(bytes)
    docFromJSON(result.doc)
    const b = createBuilders('x')
    expect(stripIds(result.doc)).toEqual(
      stripIds(
        b.law('Модельный закон о противодействии торговле людьми', ['Государства-участники, признавая необходимость общих правил, договорились о следующем.'], [
          b.chapter('Общие положения'),
          b.article('Основные понятия', [
            b.clause('Для целей настоящего Закона используются следующие понятия:'),
            b.point('эксплуатация — использование человека, включая:'),
            b.subpoint('принудительный труд;'),
            b.subpoint('рабство;'),
            b.point('ребенок — лицо, не достигшее восемнадцати лет.'),
            b.clause('Иные понятия используются в общепринятом значении.'),
          ]),
          b.article('Принципы', [b.clause('Противодействие торговле людьми основывается на принципах:'), b.point('законности;'), b.point('уважения прав человека.')]),
          b.chapter('ЗАЩИТА ЖЕРТВ'),
          b.article('Помощь', [b.clause('Жертвам оказывается помощь.'), b.clause('Помощь бесплатна.')]),
        ]),
      ),
    )
    expect(result.language).toBe('ru')
    expect(result.warnings).toEqual([])
    expect(result.stats).toMatchObject({ chapters: 2, articles: 3, clauses: 5, points: 4, subpoints: 2 })
  })

  for (const language of ['en', 'ru'] as const) {
    it(`reads Accord's own DOCX export back to the same law, cover left out (${language})`, async () => {
      const bytes = await toDocx(sampleLaw(language), {
        title: 'Cover title',
        language,
        status: 'agreed',
        date: '2025-03-14',
        version: { name: 'v3', createdAt: '2025-03-01' },
        organizations: [{ name: 'Secretariat', shortName: 'S' }],
      })
      const result = await parseDocx(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer)
      expect(stripIds(result.doc)).toEqual(stripIds(sampleLaw(language)))
      expect(result.language).toBe(language)
      expect(result.warnings).toEqual([])
    })
  }

  it('reads a draft whose title is in Heading 1, chapters in Heading 2 and articles in Heading 3 (no Title style)', async () => {
    const bytes = await build([
      h(HeadingLevel.HEADING_1, 'Модельный закон о противодействии торговле людьми'),
      p('Государства-участники договорились о нижеследующем.'),
      h(HeadingLevel.HEADING_2, 'Общие положения'),
      h(HeadingLevel.HEADING_3, 'Сфера применения'),
      p('Настоящий Закон применяется на всей территории.'),
      h(HeadingLevel.HEADING_3, 'Основные понятия'),
      p('Понятия используются в следующих значениях.'),
      h(HeadingLevel.HEADING_2, 'Заключительные положения'),
      h(HeadingLevel.HEADING_3, 'Вступление в силу'),
      p('Настоящий Закон вступает в силу со дня опубликования.'),
    ])
    const result = await parseDocx(bytes)
    const top = result.doc.content!.map((n) => `${n.type}:${n.type === 'article' ? n.content![0].content?.[0]?.text : n.content?.[0]?.text ?? ''}`)
    expect(top).toEqual([
      'lawTitle:Модельный закон о противодействии торговле людьми',
      'preamble:',
      'chapter:Общие положения',
      'article:Сфера применения',
      'article:Основные понятия',
      'chapter:Заключительные положения',
      'article:Вступление в силу',
    ])
    expect(result.stats).toMatchObject({ chapters: 2, articles: 3, clauses: 3, unrecognised: 0 })
  })

  it('keeps a single Heading 1 that names a chapter as a chapter', async () => {
    const bytes = await build([h(HeadingLevel.HEADING_1, 'Глава 1. Общие положения'), h(HeadingLevel.HEADING_2, 'Статья 1. Сфера применения'), p('Текст.')])
    const result = await parseDocx(bytes)
    expect(result.stats).toMatchObject({ chapters: 1, articles: 1 })
  })

  it('reads part headings by their labels, in any heading style or none, and a first Heading 1 that names a part is no title', async () => {
    const bytes = await build([
      h(HeadingLevel.HEADING_1, 'РАЗДЕЛ I. ОБЩАЯ ЧАСТЬ'),
      h(HeadingLevel.HEADING_1, 'Глава 1. Общие положения'),
      h(HeadingLevel.HEADING_2, 'Статья 1. Сфера применения'),
      p('Раздел 2 настоящего Кодекса применяется к договорам.'),
      p('Раздел II'),
      p('Особенная часть'),
      h(HeadingLevel.HEADING_2, 'Статья 2. Действие'),
      p('Текст.'),
    ])
    const result = await parseDocx(bytes)
    const top = result.doc.content!.map((n) => `${n.type}:${n.type === 'article' ? n.content![0].content?.[0]?.text : n.content?.[0]?.text ?? ''}`)
    expect(top).toEqual(['lawTitle:', 'preamble:', 'part:ОБЩАЯ ЧАСТЬ', 'chapter:Общие положения', 'article:Сфера применения', 'part:Особенная часть', 'article:Действие'])
    expect(result.stats).toMatchObject({ parts: 2, chapters: 1, articles: 2, unrecognised: 0 })
  })

  it('reads an adoption note after the last article, and the signature set on lines after it, as the conclusions', async () => {
    const bytes = await build([
      h(HeadingLevel.TITLE, 'Модельный закон о защите данных'),
      h(HeadingLevel.HEADING_2, 'Статья 1. Предмет'),
      p('Президент Республики назначает уполномоченный орган.'),
      h(HeadingLevel.HEADING_2, 'Статья 2. Вступление в силу'),
      p('Настоящий Закон вступает в силу со дня опубликования.'),
      p('Принят на тридцать первом пленарном заседании Межпарламентской Ассамблеи (постановление № 31-11)'),
      new Paragraph({ children: [new TextRun('Председатель Совета Ассамблеи'), new TextRun({ text: 'В. Матвиенко', break: 1 })] }),
    ])
    const result = await parseDocx(bytes)
    docFromJSON(result.doc)
    const b = createBuilders('x')
    expect(stripIds(result.doc)).toEqual(
      stripIds(
        b.law('Модельный закон о защите данных', [], [
          b.article('Предмет', [b.clause('Президент Республики назначает уполномоченный орган.')]),
          b.article('Вступление в силу', [b.clause('Настоящий Закон вступает в силу со дня опубликования.')]),
          conclusionsNode(['Принят на тридцать первом пленарном заседании Межпарламентской Ассамблеи (постановление № 31-11)', 'Председатель Совета Ассамблеи', 'В. Матвиенко']),
        ]),
      ),
    )
    expect(result.stats).toMatchObject({ articles: 2, clauses: 2, conclusionsParagraphs: 3, unrecognised: 0 })
  })

  it('rejects bytes that are not a DOCX package', async () => {
    await expect(parseDocx(new TextEncoder().encode('not a zip'))).rejects.toThrow()
  })
})

describe('a ministry\'s Word file with tracked changes and comments', () => {
  const change = { author: 'Минюст', date: '2026-12-01T10:00:00Z' }

  it('is read with the changes accepted, and the preview says so; its comments counted', async () => {
    const doc = new Document({
      comments: { children: [{ id: 0, author: 'Минюст', date: new Date('2026-12-01T10:00:00Z'), children: [p('Уточнить срок.')] }] },
      sections: [
        {
          children: [
            h(HeadingLevel.HEADING_2, 'Статья 1. Вступление в силу'),
            new Paragraph({
              children: [
                new TextRun('Настоящий Закон вступает в силу через '),
                new DeletedTextRun({ id: 1, ...change, text: 'три' }),
                new InsertedTextRun({ id: 2, ...change, text: 'шесть' }),
                new TextRun(' месяцев.'),
                new CommentRangeStart(0),
                new TextRun(' Без изменений.'),
                new CommentRangeEnd(0),
                new TextRun({ children: [new CommentReference(0)] }),
              ],
            }),
          ],
        },
      ],
    })
    const result = await parseDocx(new Uint8Array(await Packer.toArrayBuffer(doc)), 'ru')
    const clause = JSON.stringify(result.doc.content?.at(-1))
    expect(clause).toContain('через шесть месяцев. Без изменений.')
    expect(clause).not.toContain('три')
    expect(result.notes).toEqual(expect.arrayContaining([{ code: 'trackedChanges', inserted: 1, deleted: 1 }, { code: 'wordComments', count: 1 }]))
    expect(result.warnings.join('\n')).toContain('they were read as accepted')
  })

  it('without either, says nothing of them (a table\'s inside borders are not insertions)', async () => {
    const table = new Table({ rows: [new TableRow({ children: [new TableCell({ children: [p('ячейка')] })] })] })
    const result = await parseDocx(await build([h(HeadingLevel.HEADING_2, 'Статья 1. Предмет'), p('Текст.'), table]), 'ru')
    expect(result.notes.map((n) => n.code)).not.toContain('trackedChanges')
    expect(result.notes.map((n) => n.code)).not.toContain('wordComments')
  })
})

describe('parseDocx of exported edge cases', () => {
  it('keeps points before any paragraph, sub-points before any point, empty headings and chapterless articles', async () => {
    const b = createBuilders('e')
    const edge = b.law('Edge', ['One.'], [
      b.article('Chapterless', [b.clause('Only paragraph.')]),
      b.article('Points first', [b.point('lone point;'), b.subpoint('its sub-point;'), b.clause('Then a paragraph:'), b.point('its point;'), b.clause('Last.')]),
      b.chapter('First'),
      b.article('Sub-points first', [b.clause('Intro:'), b.subpoint('orphan sub-point;'), b.point('real point:'), b.subpoint('sub.')]),
      b.chapter(''),
      b.article('', [b.clause('Untitled article text without a period')]),
    ])
    const bytes = await toDocx(edge, { title: 'Edge', language: 'en', status: 'draft', date: '2025-03-14', organizations: [] })
    expect(stripIds((await parseDocx(bytes)).doc)).toEqual(stripIds(edge))
  })

  describe('a title on two lines', () => {
    const title = 'Модельный закон о противодействии торговле людьми'
    const preamble = 'Государства — участники СНГ согласились о нижеследующем.'
    const article = [h(HeadingLevel.HEADING_2, 'Статья 1. Цель'), p('Текст.')]
    const law = (bytes: Uint8Array) => parseDocx(bytes).then((r) => stripIds(r.doc))
    const b = createBuilders('x')
    const want = stripIds(b.law(title, [preamble], [b.article('Цель', [b.clause('Текст.')])]))

    it('two Title paragraphs make one title, and the preamble stays', async () => {
      const bytes = await build([h(HeadingLevel.TITLE, 'МОДЕЛЬНЫЙ ЗАКОН'), h(HeadingLevel.TITLE, 'О противодействии торговле людьми'), p(preamble), ...article])
      expect(await law(bytes)).toEqual(want)
    })

    it('a soft line break in the title paragraph, of the Title or Heading 1 style or none', async () => {
      for (const heading of [HeadingLevel.TITLE, HeadingLevel.HEADING_1, undefined]) {
        const first = new Paragraph({ heading, children: [new TextRun('МОДЕЛЬНЫЙ ЗАКОН'), new TextRun({ text: 'О противодействии торговле людьми', break: 1 })] })
        expect(await law(await build([first, p(preamble), ...article])), String(heading)).toEqual(want)
      }
    })

    it('two Heading 1 paragraphs as the title, Heading 2 chapters and Heading 3 articles under it', async () => {
      const bytes = await build([
        h(HeadingLevel.HEADING_1, 'МОДЕЛЬНЫЙ ЗАКОН'),
        h(HeadingLevel.HEADING_1, 'О противодействии торговле людьми'),
        p(preamble),
        h(HeadingLevel.HEADING_2, 'Общие положения'),
        h(HeadingLevel.HEADING_3, 'Цель'),
        p('Текст.'),
      ])
      expect(await law(bytes)).toEqual(stripIds(b.law(title, [preamble], [b.chapter('Общие положения'), b.article('Цель', [b.clause('Текст.')])])))
    })

    it('a plain second paragraph that starts the subject ("О …")', async () => {
      expect(await law(await build([p('МОДЕЛЬНЫЙ ЗАКОН'), p('О противодействии торговле людьми'), p(preamble), ...article]))).toEqual(want)
    })
  })

  describe('a ZIP bomb: a small .docx whose XML unpacks to more than any law', () => {
    it('is refused before it is unpacked (tooLarge), whether its headers tell the truth or declare a small size', async () => {
      for (const declaredSize of [undefined, 1000]) {
        const bomb = await paddedDocx(Math.ceil(MAX_DOCX_XML_BYTES / 60) + 1000, declaredSize)
        expect(bomb.length).toBeLessThan(2 * 1024 * 1024)
        const started = performance.now()
        const err = await parseDocx(bomb).catch((e: unknown) => e)
        expect(err).toBeInstanceOf(ImportError)
        expect((err as ImportError).problem, `declared ${declaredSize}`).toBe('tooLarge')
        // It inflated no further than the limit, and never reached mammoth.
        expect(performance.now() - started).toBeLessThan(3000)
      }
    }, 30_000)

    it('is refused when its main part has another name than document.xml (the relationships say where it is)', async () => {
      const paragraphs = Math.ceil(MAX_DOCX_XML_BYTES / 60) + 1000
      for (const options of [{}, { name: 'word/media/image1.png', alsoImage: true }]) {
        const bomb = await renamedPaddedDocx(paragraphs, options)
        expect(await docxPartsExceed(bomb, MAX_DOCX_XML_BYTES), JSON.stringify(options)).toBe(true)
        const started = performance.now()
        const err = await parseDocx(bomb).catch((e: unknown) => e)
        expect((err as ImportError).problem, JSON.stringify(options)).toBe('tooLarge')
        expect(performance.now() - started).toBeLessThan(3000)
      }
    }, 60_000)

    it('a draft with an image that unpacks past the limit still imports: images are never unpacked', async () => {
      const photo = new Uint8Array(MAX_DOCX_XML_BYTES + 16 * 1024 * 1024)
      const bytes = await docxWithImage(photo)
      expect(bytes.length).toBeLessThan(2 * 1024 * 1024)
      expect(await docxPartsExceed(bytes, MAX_DOCX_XML_BYTES)).toBe(false)
      const result = await parseDocx(bytes)
      expect(result.stats.articles).toBeGreaterThan(0)
      expect(result.notes).toContainEqual({ code: 'imagesLeftOut', count: 1 })
    }, 30_000)

    it('a genuine large draft, well under the limit, still imports', async () => {
      const result = await parseDocx(await paddedDocx(20_000))
      expect(result.stats.articles).toBeGreaterThan(0)
    }, 20_000)
  })
})
