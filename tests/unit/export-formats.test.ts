import { describe, expect, it } from 'vitest'
import { createBuilders } from '../../shared/seed/builders'
import { sampleLaw } from '../../shared/seed/modelLaw'
import { articlesOf, lawStructure } from '../../shared/export/structure'
import { toMarkdown } from '../../shared/export/markdown'
import { toHtml } from '../../shared/export/html'
import type { ExportMeta } from '../../shared/export/meta'
import type { DocJSON } from '../../shared/schema'
import { sectionedLaw } from '../helpers/sectionedLaw'
import { partedLaw } from '../helpers/partedLaw'
import { CONCLUSIONS, conclusionsLaw, lastArticleText } from '../helpers/conclusionsLaw'
import type { ExportPositions } from '../../shared/export/positions'
import { parseText } from '../../shared/import/text'

const meta = (language: 'en' | 'ru', extra: Partial<ExportMeta> = {}): ExportMeta => ({
  title: language === 'en' ? 'Model Law On Combating Human Trafficking' : 'Модельный закон',
  language,
  status: 'agreed',
  date: '2025-03-14T09:30:00Z',
  version: { name: 'Council draft 3', createdAt: '2025-03-01T12:00:00Z' },
  organizations: [
    { name: 'Secretariat of the Assembly', shortName: 'SA' },
    { name: 'International Organization for Migration', shortName: 'IOM' },
  ],
  ...extra,
})

/** Chapterless article, single paragraph, points before any paragraph, sub-points before any point, empty texts. */
function edgeLaw(): DocJSON {
  const b = createBuilders('e')
  return b.law('Edge law', ['Preamble text.'], [
    b.article('Chapterless', [b.clause('Only paragraph.')]),
    b.article('Points first', [b.point('lone point one;'), b.point('lone point two.'), b.clause('Then a paragraph.'), b.clause('And another.')]),
    b.chapter('First chapter'),
    b.article('Sub-points first', [b.clause('Intro:'), b.subpoint('orphan sub-point;'), b.point('real point:'), b.subpoint('its sub-point.')]),
    b.article('', [b.clause('')]),
    b.article('No body', []),
    b.chapter(''),
  ])
}

