import { describe, expect, it } from 'vitest'
import { createBuilders } from '../../shared/seed/builders'
import { sampleLaw } from '../../shared/seed/modelLaw'
import { articlesOf, lawStructure } from '../../shared/export/structure'
import type { ExportMeta } from '../../shared/export/meta'
import { unzipText as unzip } from '../helpers/zip'
import { sectionedLaw } from '../helpers/sectionedLaw'
import { partedLaw } from '../helpers/partedLaw'
import { CONCLUSIONS, conclusionsLaw, lastArticleText } from '../helpers/conclusionsLaw'
import { DOCX_APPENDIX_STYLE, DOCX_CONCLUSIONS_STYLE, toDocx } from '../../shared/export/docx'

/** The <w:p> elements of document.xml with their text, style, numbering level and numbering instance. */
function paragraphs(xml: string) {
  return [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>|<w:p [^>]*>([\s\S]*?)<\/w:p>/g)].map((m) => {
    const body = m[1] ?? m[2]
    return {
      text: [...body.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
      style: /<w:pStyle w:val="([^"]+)"/.exec(body)?.[1] ?? null,
      ilvl: /<w:ilvl w:val="(\d)"/.exec(body)?.[1] ?? null,
      numId: /<w:numId w:val="(\d+)"/.exec(body)?.[1] ?? null,
      pageBreak: body.includes('<w:br w:type="page"/>'),
    }
  })
}

const meta = (language: 'en' | 'ru'): ExportMeta => ({
  title: language === 'en' ? 'Model Law On Combating Human Trafficking' : 'Модельный закон о противодействии торговле людьми',
  language,
  status: 'agreed',
  date: '2025-03-14',
  version: { name: 'Council draft 3', createdAt: '2025-03-01' },
  organizations: [
    { name: 'Secretariat of the Assembly', shortName: 'SA' },
    { name: 'Министерство юстиции', shortName: 'Минюст' },
  ],
})

