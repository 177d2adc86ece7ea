import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { compareDocuments, comparativeTable } from '../../shared/diff'
import { columnWidths, comparativeTableDocx } from '../../shared/diff/comparativeTableDocx'
import type { ProposersByArticle } from '../../shared/diff'
import { article, chapter, clause, law, point, section } from '../../shared/diff/testing/fixtures'
import type { DocJSON } from '../../shared/schema'
import { readZipEntry, zipEntries } from '../helpers/zip'

/** The comparative table as DOCX: a valid package whose document.xml has the table we expect. */

const c1 = chapter('c1', 'General provisions')
const simple = (n: number) => article(`a${n}`, `Heading ${n}`, clause(`a${n}c1`, `Text ${n}.`))
const doc = (parts: DocJSON[]) => law('Model Law', ['Preamble.'], parts)

const before = doc([c1, simple(1), article('a2', 'Penalty', clause('x', 'Punishable by a fine.')), simple(3)])
const after = doc([c1, simple(0), simple(1), article('a2', 'Penalty', clause('x', 'Punishable by imprisonment.')), simple(3)])

async function documentXml(b: DocJSON, a: DocJSON, language: 'en' | 'ru', subtitle?: string[], proposers: ProposersByArticle = {}, justification = false) {
  const bytes = await comparativeTableDocx(comparativeTable(compareDocuments(b, a, language), proposers), { language, subtitle, justification })
  return { bytes, xml: readZipEntry(bytes, 'word/document.xml') }
}