describe('export structure', () => {
  it('derives chapters, articles, paragraphs, points and sub-points with labels from numberDocument', () => {
    const law = lawStructure(sampleLaw('en'), 'en')
    expect(law.title).toBe('Model Law On Combating Human Trafficking')
    expect(law.preamble).toHaveLength(3)
    expect(law.body.map((c) => c.kind)).toEqual(Array(8).fill('chapter'))
    const articles = articlesOf(law)
    expect(articles).toHaveLength(26)
    expect(articles[0].chapter?.label).toBe('Chapter I.')
    expect(articles[0].article.label).toBe('Article 1.')
    // A single paragraph has no number; points are owned by their paragraph, sub-points by their point.
    expect(articles[0].article.paragraphs).toHaveLength(1)
    expect(articles[0].article.paragraphs[0].label).toBe('')
    const definitions = articles[3].article
    expect(definitions.heading).toBe('Definitions of terms')
    const points = definitions.paragraphs[0].points
    expect(points.map((p) => p.label)).toEqual(['(a)', '(b)', '(c)', '(d)', '(e)'])
    expect(points[1].subpoints.map((s) => s.label)).toEqual(['(i)', '(ii)', '(iii)', '(iv)'])
    const extraterritorial = articles[6].article
    expect(extraterritorial.paragraphs.map((p) => p.label)).toEqual(['1.', '2.'])
    expect(extraterritorial.paragraphs[0].points).toHaveLength(3)
    expect(extraterritorial.paragraphs[1].points).toHaveLength(0)
  })

  it('uses Russian labels and letters', () => {
    const articles = articlesOf(lawStructure(sampleLaw('ru'), 'ru'))
    expect(articles[0].chapter?.label).toBe('Глава 1.')
    expect(articles[3].article.label).toBe('Статья 4.')
    expect(articles[3].article.paragraphs[0].points[1].subpoints.map((s) => s.label)).toEqual(['а)', 'б)', 'в)', 'г)'])
  })

  it('puts blocks that precede their owner into implicit owners, keeping every block', () => {
    const law = lawStructure(edgeLaw(), 'en')
    expect(law.body.map((i) => i.kind)).toEqual(['article', 'article', 'chapter', 'chapter'])
    const pointsFirst = law.body[1]
    if (pointsFirst.kind !== 'article') throw new Error('expected an article')
    expect(pointsFirst.paragraphs[0]).toMatchObject({ implicit: true, text: '', label: '' })
    expect(pointsFirst.paragraphs[0].points.map((p) => [p.label, p.text])).toEqual([['(a)', 'lone point one;'], ['(b)', 'lone point two.']])
    expect(pointsFirst.paragraphs.slice(1).map((p) => p.label)).toEqual(['1.', '2.'])
    const chapter = law.body[2]
    if (chapter.kind !== 'chapter') throw new Error('expected a chapter')
    const subFirst = chapter.articles[0].paragraphs[0]
    expect(subFirst.points[0]).toMatchObject({ implicit: true, text: '' })
    expect(subFirst.points[0].subpoints.map((s) => s.text)).toEqual(['orphan sub-point;'])
    expect(subFirst.points[1].subpoints.map((s) => s.label)).toEqual(['(i)'])
    expect(chapter.articles[2].paragraphs).toEqual([])
  })

  it('nests sections: in their chapter after its own articles, at the top level before any chapter', () => {
    const law = lawStructure(sectionedLaw('en'), 'en')
    expect(law.body.map((i) => `${i.kind} ${i.label}`)).toEqual(['article Article 1.', 'section Section 1.', 'chapter Chapter I.', 'chapter Chapter II.'])
    const [, loose, general, final] = law.body
    if (loose.kind !== 'section' || general.kind !== 'chapter' || final.kind !== 'chapter') throw new Error('unexpected structure')
    expect(loose.articles.map((a) => a.heading)).toEqual(['In the loose section'])
    expect(general.articles.map((a) => a.heading)).toEqual(['Purpose'])
    expect(general.sections.map((s) => [s.label, s.heading, s.articles.map((a) => a.label)])).toEqual([
      ['Section 1.', 'Scope', ['Article 4.']],
      ['Section 2.', 'Definitions', ['Article 5.']],
    ])
    // Sections count again in each chapter.
    expect(final.sections.map((s) => s.label)).toEqual(['Section 1.'])
    // articlesOf: every article in law order, with its chapter and section.
    expect(articlesOf(law).map(({ chapter, section, article }) => `${chapter?.label ?? '-'} ${section?.label ?? '-'} ${article.label}`)).toEqual([
      '- - Article 1.',
      '- Section 1. Article 2.',
      'Chapter I. - Article 3.',
      'Chapter I. Section 1. Article 4.',
      'Chapter I. Section 2. Article 5.',
      'Chapter II. Section 1. Article 6.',
    ])
    expect(articlesOf(lawStructure(sectionedLaw('ru'), 'ru'))[4].section?.label).toBe('§ 2.')
  })

  it('rejects a tree the schema does not accept', () => {
    expect(() => lawStructure({ type: 'doc', content: [] }, 'en')).toThrow()
  })
})