describe('DOCX export', () => {
  it('is a package with document, styles and numbering parts', async () => {
    const bytes = await toDocx(sampleLaw('en'), meta('en'))
    expect(bytes).toBeInstanceOf(Uint8Array)
    expect(bytes[0]).toBe(0x50) // "PK"
    expect(bytes[1]).toBe(0x4b)
    for (const part of ['word/document.xml', 'word/styles.xml', 'word/numbering.xml', '[Content_Types].xml']) expect(unzip(bytes, part).length).toBeGreaterThan(100)
  })

  it('has a cover page with title, version, status, date and organizations, then a page break', async () => {
    const doc = paragraphs(unzip(await toDocx(sampleLaw('en'), meta('en')), 'word/document.xml'))
    const breakAt = doc.findIndex((p) => p.pageBreak)
    expect(breakAt).toBeGreaterThan(0)
    const cover = doc.slice(0, breakAt).map((p) => p.text)
    expect(cover[0]).toBe('Model Law On Combating Human Trafficking')
    expect(cover).toContain('Version: Council draft 3 (1 March 2025)')
    expect(cover).toContain('Status: Agreed')
    expect(cover).toContain('Date: 14 March 2025')
    expect(cover).toContain('Participating organizations:')
    expect(cover).toContain('Secretariat of the Assembly (SA)')
    expect(cover).toContain('Министерство юстиции (Минюст)')
    expect(doc[breakAt + 1]).toMatchObject({ style: 'Title', text: 'Model Law On Combating Human Trafficking' })
  })

  it('uses heading styles and real numbering: paragraphs level 0, points level 1, sub-points level 2, restarting per article', async () => {
    const doc = paragraphs(unzip(await toDocx(sampleLaw('en'), meta('en')), 'word/document.xml'))
    const find = (start: string) => {
      const p = doc.find((x) => x.text.startsWith(start))
      if (!p) throw new Error(`no paragraph starting "${start}"`)
      return p
    }
    expect(find('Chapter I. General provisions').style).toBe('Heading1')
    expect(find('Article 1. Purpose of this Law').style).toBe('Heading2')
    expect(find('Article 26. Entry into force').style).toBe('Heading2')
    // An article with a single paragraph: no number.
    expect(find('This Law sets out the legal').numId).toBeNull()
    const clause1 = find('A member state may also establish')
    const clause2 = find('Prosecution under this Article')
    expect(clause1).toMatchObject({ ilvl: '0', style: 'AccordClause' })
    expect(clause2.ilvl).toBe('0')
    expect(clause2.numId).toBe(clause1.numId)
    expect(find('the offence is committed by a national')).toMatchObject({ ilvl: '1', numId: clause1.numId })
    expect(find('sexual exploitation;').ilvl).toBe('2')
    // The next article is a new list instance, so its paragraphs count from 1 again.
    const nextArticle = find('Each member state shall designate')
    expect(nextArticle.ilvl).toBe('0')
    expect(nextArticle.numId).not.toBe(clause1.numId)
    // Text is the words only: the numbers come from numbering, never typed.
    expect(find('the offence is committed by a national').text).not.toMatch(/^\d/)
  })

  it('writes a section as a centred Heading 2 between its chapter (Heading 1) and its articles (Heading 3)', async () => {
    const headings = (xml: string) => paragraphs(xml).filter((p) => p.style?.startsWith('Heading')).map((p) => `${p.style} ${p.text}`)
    const en = unzip(await toDocx(sectionedLaw('en'), meta('en')), 'word/document.xml')
    expect(headings(en)).toEqual([
      'Heading2 Article 1. Before any division',
      'Heading2 Section 1. Loose section',
      'Heading3 Article 2. In the loose section',
      'Heading1 Chapter I. General provisions',
      'Heading2 Article 3. Purpose',
      'Heading2 Section 1. Scope',
      'Heading3 Article 4. Application',
      'Heading2 Section 2. Definitions',
      'Heading3 Article 5. Terms',
      'Heading1 Chapter II. Final provisions',
      'Heading2 Section 1. Entry into force',
      'Heading3 Article 6. Effect',
    ])
    expect(en).toMatch(/<w:pStyle w:val="Heading2"\/>\s*<w:jc w:val="center"\/>[\s\S]*?Section 2\. Definitions/)
    const ru = unzip(await toDocx(sectionedLaw('ru'), meta('ru')), 'word/document.xml')
    expect(headings(ru)).toContain('Heading2 § 2. Определения')
    expect(headings(ru)).toContain('Heading3 Статья 5. Термины')
    // Heading 3 has a style of its own (the law's font, an outline level below articles' Heading 2).
    expect(unzip(await toDocx(sectionedLaw('en'), meta('en')), 'word/styles.xml')).toMatch(/w:styleId="Heading3">(?:(?!<\/w:style>)[\s\S])*<w:outlineLvl w:val="2"\/>(?:(?!<\/w:style>)[\s\S])*Times New Roman/)
  })

  it('defines the numbering formats: "1.", "(a)", "(i)" in English and "1.", "1)", Word\'s russianLower "а)" in Russian', async () => {
    const en = unzip(await toDocx(sampleLaw('en'), meta('en')), 'word/numbering.xml')
    expect(en).toMatch(/<w:lvl w:ilvl="0"[^>]*>[\s\S]*?<w:numFmt w:val="decimal"\/>[\s\S]*?<w:lvlText w:val="%1\."\/>/)
    expect(en).toMatch(/<w:lvl w:ilvl="1"[^>]*>[\s\S]*?<w:numFmt w:val="lowerLetter"\/>[\s\S]*?<w:lvlText w:val="\(%2\)"\/>/)
    expect(en).toMatch(/<w:lvl w:ilvl="2"[^>]*>[\s\S]*?<w:numFmt w:val="lowerRoman"\/>[\s\S]*?<w:lvlText w:val="\(%3\)"\/>/)
    // Each number hangs before its text, an English sub-point's "(viii)" in 1.5 cm, the others' in 1 cm.
    const indents = (xml: string) => {
      const law = [...xml.matchAll(/<w:abstractNum [\s\S]*?<\/w:abstractNum>/g)].map((m) => m[0]).find((a) => a.includes('w:val="%1."'))!
      return [...law.matchAll(/<w:ind w:left="(\d+)" w:hanging="(\d+)"\/>/g)].map((m) => [Number(m[1]), Number(m[2])])
    }
    expect(indents(en)).toEqual([[567, 567], [1134, 567], [1985, 851]])
    const ru = unzip(await toDocx(sampleLaw('ru'), meta('ru')), 'word/numbering.xml')
    expect(ru).toMatch(/<w:lvl w:ilvl="1"[^>]*>[\s\S]*?<w:numFmt w:val="decimal"\/>[\s\S]*?<w:lvlText w:val="%2\)"\/>/)
    expect(ru).toMatch(/<w:lvl w:ilvl="2"[^>]*>[\s\S]*?<w:numFmt w:val="russianLower"\/>[\s\S]*?<w:lvlText w:val="%3\)"\/>/)
    expect(indents(ru)).toEqual([[567, 567], [1134, 567], [1701, 567]])
    // One concrete list per article that has numbered blocks, so each article counts from 1.
    const numbered = articlesOf(lawStructure(sampleLaw('ru'), 'ru')).filter(({ article }) => article.paragraphs.length > 1 || article.paragraphs.some((p) => p.points.length > 0))
    expect(numbered.length).toBeGreaterThan(10)
    const used = new Set(paragraphs(unzip(await toDocx(sampleLaw('ru'), meta('ru')), 'word/document.xml')).map((p) => p.numId).filter(Boolean))
    expect(used.size).toBe(numbered.length)
  })

  it('writes the preamble\'s paragraphs that have words: an empty preamble leaves no blank line under the title', async () => {
    const b = createBuilders('pre')
    const styled = async (preamble: string[]) =>
      paragraphs(unzip(await toDocx(b.law('Law', preamble, [b.article('One', [b.clause('Text.')])]), meta('en')), 'word/document.xml'))
        .filter((p) => p.style === 'AccordPreamble').map((p) => p.text)
    expect(await styled([''])).toEqual([])
    expect(await styled(['Whereas A;', ' ', 'Whereas B.'])).toEqual(['Whereas A;', 'Whereas B.'])
  })

  it('writes Russian text, a Cyrillic-capable font and the document language', async () => {
    const bytes = await toDocx(sampleLaw('ru'), meta('ru'))
    const doc = unzip(bytes, 'word/document.xml')
    expect(doc).toContain('Глава 1. Общие положения')
    expect(doc).toContain('Статья 1. Цель настоящего Закона')
    expect(doc).toContain('Статус: ')
    expect(doc).toContain('Согласовано')
    const styles = unzip(bytes, 'word/styles.xml')
    expect(styles).toMatch(/<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman" w:hAnsi="Times New Roman"\/>|<w:rFonts[^>]*w:hAnsi="Times New Roman"/)
    expect(styles).toContain('<w:lang w:val="ru-RU"/>')
    expect(unzip(await toDocx(sampleLaw('en'), meta('en')), 'word/styles.xml')).toContain('<w:lang w:val="en-GB"/>')
  })

  it('sets line spacing as a multiple of the line (lineRule auto), so wrapped lines of a larger font never overlap', async () => {
    // Without w:lineRule, LibreOffice (and so the PDF export) takes w:line="276" as an exact 13.8 pt:
    // the second line of an 18 pt cover title or a 14 pt chapter heading was drawn over the first.
    const bytes = await toDocx(sampleLaw('ru'), { ...meta('ru'), title: 'Модельный закон «О защите персональных данных и о внесении изменений» № 12-З' })
    const spacings = [unzip(bytes, 'word/styles.xml'), unzip(bytes, 'word/document.xml')].flatMap((xml) => xml.match(/<w:spacing [^>]*w:line="[^"]*"[^>]*\/>/g) ?? [])
    expect(spacings.length).toBeGreaterThan(0)
    for (const spacing of spacings) expect(spacing).toContain('w:lineRule="auto"')
  })

  it('keeps user text literal: markup, ampersands and CDATA ends are escaped', async () => {
    const evil = '<img src=x onerror=alert(1)> & ]]> *bold*'
    const b = createBuilders('x')
    const bytes = await toDocx(b.law(evil, [evil], [b.chapter(evil), b.article(evil, [b.clause(evil), b.point(evil)])]), { ...meta('en'), title: evil, organizations: [{ name: evil, shortName: 'E' }] })
    const xml = unzip(bytes, 'word/document.xml')
    expect(xml).not.toContain('<img')
    expect(xml).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; ]]&gt; *bold*')
    const texts = paragraphs(xml).map((p) => p.text)
    expect(texts).toContain('Article 1. &lt;img src=x onerror=alert(1)&gt; &amp; ]]&gt; *bold*')
    expect(texts.filter((t) => t.includes('*bold*')).length).toBeGreaterThanOrEqual(7)
  })
})