const tables = (xml: string) => [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((m) => m[1])
const rowsOf = (table: string) => [...table.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((m) => m[1])
const cellsOf = (row: string) => [...row.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((m) => m[1])
/** The runs of a piece of XML: their text and the formatting that marks a change. */
const runsOf = (xml: string) =>
  [...xml.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map((m) => ({
    text: [...m[1].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
    strike: /<w:strike\/>/.test(m[1]),
    inserted: /<w:u w:val="single"\/>/.test(m[1]) && /<w:b\/>/.test(m[1]) && /w:fill="D5F5D5"/.test(m[1]),
  }))
const textOf = (xml: string) => runsOf(xml).map((r) => r.text).join('')

describe('comparativeTableDocx', () => {
  it('sets line spacing as a multiple of the line (lineRule auto), so wrapped lines never overlap', async () => {
    // Without w:lineRule, LibreOffice takes w:line="264" as an exact 13.2 pt: the wrapped lines of
    // the 16 pt title (and of long headings in a cell) were drawn over each other.
    const { bytes } = await documentXml(before, after, 'ru', ['Модельный закон «О защите персональных данных и о внесении изменений в отдельные законодательные акты»'])
    const spacings = [readZipEntry(bytes, 'word/styles.xml'), readZipEntry(bytes, 'word/document.xml')].flatMap((xml) => xml.match(/<w:spacing [^>]*w:line="[^"]*"[^>]*\/>/g) ?? [])
    expect(spacings.length).toBeGreaterThan(0)
    for (const spacing of spacings) expect(spacing).toContain('w:lineRule="auto"')
  })

  it('is a well-formed Word package', async () => {
    const { bytes, xml } = await documentXml(before, after, 'en')
    expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]) // "PK"
    expect(zipEntries(bytes)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml', '_rels/.rels']))
    const dir = mkdtempSync(join(tmpdir(), 'accord-docx-'))
    try {
      for (const part of ['word/document.xml', 'word/styles.xml', '[Content_Types].xml']) {
        const file = join(dir, part.replace(/\W/g, '_'))
        writeFileSync(file, readZipEntry(bytes, part))
        execFileSync('xmllint', ['--noout', file], { stdio: 'pipe' }) // throws if not well-formed
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
    expect(xml).toMatch(/^<\?xml [^>]*\?><w:document [^>]*><w:body>[\s\S]*<w:sectPr>[\s\S]*<\/w:sectPr><\/w:body><\/w:document>$/)
    expect(xml).toContain('w:orient="landscape"')
  })

  it('has one three-column table: a repeated header row, then one row per changed article', async () => {
    const { xml } = await documentXml(before, after, 'en')
    const [table, ...others] = tables(xml)
    expect(others).toEqual([])
    expect(table.match(/<w:gridCol /g)).toHaveLength(3)
    const [header, ...rows] = rowsOf(table)
    expect(header).toContain('<w:tblHeader/>')
    expect(cellsOf(header).map(textOf)).toEqual(['Previous wording', 'New wording', 'Proposed by'])
    // Article 1 was added; Article 2 changed (and renumbered); the rest only renumbered: no rows.
    expect(rows).toHaveLength(2)
    for (const row of rows) expect(cellsOf(row)).toHaveLength(3)
    const [added, changed] = rows.map(cellsOf)
    expect(textOf(added[0])).toBe('(none)')
    expect(textOf(added[1])).toBe('Article 1. Heading 0Text 0.')
    expect(textOf(changed[0])).toBe('Article 2. PenaltyPunishable by a fine.')
    expect(textOf(changed[1])).toBe('Article 3. PenaltyPunishable by imprisonment.Article 2. → Article 3.')
    // Nothing in a cell keeps with the next: LibreOffice kept whole rows with the next ones, half-empty pages.
    expect(table).not.toContain('<w:keepNext/>')
  })

  it('strikes deleted words through on the old side and highlights inserted ones on the new side', async () => {
    const { xml } = await documentXml(before, after, 'en')
    const [, , changed] = rowsOf(tables(xml)[0]).map(cellsOf)
    const old = runsOf(changed[0])
    const now = runsOf(changed[1])
    expect(old.filter((r) => r.strike).map((r) => r.text)).toEqual(['a fine'])
    expect(old.some((r) => r.inserted)).toBe(false)
    expect(now.filter((r) => r.inserted).map((r) => r.text)).toEqual(['imprisonment'])
    expect(now.some((r) => r.strike)).toBe(false)
    // The unchanged words are plain runs on both sides.
    expect(old.find((r) => r.text === 'Punishable by ')).toMatchObject({ strike: false, inserted: false })
    // The whole added article is one insertion.
    const [, added] = rowsOf(tables(xml)[0]).map(cellsOf)
    expect(runsOf(added[1]).filter((r) => r.inserted).map((r) => r.text)).toEqual(['Heading 0', 'Text 0.'])
  })

  it('keeps Cyrillic text whole, speaks Russian and uses a Cyrillic-safe font', async () => {
    const ru = (text: string) => law('Модельный закон', [], [chapter('c1', 'Общие положения'), article('a1', 'Цель', clause('x', 'Вводные слова:'), point('p', text))])
    const { bytes, xml } = await documentXml(ru('защита прав жертв;'), ru('защита прав и законных интересов жертв;'), 'ru', ['Проект: «Модельный закон»', 'Раунд 1 → Раунд 2'])
    expect(xml).toContain('Сравнительная таблица')
    expect(xml).toContain('Раунд 1 → Раунд 2')
    const [header, row] = rowsOf(tables(xml)[0])
    expect(cellsOf(header).map(textOf)).toEqual(['Прежняя редакция', 'Новая редакция', 'Кем предложено'])
    const [, now] = cellsOf(row)
    expect(textOf(now)).toBe('Статья 1. ЦельВводные слова:1) защита прав и законных интересов жертв;')
    expect(runsOf(now).filter((r) => r.inserted).map((r) => r.text)).toEqual(['и законных интересов '])
    const styles = readZipEntry(bytes, 'word/styles.xml')
    expect(styles).toContain('w:ascii="Times New Roman"')
    expect(styles).toContain('w:cs="Times New Roman"')
    expect(styles).toContain('w:val="ru-RU"')
  })

  it('a renamed section heading is a row of its own, bold and centred like a chapter heading', async () => {
    const withSection = (heading: string) => doc([c1, section('s1', heading), simple(1)])
    const { xml } = await documentXml(withSection('Scope'), withSection('Scope of application'), 'ru')
    const [, row] = rowsOf(tables(xml)[0])
    const [old, now] = cellsOf(row)
    expect([textOf(old), textOf(now)]).toEqual(['§ 1. Scope', '§ 1. Scope of application'])
    expect(runsOf(now).filter((r) => r.inserted).map((r) => r.text)).toEqual([' of application'])
    expect(now).toContain('<w:jc w:val="center"/>')
    expect(old).toMatch(/<w:b\/>[\s\S]*<w:t[^>]*>§ 1\. <\/w:t>/)
  })

  it('says when nothing changed, and never lets typed text become markup', async () => {
    const same = await documentXml(before, before, 'en')
    const [, only] = rowsOf(tables(same.xml)[0])
    expect(textOf(only)).toBe('No changes.')
    const nasty = doc([c1, article('a1', 'H', clause('x', 'A <w:t>bad</w:t> & "quoted" \u0001 text.'))])
    const { xml } = await documentXml(before, nasty, 'en')
    expect(xml).not.toContain('<w:t>bad</w:t>')
    expect(xml).toContain('&lt;w:t&gt;bad&lt;/w:t&gt; &amp;')
    expect(xml).not.toContain('\u0001')
  })

  it('names who proposed each article (short names, Cyrillic kept), with their full names under the table', async () => {
    const minjust = { id: 'o1', name: 'Министерство юстиции', shortName: 'Минюст', color: '#8a2be2' }
    const nasty = { id: 'o2', name: 'Ministry <w:t>x</w:t>', shortName: 'M&<b>', color: '#2a7d4f' }
    const { xml } = await documentXml(before, after, 'ru', undefined, { a0: [minjust], a2: [nasty, minjust] })
    const [, added, changed] = rowsOf(tables(xml)[0]).map(cellsOf)
    expect(textOf(added[2])).toBe('Минюст')
    expect(runsOf(changed[2]).map((r) => r.text)).toEqual(['M&amp;&lt;b&gt;', 'Минюст'])
    expect(xml).not.toContain('<w:t>x</w:t>')
    const underTable = xml.slice(xml.indexOf('</w:tbl>'))
    expect(textOf(underTable)).toBe('Организации: M&amp;&lt;b&gt; — Ministry &lt;w:t&gt;x&lt;/w:t&gt;; Минюст — Министерство юстиции.')
    // Nobody named: an empty cell, and no key.
    const plain = await documentXml(before, after, 'en')
    const [, first] = rowsOf(tables(plain.xml)[0]).map(cellsOf)
    expect(textOf(first[2])).toBe('')
    expect(plain.xml).not.toContain('Organizations:')
  })

  it('adds an empty "Justification" column only when asked, and the columns fill landscape A4 with the wordings widest', async () => {
    const { xml } = await documentXml(before, after, 'ru', undefined, {}, true)
    const table = tables(xml)[0]
    const [header, ...rows] = rowsOf(table)
    expect(cellsOf(header).map(textOf)).toEqual(['Прежняя редакция', 'Новая редакция', 'Кем предложено', 'Обоснование'])
    for (const row of rows) {
      const cells = cellsOf(row)
      expect(cells).toHaveLength(4)
      expect(textOf(cells[3])).toBe('')
      expect(cells[3]).toMatch(/<w:p\/>|<w:p>/) // a paragraph to type into
    }
    const grid = [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]))
    expect(grid).toEqual(columnWidths(true))
    expect((await documentXml(before, after, 'en')).xml).not.toContain('Justification')
    // Landscape A4 (29.7 cm) less the 2 cm and 1.5 cm margins, in twips; each wording wider than both other columns together.
    // A numbered table (the table of amendments) puts a narrow "№" column first.
    expect(columnWidths(true, true)[0]).toBeLessThan(columnWidths(true, true)[3])
    for (const widths of [columnWidths(false), columnWidths(true), columnWidths(true, true).slice(1).concat(columnWidths(true, true)[0])]) {
      const [old, now, ...narrow] = widths
      expect(widths.reduce((a, b) => a + b, 0)).toBe(16838 - 2 * 567 - Math.round(1.5 * 567))
      const rest = narrow.reduce((a, b) => a + b, 0)
      expect(Math.min(old, now)).toBeGreaterThan(rest)
    }
    expect(xml).toContain(`<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>`)
  })

  it('fills the "Justification" column with the reasons given, the organization first in bold, lines kept, nothing typed becoming markup', async () => {
    const mvd = { id: 'o2', name: 'Министерство внутренних дел', shortName: 'МВД', color: '#2a7d4f' }
    const reasons = { a2: [{ organization: mvd, text: 'Короче <w:t>x</w:t>\nи яснее' }, { organization: mvd, text: 'Второе' }] }
    const bytes = await comparativeTableDocx(comparativeTable(compareDocuments(before, after, 'ru'), {}, reasons), { language: 'ru', justification: true })
    const xml = readZipEntry(bytes, 'word/document.xml')
    const [, added, changed] = rowsOf(tables(xml)[0]).map(cellsOf)
    expect(textOf(added[3])).toBe('')
    const paragraphs = [...changed[3].matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((m) => m[1])
    expect(paragraphs.map(textOf)).toEqual(['МВД: Короче &lt;w:t&gt;x&lt;/w:t&gt;и яснее', 'МВД: Второе'])
    expect(paragraphs[0]).toMatch(/<w:b\/>[\s\S]*?>МВД: <\/w:t>/)
    expect(paragraphs[0]).toContain('<w:br/>')
    expect(xml).not.toContain('<w:t>x</w:t>')
  })
})
