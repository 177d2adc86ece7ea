import { describe, expect, it } from 'vitest'
import { conclusionsIn, opensConclusions } from '../../shared/import/conclusions'
import { recogniseFragment, recogniseLaw } from '../../shared/import/fragment'
import { textBlocks } from '../../shared/import/text'
import { runTask, validImportedDoc } from '../../server/export/task'
import { jsonText } from '../../shared/xref'
import type { SourceBlock } from '../../shared/import/recognise'
import { conclusionsLaw } from '../helpers/conclusionsLaw'

/** What opens a law's conclusions (shared/import/conclusions.ts), and where. */

describe('opensConclusions', () => {
  it('takes adoption notes, in Russian and in English', () => {
    for (const line of [
      'Принят на тридцать первом пленарном заседании Межпарламентской Ассамблеи государств – участников СНГ (постановление № 31-11 от 3 апреля 2008 года)',
      'Принят Государственной Думой 21 марта 2008 года',
      'Принята в г. Санкт-Петербурге 3 апреля 2008 года',
      'Принято Межпарламентской Ассамблеей',
      'Принят Советом Республики',
      'Принят',
      'ПРИНЯТ',
      'Adopted at the thirty-first plenary session of the Interparliamentary Assembly',
      'Adopted by the Parliament on 3 April 2008',
      'Adopted on 3 April 2008.',
      'Done at Minsk, 3 April 2008',
    ]) expect(opensConclusions(line), line).toBe(true)
  })

  it('takes a short signature line, whatever spaces set the name apart', () => {
    for (const line of ['Президент Российской Федерации                В. Путин', 'Президент', 'ПРЕЗИДЕНТ РЕСПУБЛИКИ', 'President of the Republic   J. Smith', 'President']) {
      expect(opensConclusions(line), line).toBe(true)
    }
  })

  it('never takes a paragraph of an article', () => {
    for (const line of [
      'Президент Республики назначает Премьер-министра с согласия Парламента.',
      'Президент Республики вправе:',
      'Президент Республики вносит проект закона;',
      `Президент ${'Республики '.repeat(10)}подписывает`,
      'Принято решение о передаче дела в суд.',
      'Принятый закон подлежит опубликованию.',
      'Принятие закона осуществляется Парламентом.',
      'Настоящий Закон принят в целях защиты прав.',
      'President Smith signed the treaty',
      'Presidential decrees are published.',
      'The President of the Republic appoints the ministers.',
      'Adopted children have the same rights.',
      'Adoption of this Law repeals the former Law.',
      'Done in two copies.',
      'Москва, Кремль',
      '',
    ]) expect(opensConclusions(line), line).toBe(false)
  })
})

describe('conclusionsIn', () => {
  const heading = (b: SourceBlock) => /^Статья/.test(b.text)
  const blocks = (...texts: string[]): SourceBlock[] => texts.map((text) => ({ text }))

  it('is the first block after the last heading that opens them', () => {
    expect(conclusionsIn(blocks('Статья 1. А', 'Текст.', 'Статья 2. Б', 'Текст.', 'Принят Государственной Думой', 'Президент  В. Путин'), heading).start).toBe(4)
  })

  it('is never before the last heading, nor in a text without headings', () => {
    expect(conclusionsIn(blocks('Статья 1. А', 'Принят Государственной Думой', 'Статья 2. Б', 'Текст.'), heading).start).toBe(-1)
    expect(conclusionsIn(blocks('Принят Государственной Думой', 'Президент'), heading).start).toBe(-1)
  })

  it('takes a block its source marks, whatever it says; never a list item', () => {
    expect(conclusionsIn([...blocks('Статья 1. А', 'Текст.'), { text: 'Москва, Кремль', closing: true }], heading).start).toBe(2)
    expect(conclusionsIn([...blocks('Статья 1. А', 'Текст:'), { text: 'Президент', listDepth: 0 }], heading).start).toBe(-1)
  })

  it('splits, in the blocks it returns, a hard-wrapped last paragraph that took the note in', () => {
    const given = [...blocks('Статья 1. А'), { text: 'Вступает в силу со дня опубликования Принят на пленарном заседании', lines: ['Вступает в силу со дня опубликования', 'Принят на пленарном заседании'] }]
    const found = conclusionsIn(given, heading)
    expect(found.start).toBe(2)
    expect(found.blocks.map((b) => b.text)).toEqual(['Статья 1. А', 'Вступает в силу со дня опубликования', 'Принят на пленарном заседании'])
    expect(given).toHaveLength(2)
  })
})

describe('conclusions of a pasted passage', () => {
  const passage = 'Статья 1. Предмет\nТекст.\nПринят Государственной Думой 21 марта 2008 года\nПрезидент Российской Федерации В. Путин'
  const texts = (nodes: { content?: unknown[] }[]) => nodes.map((n) => jsonText(n as never, new Map()))

  it('a whole law pasted over the text keeps them, last of its parts', () => {
    const law = recogniseLaw(textBlocks(passage).blocks, { language: 'ru' })
    expect(law.parts.map((p) => p.type)).toEqual(['article', 'conclusions'])
    expect(texts(law.parts[1].content!)).toEqual(['Принят Государственной Думой 21 марта 2008 года', 'Президент Российской Федерации В. Путин'])
  })

  it('a passage pasted into a law has none: the lines stay its article’s', () => {
    const piece = recogniseFragment(textBlocks(passage).blocks, { language: 'ru' })
    expect(piece.parts.map((p) => p.type)).toEqual(['article'])
    expect(texts(piece.parts[0].content!.slice(1))).toEqual(['Текст.', 'Принят Государственной Думой 21 марта 2008 года', 'Президент Российской Федерации В. Путин'])
  })
})

describe('the server’s check of an imported tree', () => {
  it('accepts conclusions and counts their paragraphs that have words', async () => {
    const doc = validImportedDoc(conclusionsLaw('ru'))
    expect(doc.content!.at(-1)!.type).toBe('conclusions')
    expect(doc.content!.at(-1)!.content).toHaveLength(4)
    const result = await runTask({ kind: 'importDoc', doc: conclusionsLaw('ru'), language: 'ru' })
    expect(result.kind === 'import' && result.stats).toMatchObject({ articles: 2, preambleParagraphs: 1, conclusionsParagraphs: 3 })
  })
})