describe('DOCX export with parts', () => {
  it('writes a part as a centred Heading 1 before what it holds', async () => {
    const headings = (xml: string) => paragraphs(xml).filter((p) => p.style?.startsWith('Heading')).map((p) => `${p.style} ${p.text}`)
    const en = unzip(await toDocx(partedLaw('en'), meta('en')), 'word/document.xml')
    expect(headings(en)).toEqual([
      'Heading2 Article 1. Before any part',
      'Heading1 Part I. General part',
      'Heading2 Article 2. Purpose',
      'Heading2 Section 1. Loose section',
      'Heading3 Article 3. In the loose section',
      'Heading1 Chapter I. Basic provisions',
      'Heading2 Article 4. Scope',
      'Heading2 Section 1. Definitions',
      'Heading3 Article 5. Terms',
      'Heading1 Part II. Special part',
      'Heading1 Chapter II. Final provisions',
      'Heading2 Section 1. Entry into force',
      'Heading3 Article 6. Effect',
    ])
    expect(en).toMatch(/<w:pStyle w:val="Heading1"\/>\s*<w:jc w:val="center"\/>[\s\S]*?Part II\. Special part/)
    const ru = unzip(await toDocx(partedLaw('ru'), meta('ru')), 'word/document.xml')
    expect(headings(ru)).toContain('Heading1 Раздел I. Общая часть')
  })
})

