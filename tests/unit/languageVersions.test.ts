import { describe, expect, it } from 'vitest'
import { alignLanguageVersions, labelNumber } from '../../shared/languageVersions'
import { parallelTextDocx } from '../../shared/export/parallelTextDocx'
import { readZipEntry } from '../helpers/zip'
import { article, chapter, clause, conclusions, law, point } from '../../shared/diff/testing/fixtures'
import type { DocJSON } from '../../shared/schema'

/** A Russian law: two chapters, three articles, the second with a point. */
const russian = (): DocJSON =>
  law('Модельный закон', ['Преамбула.'], [
    chapter('c1', 'Общие положения'),
    article('a1', 'Цель', clause('a1p1', 'Настоящий Закон определяет меры.')),
    article('a2', 'Термины', clause('a2p1', 'Термины:'), point('a2t1', 'жертва;')),
    chapter('c2', 'Заключительные положения'),
    article('a3', 'Вступление в силу', clause('a3p1', 'Вступает в силу.')),
  ])

/** Its English version as a translator leaves it: some of it translated, the rest still Russian. */
const english = (): DocJSON =>
  law('Model Law', ['Preamble.'], [
    chapter('c1', 'General provisions'),
    article('a1', 'Purpose', clause('a1p1', 'This Law sets out measures.')),
    article('a2', 'Термины', clause('a2p1', 'Термины:'), point('a2t1', 'жертва;')),
    chapter('c2', 'Final provisions'),
    article('a3', 'Entry into force', clause('a3p1', 'Enters into force.')),
  ])

const summary = (rows: ReturnType<typeof alignLanguageVersions>['rows']) =>
  rows.map((r) => `${r.kind} ${r.left?.label ?? '-'} | ${r.right?.label ?? '-'}${r.issues.length ? ` [${r.issues.join(', ')}]` : ''}`)

