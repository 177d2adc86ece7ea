import { describe, expect, it } from 'vitest'
import { isAgreed, type PositionKind } from '../../shared/agreement'
import { RecordPositionInput } from '../../shared/api'
import { sampleLaw } from '../../shared/seed/modelLaw'
import { toHtml } from '../../shared/export/html'
import { toMarkdown } from '../../shared/export/markdown'
import { toDocx } from '../../shared/export/docx'
import { coverLines, type ExportMeta } from '../../shared/export/meta'
import { positionsTable, type ExportPositions } from '../../shared/export/positions'
import { articlesOf, lawStructure } from '../../shared/export/structure'
import { unzipText } from '../helpers/zip'
import { parseDocx } from '../../shared/import/docx'
import { parseText } from '../../shared/import/text'
import { stripIds } from '../helpers/draftDocx'

const meta = (language: 'en' | 'ru'): ExportMeta => ({
  title: 'Model law',
  language,
  status: 'agreed',
  date: '2025-03-14T09:30:00Z',
  version: { name: 'Council draft 3', createdAt: '2025-03-01T12:00:00Z' },
  organizations: [{ name: 'Ministry of Justice', shortName: 'MoJ' }],
})

function positions(language: 'en' | 'ru'): ExportPositions {
  const [, second] = articlesOf(lawStructure(sampleLaw(language), language))
  return {
    organizations: [
      { name: 'Ministry of Justice', shortName: 'MoJ', position: null },
      {
        name: 'Ministry of Interior',
        shortName: 'MoI',
        position: {
          position: 'reservations',
          text: 'a | b <i>',
          recordedBy: 'Rita',
          recordedAt: '2025-03-10T08:00:00Z',
          articles: [{ articleId: second.article.id!, position: 'object', text: 'too broad' }],
        },
      },
    ],
  }
}

describe('agreement rule', () => {
  const map = (entries: [string, PositionKind][]) => new Map(entries)
  it('is agreed only when every required organization agrees, reservations included', () => {
    expect(isAgreed(['a', 'b'], map([['a', 'agree'], ['b', 'reservations']]))).toBe(true)
    expect(isAgreed(['a', 'b'], map([['a', 'agree']]))).toBe(false)
    expect(isAgreed(['a', 'b'], map([['a', 'agree'], ['b', 'object']]))).toBe(false)
    // A position of an organization that is not required changes nothing.
    expect(isAgreed(['a'], map([['a', 'agree'], ['x', 'object']]))).toBe(true)
    expect(isAgreed([], map([]))).toBe(false)
  })

  it('validates texts and the whole position against the articles’ positions', () => {
    expect(RecordPositionInput.safeParse({ position: 'agree' }).success).toBe(true)
    expect(RecordPositionInput.safeParse({ position: 'object', text: ' why ' }).data).toEqual({ position: 'object', text: 'why', articles: [] })
    expect(RecordPositionInput.safeParse({ position: 'object' }).success).toBe(false)
    expect(RecordPositionInput.safeParse({ position: 'agree', text: 'x' }).success).toBe(false)
    const article = { articleId: 'a1', position: 'object', text: 'no' }
    expect(RecordPositionInput.safeParse({ position: 'reservations', text: 'r', articles: [article] }).success).toBe(false)
    expect(RecordPositionInput.safeParse({ position: 'object', text: 'o', articles: [article] }).success).toBe(true)
  })
})

describe('positions table', () => {
  it('has a row per organization and per article position, labelled by the text’s numbering, in its language', () => {
    const table = positionsTable(positions('en'), lawStructure(sampleLaw('en'), 'en'))
    expect(table.header).toEqual(['Organization', 'Provision', 'Position', 'Reservation or objection', 'Recorded'])
    expect(table.rows[0]).toEqual(['Ministry of Justice (MoJ)', 'Whole text', 'No position yet', '—', '—'])
    expect(table.rows[1]).toEqual(['Ministry of Interior (MoI)', 'Whole text', 'Agrees with reservations', 'a | b <i>', 'Rita, 10 March 2025'])
    expect(table.rows[2][1]).toMatch(/^Article 2\. /)
    expect(table.rows[2].slice(2)).toEqual(['Objects', 'too broad', ''])
    const ru = positionsTable(positions('ru'), lawStructure(sampleLaw('ru'), 'ru'))
    expect(ru.title).toBe('Позиции организаций')
    expect(ru.rows[1][2]).toBe('Согласна с оговорками')
    expect(ru.rows[2][1]).toMatch(/^Статья 2\. /)
  })

  it('is escaped by each exporter', async () => {
    const html = toHtml(sampleLaw('en'), meta('en'), { positions: positions('en') })
    expect(html).toContain('<td>a | b &lt;i&gt;</td>')
    expect(html).not.toContain('<i>')
    const md = toMarkdown(sampleLaw('en'), meta('en'), { positions: positions('en') })
    expect(md).toContain('| Ministry of Interior (MoI) | Whole text | Agrees with reservations | a \\| b \\<i\\> | Rita, 10 March 2025 |')
    // A cell starts no block: "Article 2." is not escaped as a heading or a list would be.
    expect(md).toMatch(/\| Article 2\. [^|\n]+ \| Objects \|/)
    const xml = unzipText(await toDocx(sampleLaw('en'), meta('en'), { positions: positions('en') }), 'word/document.xml')
    expect(xml).toContain('a | b &lt;i&gt;')
    expect(xml).toContain('<w:tblHeader/>')
    // Without an appendix nothing is added.
    expect(toHtml(sampleLaw('en'), meta('en'))).not.toContain('appendix positions')
  })

  for (const language of ['en', 'ru'] as const) {
    it(`is left out when an exported draft is imported back, DOCX and Markdown (${language})`, async () => {
      const law = sampleLaw(language)
      const appendix = { positions: positions(language) }
      const fromDocx = await parseDocx(await toDocx(law, meta(language), appendix), language)
      const fromMarkdown = parseText(toMarkdown(law, meta(language), appendix), language)
      for (const result of [fromDocx, fromMarkdown]) {
        expect(stripIds(result.doc)).toEqual(stripIds(law))
        expect(result.notes).toContainEqual({ code: 'appendixLeftOut', title: positionsTable(positions(language), lawStructure(law, language)).title })
      }
    })
  }

  it('names an automatic version on the cover', () => {
    expect(coverLines({ ...meta('ru'), version: { name: '', createdAt: '2025-03-01T12:00:00Z' } }).version.value).toBe('Автоматическая версия (1 марта 2025 г.)')
  })
})