describe('DOCX export of the conclusions', () => {
  const positions = { organizations: [{ name: 'Ministry of Justice', shortName: 'MoJ', position: null }] }

  it('writes their paragraphs that have words after the last article, before the appendix: unnumbered, no heading, space before the first', async () => {
    const xml = unzip(await toDocx(conclusionsLaw('ru'), meta('ru'), { positions }), 'word/document.xml')
    const all = paragraphs(xml)
    const first = all.findIndex((p) => p.style === DOCX_CONCLUSIONS_STYLE)
    const [note, , signature, place] = CONCLUSIONS.ru
    expect(all.slice(first - 1, first + 4).map((p) => [p.style, p.text, p.numId])).toEqual([
      ['AccordClause', lastArticleText('ru'), null],
      [DOCX_CONCLUSIONS_STYLE, note, null],
      [DOCX_CONCLUSIONS_STYLE, signature, null],
      [DOCX_CONCLUSIONS_STYLE, place, null],
      [null, '', null],
    ])
    expect(all[first + 3].pageBreak).toBe(true)
    expect(all[first + 4].style).toBe(DOCX_APPENDIX_STYLE)
    const bodies = [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((m) => m[1]).filter((b) => b.includes(`w:val="${DOCX_CONCLUSIONS_STYLE}"`))
    expect(bodies[0]).toMatch(/<w:spacing w:before="480"\/>/)
    expect(bodies.slice(1).some((b) => b.includes('w:before'))).toBe(false)
    // Kept together on a page: each but the last keeps with the next.
    expect(bodies.map((b) => b.includes('<w:keepNext/>'))).toEqual([true, true, false])
    // Their style is no heading: Word's navigation pane lists the law's divisions and articles only.
    const styles = unzip(await toDocx(conclusionsLaw('ru'), meta('ru')), 'word/styles.xml')
    const style = /<w:style [^>]*w:styleId="AccordConclusions"[\s\S]*?<\/w:style>/.exec(styles)![0]
    expect(style).toContain('<w:name w:val="Accord Conclusions"/>')
    expect(style).not.toContain('outlineLvl')
  })

  it('writes none for a law without conclusions, or with no words in them', async () => {
    for (const doc of [sampleLaw('en'), conclusionsLaw('en', [''])]) {
      expect(paragraphs(unzip(await toDocx(doc, meta('en')), 'word/document.xml')).some((p) => p.style === DOCX_CONCLUSIONS_STYLE)).toBe(false)
    }
  })
})