describe('Markdown export', () => {
  it('writes title, preamble, chapter and article headings, numbered paragraphs, indented points and sub-points', () => {
    const md = toMarkdown(sampleLaw('en'), meta('en'))
    expect(md.startsWith('# Model Law On Combating Human Trafficking\n\nRecognizing that human trafficking')).toBe(true)
    expect(md).toContain('\n## Chapter I. General provisions\n')
    expect(md).toContain('\n### Article 5. Interpretation of terms\n')
    expect(md).toContain('\n1. A member state may also establish its jurisdiction')
    expect(md).toContain('\n   (a) the offence is committed by a national of that state')
    expect(md).toContain('\n      (i) sexual exploitation;\n')
    // Alternative wordings stay readable: brackets are escaped, not dropped.
    expect(md).toContain('Non-liability \\[non-punishment\\] of victims')
    // The single paragraph of an article carries no number.
    expect(md).toContain('### Article 1. Purpose of this Law\n\nThis Law sets out')
  })

  it('writes Russian labels', () => {
    const md = toMarkdown(sampleLaw('ru'), meta('ru'))
    expect(md).toContain('\n## Глава 2. Определения\n')
    expect(md).toContain('\n### Статья 4. Основные понятия\n')
    expect(md).toContain('\n      а) сексуальную эксплуатацию;\n')
  })

  it('escapes text that would otherwise become markup or structure', () => {
    const b = createBuilders('m')
    const doc = b.law('Law *of* <things>', ['1. Not a list', '- not a bullet', '# not a heading', '---'], [
      b.article('Heading with `code` and a | pipe', [b.clause('a) not a point, _not emphasis_ & [link](http://x)')]),
    ])
    const md = toMarkdown(doc, meta('en'))
    expect(md).toContain('# Law \\*of\\* \\<things\\>')
    expect(md).toContain('\n1\\. Not a list\n')
    expect(md).toContain('\n\\- not a bullet\n')
    expect(md).toContain('\n\\# not a heading\n')
    expect(md).toContain('\n\\---\n')
    expect(md).toContain('### Article 1. Heading with \\`code\\` and a \\| pipe')
    expect(md).toContain('\na\\) not a point, \\_not emphasis\\_ \\& \\[link\\](http://x)\n')
  })

  it('handles the edge cases without losing a block', () => {
    const md = toMarkdown(edgeLaw(), meta('en'))
    expect(md).toContain('### Article 2. Points first\n\n   (a) lone point one;\n\n   (b) lone point two.\n\n1. Then a paragraph.')
    expect(md).toContain('Intro:\n\n      (i) orphan sub-point;\n\n   (a) real point:\n\n      (i) its sub-point.')
    expect(md).toContain('\n### Article 4.\n')
    expect(md).toContain('\n## Chapter II.\n')
  })
})

describe('Markdown export with sections', () => {
  it('puts a section heading between chapter and article level, its articles one level lower', () => {
    const en = toMarkdown(sectionedLaw('en'), meta('en'))
    expect(en).toContain('\n## Chapter I. General provisions\n\n### Article 3. Purpose\n')
    expect(en).toContain('\n### Section 1. Scope\n\n#### Article 4. Application\n')
    expect(en).toContain('\n### Section 2. Definitions\n\n#### Article 5. Terms\n')
    expect(en).toContain('\n## Chapter II. Final provisions\n\n### Section 1. Entry into force\n\n#### Article 6. Effect\n')
    expect(en).toContain('\n### Section 1. Loose section\n\n#### Article 2. In the loose section\n')
    const ru = toMarkdown(sectionedLaw('ru'), meta('ru'))
    expect(ru).toContain('\n### § 2. Определения\n\n#### Статья 5. Термины\n')
  })
})