describe('language versions side by side', () => {
  it('pairs the texts by stable id, with each side numbered in its own language, and finds what is not translated', () => {
    const { rows, counts } = alignLanguageVersions(russian(), 'ru', english(), 'en')
    expect(summary(rows)).toEqual([
      'title  | ', 'preamble  | ',
      'chapter Глава 1. | Chapter I.', 'article Статья 1. | Article 1.', 'article Статья 2. | Article 2. [untranslated]',
      'chapter Глава 2. | Chapter II.', 'article Статья 3. | Article 3.',
    ])
    expect(rows[4].left!.blocks).toEqual([{ type: 'clause', label: '', text: 'Термины:' }, { type: 'point', label: '1)', text: 'жертва;' }])
    // Each side's points as its language numbers them.
    expect(rows[4].right!.blocks).toEqual([{ type: 'clause', label: '', text: 'Термины:' }, { type: 'point', label: '(a)', text: 'жертва;' }])
    expect(counts).toEqual({ missing: 0, numberDiffers: 0, blocksDiffer: 0, untranslated: 1, changedInOriginal: 0 })
  })

  it('an article added in one language only is missing in the other, and the ones after it are numbered differently', () => {
    const ru = russian()
    ru.content!.splice(4, 0, article('new', 'Новая статья', clause('newp', 'Текст.')))
    const { rows, counts } = alignLanguageVersions(ru, 'ru', english(), 'en')
    expect(summary(rows).slice(2)).toEqual([
      'chapter Глава 1. | Chapter I.', 'article Статья 1. | Article 1.', 'article Статья 2. | - [missing]',
      'article Статья 3. | Article 2. [numberDiffers, untranslated]', 'chapter Глава 2. | Chapter II.', 'article Статья 4. | Article 3. [numberDiffers]',
    ])
    expect(counts).toMatchObject({ missing: 1, numberDiffers: 2 })
  })

  it('a paragraph or point in one language only: the article’s blocks differ', () => {
    const en = english()
    const a3 = en.content!.find((n) => n.attrs?.id === 'a3')!
    a3.content!.push(clause('extra', 'A second paragraph.'))
    const { rows } = alignLanguageVersions(russian(), 'ru', en, 'en')
    expect(rows.find((r) => r.id === 'a3')!.issues).toEqual(['blocksDiffer'])
  })

  it('an untranslated title and preamble are said too; a moved article is paired where the right text has it', () => {
    const en = russian()
    const [, , c1, a1, a2, c2, a3] = en.content!
    en.content = [en.content![0], en.content![1], c1, a2, a1, c2, a3]
    const { rows } = alignLanguageVersions(russian(), 'ru', en, 'en')
    expect(rows[0].issues).toEqual(['untranslated'])
    expect(rows[1].issues).toEqual(['untranslated'])
    expect(rows.slice(3, 5).map((r) => `${r.id} ${r.left!.label} | ${r.right!.label}`)).toEqual(['a2 Статья 2. | Article 1.', 'a1 Статья 1. | Article 2.'])
  })

  it('with edit times: an article the original changed after its translation was last edited is to be translated again', () => {
    const made = '2026-12-01T10:00:00.000Z'
    const edits = {
      // The Russian original: a1 edited before the English version was made, a3 after it.
      left: { createdAt: '2026-11-01T09:00:00.000Z', articles: { a1: '2026-11-20T12:00:00.000Z', a3: '2026-12-01T11:00:00.000Z' } },
      // The English version: a1 and a3 translated at 10:30; a2 never touched.
      right: { createdAt: made, articles: { a1: '2026-12-01T10:30:00.000Z', a3: '2026-12-01T10:30:00.000Z' } },
      original: 'left' as const,
    }
    const { rows, counts } = alignLanguageVersions(russian(), 'ru', english(), 'en', edits)
    const issues = Object.fromEntries(rows.filter((r) => r.kind === 'article').map((r) => [r.id, r.issues]))
    // a2 reads the same in both: not translated, which says more than "changed".
    expect(issues).toEqual({ a1: [], a2: ['untranslated'], a3: ['changedInOriginal'] })
    expect(counts.changedInOriginal).toBe(1)
    // The original on the right: the same times read the other way round change nothing here.
    const swapped = alignLanguageVersions(english(), 'en', russian(), 'ru', { left: edits.right, right: edits.left, original: 'right' })
    expect(swapped.rows.find((r) => r.id === 'a3')!.issues).toEqual(['changedInOriginal'])
  })

  it('with edit times: the title, the preamble and a chapter heading the original changed since are to be translated again too', () => {
    const made = '2026-12-01T10:00:00.000Z'
    const edits = {
      // The original: its title, preamble and chapter c2's heading edited after the English version was made; c1 before.
      left: { createdAt: '2026-11-01T09:00:00.000Z', articles: { title: '2026-12-02T09:00:00.000Z', preamble: '2026-12-02T09:00:00.000Z', c1: '2026-11-20T12:00:00.000Z', c2: '2026-12-02T09:00:00.000Z' } },
      // The translation: its title translated again after that; the preamble and c2 not.
      right: { createdAt: made, articles: { title: '2026-12-03T09:00:00.000Z', c2: '2026-12-01T10:30:00.000Z' } },
      original: 'left' as const,
    }
    const { rows, counts } = alignLanguageVersions(russian(), 'ru', english(), 'en', edits)
    expect(summary(rows).filter((r) => !r.startsWith('article'))).toEqual([
      'title  | ',
      'preamble  |  [changedInOriginal]',
      'chapter Глава 1. | Chapter I.',
      'chapter Глава 2. | Chapter II. [changedInOriginal]',
    ])
    expect(counts.changedInOriginal).toBe(2)
  })

  it('the conclusions come after the articles, paragraph by paragraph: untranslated, missing, or changed in the original', async () => {
    const adopted = (base: DocJSON, ...paragraphs: string[]) => ({ ...base, content: [...base.content!, conclusions(...paragraphs)] })
    const ru = adopted(russian(), 'Принят на тридцать первом пленарном заседании', '(постановление № 31-11)')
    const en = adopted(english(), 'Adopted at the thirty-first plenary session', '(постановление № 31-11)')
    const text = alignLanguageVersions(ru, 'ru', en, 'en')
    const { rows } = text
    expect(summary(rows).slice(-3)).toEqual(['article Статья 3. | Article 3.', 'conclusions  | ', 'conclusions  |  [untranslated]'])
    expect(rows.at(-2)!.right).toEqual({ label: '', heading: 'Adopted at the thirty-first plenary session', blocks: [] })
    const docx = await readZipEntry(await parallelTextDocx(text, { language: 'ru', header: 'Русский' }, { language: 'en', header: 'English' }, 'en'), 'word/document.xml')
    expect(docx).toMatch(/Article 3\.[\s\S]*Принят на тридцать первом пленарном заседании[\s\S]*Adopted at the thirty-first plenary session/)
    // Rows with no number of their own are named, each column in its own language, as the view names them.
    const cells = [...docx.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((m) => [...m[1].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''))
    expect(cells).toContain('РеквизитыПринят на тридцать первом пленарном заседании')
    expect(cells).toContain('Closing formulaAdopted at the thirty-first plenary session')
    expect(cells.filter((c) => c.startsWith('Преамбула')).length).toBeGreaterThan(0)
    expect(cells.filter((c) => c.startsWith('Preamble')).length).toBeGreaterThan(0)
    expect(cells.filter((c) => c.startsWith('Название')).length).toBe(1)
    // Not translated yet: the English version has none.
    const missing = alignLanguageVersions(ru, 'ru', english(), 'en')
    expect(summary(missing.rows).slice(-2)).toEqual(['conclusions  | - [missing]', 'conclusions  | - [missing]'])
    expect(missing.counts.missing).toBe(2)
    // The original's conclusions edited after the translation's: each paragraph is to be translated again.
    const edits = {
      left: { createdAt: '2026-11-01T09:00:00.000Z', articles: { conclusions: '2026-12-02T09:00:00.000Z' } },
      right: { createdAt: '2026-12-01T10:00:00.000Z', articles: { conclusions: '2026-12-01T10:30:00.000Z' } },
      original: 'left' as const,
    }
    const changed = alignLanguageVersions(ru, 'ru', adopted(english(), 'Adopted at the plenary session', '(Resolution No. 31-11)'), 'en', edits)
    expect(changed.rows.filter((r) => r.kind === 'conclusions').map((r) => r.issues)).toEqual([['changedInOriginal'], ['changedInOriginal']])
    expect(changed.counts.changedInOriginal).toBe(2)
  })

  it('reads numbers in both languages, Roman ones included', () => {
    expect(['Статья 12.', 'Article 12.', 'Глава 4.', 'Chapter IV.', 'Раздел XIV.', 'Part IX.', '§ 3.', 'Section 3.', '', '1)'].map(labelNumber)).toEqual([
      12, 12, 4, 4, 14, 9, 3, 3, null, null,
    ])
  })
})

describe('the parallel text as a Word document', () => {
  it('has both texts in two columns, each headed, with the missing side said in its own language', async () => {
    const ru = russian()
    ru.content!.splice(4, 0, article('new', 'Новая статья', clause('newp', 'Только по-русски.')))
    const text = alignLanguageVersions(ru, 'ru', english(), 'en')
    const bytes = await parallelTextDocx(text, { language: 'ru', header: 'Русский — Модельный закон' }, { language: 'en', header: 'English — Model Law' }, 'ru', ['Версии от 1 декабря 2026 г.'])
    const xml = await readZipEntry(bytes, 'word/document.xml')
    const rows = xml.split('<w:tr>').length - 1 + (xml.split('<w:tr ').length - 1)
    expect(rows).toBe(text.rows.length + 1) // and the header row
    for (const words of ['Параллельный текст', 'Русский — Модельный закон', 'English — Model Law', 'Статья 2.', 'Только по-русски.', 'Not in this version', 'Article 2.', 'This Law sets out measures.', 'Версии от 1 декабря 2026 г.']) {
      expect(xml).toContain(words)
    }
    expect(xml).not.toContain('Нет в этой версии') // the Russian column has every article
    expect(xml).toContain('<w:tblHeader/>')
  })
})