describe('HTML export', () => {
  it('writes section headings (label and heading) between chapter and article level', () => {
    const html = toHtml(sectionedLaw('en'), meta('en'))
    const main = html.slice(html.indexOf('<main'))
    const headings = [...main.matchAll(/<(h[1-6]) class="([a-z-]+)"[^>]*>([^<]*)</g)].map((m) => `${m[1]} ${m[2]} ${m[3]}`)
    expect(headings).toEqual([
      'h1 law-title Law on Sections',
      'h3 article-heading Article 1. Before any division',
      'h3 section Section 1. Loose section',
      'h4 article-heading Article 2. In the loose section',
      'h2 chapter Chapter I. General provisions',
      'h3 article-heading Article 3. Purpose',
      'h3 section Section 1. Scope',
      'h4 article-heading Article 4. Application',
      'h3 section Section 2. Definitions',
      'h4 article-heading Article 5. Terms',
      'h2 chapter Chapter II. Final provisions',
      'h3 section Section 1. Entry into force',
      'h4 article-heading Article 6. Effect',
    ])
    expect(main).toContain('<h3 class="section" data-id="sen0001">Section 1. Scope</h3>')
    expect(main).toContain('See section 1 and article 4.')
    expect(toHtml(sectionedLaw('ru'), meta('ru'))).toContain('>§ 2. Определения</h3>')
  })

  it('is one standalone file with a cover, a print stylesheet and no script', () => {
    const html = toHtml(sampleLaw('en'), meta('en'))
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true)
    expect(html).toContain('<meta charset="utf-8">')
    expect(html).not.toMatch(/<script|<link|src=|@import|url\(/i)
    expect(html).toMatch(/@page \{[^}]*margin/)
    expect(html).toMatch(/@media print \{[\s\S]*\.cover \{[^}]*page-break-after: always/)
    const cover = html.slice(html.indexOf('<section class="cover">'), html.indexOf('</section>'))
    for (const text of ['Model Law On Combating Human Trafficking', 'Council draft 3 (1 March 2025)', 'Agreed', '14 March 2025', 'International Organization for Migration (IOM)', 'Participating organizations']) {
      expect(cover).toContain(text)
    }
    expect(html).toContain('<h2 class="chapter" data-id="en0001">Chapter I. General provisions</h2>')
    expect(html).toContain('<h3 class="article-heading">Article 1. Purpose of this Law</h3>')
    expect(html).toMatch(/<p class="clause"[^>]*><span class="num">1\.<\/span> A member state may also/)
    expect(html).toMatch(/<p class="point"[^>]*><span class="num">\(a\)<\/span> the offence is committed/)
    expect(html).toMatch(/<p class="subpoint"[^>]*><span class="num">\(i\)<\/span> sexual exploitation;/)
  })

  it('has a Russian cover and lang', () => {
    const html = toHtml(sampleLaw('ru'), meta('ru', { status: 'proposed', version: undefined }))
    expect(html).toContain('<html lang="ru">')
    expect(html).toContain('Внесен на согласование')
    expect(html).toContain('Текущий текст')
    expect(html).toContain('Участвующие организации')
    expect(html).toContain('Статья 4. Основные понятия')
  })
})

describe('export with parts', () => {
  it('nests in a part what follows its heading: its own article, a chapterless section, chapters; an article before any part stays at the top', () => {
    const law = lawStructure(partedLaw('en'), 'en')
    expect(law.body.map((i) => `${i.kind} ${i.label}`)).toEqual(['article Article 1.', 'part Part I.', 'part Part II.'])
    const [, general, special] = law.body
    if (general.kind !== 'part' || special.kind !== 'part') throw new Error('unexpected structure')
    expect([general.heading, general.index, general.num]).toEqual(['General part', 1, 'I'])
    expect(general.body.map((i) => `${i.kind} ${i.label}`)).toEqual(['article Article 2.', 'section Section 1.', 'chapter Chapter I.'])
    // Chapters count on through the law across parts; sections start again in each part and chapter.
    expect(special.body.map((i) => `${i.kind} ${i.label}`)).toEqual(['chapter Chapter II.'])
    expect(articlesOf(law).map(({ part, chapter, section, article }) => `${part?.label ?? '-'} ${chapter?.label ?? '-'} ${section?.label ?? '-'} ${article.label}`)).toEqual([
      '- - - Article 1.',
      'Part I. - - Article 2.',
      'Part I. - Section 1. Article 3.',
      'Part I. Chapter I. - Article 4.',
      'Part I. Chapter I. Section 1. Article 5.',
      'Part II. Chapter II. Section 1. Article 6.',
    ])
    const ru = lawStructure(partedLaw('ru'), 'ru')
    expect(ru.body.filter((i) => i.kind === 'part').map((i) => `${i.label} ${i.heading}`)).toEqual(['Раздел I. Общая часть', 'Раздел II. Особенная часть'])
  })

  it('Markdown: a part is "##" like a chapter, with its label; its own articles "###"', () => {
    const en = toMarkdown(partedLaw('en'), meta('en'))
    expect(en).toContain('\n### Article 1. Before any part\n\nText before.\n\n## Part I. General part\n\n### Article 2. Purpose\n')
    expect(en).toContain('\n## Part II. Special part\n\n## Chapter II. Final provisions\n\n### Section 1. Entry into force\n\n#### Article 6. Effect\n')
    expect(en).toContain('See part II and article 6.')
    expect(toMarkdown(partedLaw('ru'), meta('ru'))).toContain('\n## Раздел I. Общая часть\n\n### Статья 2. Цель\n')
  })

  it('HTML: h2.part headings, the part\'s body after it as the law\'s would be', () => {
    const html = toHtml(partedLaw('en'), meta('en'))
    const main = html.slice(html.indexOf('<main'))
    const headings = [...main.matchAll(/<(h[1-6]) class="([a-z-]+)"[^>]*>([^<]*)</g)].map((m) => `${m[1]} ${m[2]} ${m[3]}`)
    expect(headings).toEqual([
      'h1 law-title Law on Parts',
      'h3 article-heading Article 1. Before any part',
      'h2 part Part I. General part',
      'h3 article-heading Article 2. Purpose',
      'h3 section Section 1. Loose section',
      'h4 article-heading Article 3. In the loose section',
      'h2 chapter Chapter I. Basic provisions',
      'h3 article-heading Article 4. Scope',
      'h3 section Section 1. Definitions',
      'h4 article-heading Article 5. Terms',
      'h2 part Part II. Special part',
      'h2 chapter Chapter II. Final provisions',
      'h3 section Section 1. Entry into force',
      'h4 article-heading Article 6. Effect',
    ])
    expect(main).toContain('<h2 class="part" data-id="pen0001">Part II. Special part</h2>')
    expect(main).toContain('See part II and article 6.')
    expect(html).toMatch(/h2\.part \{/)
    expect(toHtml(partedLaw('ru'), meta('ru'))).toContain('>Раздел II. Особенная часть</h2>')
  })
})

describe('export of the conclusions', () => {
  const positions: ExportPositions = { organizations: [{ name: 'Ministry of Justice', shortName: 'MoJ', position: null }] }
  const [note, , signature, place] = CONCLUSIONS.ru

  it('HTML: after the last article and before the appendix, their paragraphs that have words, set apart, kept together in print', () => {
    const html = toHtml(conclusionsLaw('ru'), meta('ru'), { positions })
    const block = html.slice(html.indexOf('<div class="conclusions">'), html.indexOf('</main>'))
    expect(block).toBe(`<div class="conclusions">\n<p>${note}</p>\n<p>${signature}</p>\n<p>${place}</p>\n</div>\n`)
    expect(html.indexOf(lastArticleText('ru'))).toBeLessThan(html.indexOf('<div class="conclusions">'))
    expect(html.indexOf('</main>')).toBeLessThan(html.indexOf('<section class="appendix positions">'))
    // Not a heading: the page's outline stays the law's divisions and articles.
    expect(block).not.toMatch(/<h[1-6]/)
    expect(html).toMatch(/\n\.conclusions \{ margin-top: [^}]+\}/)
    expect(html).toMatch(/@media print \{[\s\S]*\.conclusions \{[^}]*break-inside: avoid/)
  })

  it('Markdown: a thematic break after the last article, then their paragraphs that have words, before the appendix; they read back as conclusions', () => {
    const md = toMarkdown(conclusionsLaw('ru'), meta('ru'), { positions })
    expect(md).toContain(`\n${lastArticleText('ru')}\n\n---\n\n${note}\n\n${signature}\n\n${place}\n\n## `)
    const back = parseText(toMarkdown(conclusionsLaw('en'), meta('en')))
    expect(back.doc.content!.at(-1)!.type).toBe('conclusions')
    expect(back.stats).toMatchObject({ articles: 2, conclusionsParagraphs: 3, unrecognised: 0 })
  })

  it('a law without conclusions, or with no words in them, gets none in HTML and Markdown', () => {
    for (const doc of [sampleLaw('en'), conclusionsLaw('en', ['', ' '])]) {
      expect(toHtml(doc, meta('en'))).not.toContain('<div class="conclusions">')
      expect(toMarkdown(doc, meta('en'))).not.toMatch(/^---$/m)
    }
  })
})
