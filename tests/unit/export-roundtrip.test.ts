import { describe, expect, it, onTestFinished } from 'vitest'
import fc from 'fast-check'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { sampleLaw } from '../../shared/seed/modelLaw'
import { createBuilders } from '../../shared/seed/builders'
import { toMarkdown } from '../../shared/export/markdown'
import { toAkomaNtoso } from '../../shared/export/akomaNtoso'
import { lawStructure, articlesOf } from '../../shared/export/structure'
import type { ExportMeta } from '../../shared/export/meta'
import { parseText } from '../../shared/import/text'
import { parseAkomaNtoso } from '../../shared/import/akomaNtoso'
import { toDocx } from '../../shared/export/docx'
import { parseDocx } from '../../shared/import/docx'
import { docFromJSON, type DocJSON } from '../../shared/schema'
import type { Language } from '../../shared/language'
import { sectionedLaw } from '../helpers/sectionedLaw'
import { partedLaw } from '../helpers/partedLaw'
import { idsOf as ids } from '../helpers/docIds'
import { CONCLUSIONS, conclusionsLaw, conclusionsNode } from '../helpers/conclusionsLaw'
import { worded } from '../../shared/export/structure'

/**
 * Export, import back, compare: chapters, articles, their numbers and headings, block kinds and
 * texts are equal; only ids differ (imports get fresh ones).
 */

const meta = (language: Language): ExportMeta => ({
  title: 'Model Law',
  language,
  status: 'agreed',
  date: '2025-03-14',
  version: { name: 'v3', createdAt: '2025-03-01' },
  organizations: [{ name: 'Secretariat', shortName: 'S' }],
})

function stripIds(node: DocJSON): DocJSON {
  const out: DocJSON = { type: node.type }
  if (node.text !== undefined) out.text = node.text
  if (node.content) out.content = node.content.map(stripIds)
  return out
}

/** What a reader sees: labels, headings and texts of every numbered unit, in order. */
function outline(doc: DocJSON, language: Language): string[] {
  const law = lawStructure(doc, language)
  const lines: string[] = [law.title, ...law.preamble]
  for (const { part, chapter, section, article } of articlesOf(law)) {
    lines.push(`${part?.label ?? ''} ${part?.heading ?? ''} | ${chapter?.label ?? ''} ${chapter?.heading ?? ''} | ${section?.label ?? ''} ${section?.heading ?? ''} | ${article.label} ${article.heading}`)
    for (const p of article.paragraphs) {
      lines.push(`  ${p.label} ${p.text}`)
      for (const pt of p.points) {
        lines.push(`    ${pt.label} ${pt.text}`)
        for (const s of pt.subpoints) lines.push(`      ${s.label} ${s.text}`)
      }
    }
  }
  return lines
}

function expectSameLaw(imported: DocJSON, original: DocJSON, language: Language) {
  docFromJSON(imported)
  expect(stripIds(imported)).toEqual(stripIds(original))
  expect(outline(imported, language)).toEqual(outline(original, language))
  const fresh = ids(imported)
  expect(new Set(fresh).size).toBe(fresh.length)
  expect(fresh.filter((id) => ids(original).includes(id))).toEqual([])
}

describe('round trip of the seed law', () => {
  for (const language of ['en', 'ru'] as const) {
    it(`Markdown (${language})`, () => {
      const result = parseText(toMarkdown(sampleLaw(language), meta(language)))
      expect(result.language).toBe(language)
      expect(result.warnings).toEqual([])
      expect(result.stats).toMatchObject({ chapters: 8, articles: 26, subpoints: 6, preambleParagraphs: 3, unrecognised: 0 })
      expectSameLaw(result.doc, sampleLaw(language), language)
    })

    it(`Akoma Ntoso (${language})`, () => {
      const result = parseAkomaNtoso(toAkomaNtoso(sampleLaw(language), meta(language)))
      expect(result.language).toBe(language)
      expect(result.warnings).toEqual([])
      expectSameLaw(result.doc, sampleLaw(language), language)
    })
  }
})

describe('round trip of a law with sections', () => {
  for (const language of ['en', 'ru'] as const) {
    // References come back from text formats as the numbers they showed: the law without them.
    const law = sectionedLaw(language, false)

    it(`Markdown (${language}) keeps sections, their headings and their articles`, () => {
      const result = parseText(toMarkdown(law, meta(language)))
      expect(result.warnings).toEqual([])
      expect(result.stats).toMatchObject({ chapters: 2, sections: 4, articles: 6, unrecognised: 0 })
      expectSameLaw(result.doc, law, language)
    })

    it(`Akoma Ntoso (${language}), references to sections included`, () => {
      const withRefs = sectionedLaw(language)
      const result = parseAkomaNtoso(toAkomaNtoso(withRefs, meta(language)))
      expect(result.warnings).toEqual([])
      expect(result.stats).toMatchObject({ chapters: 2, sections: 4, articles: 6 })
      expect(outline(result.doc, language)).toEqual(outline(withRefs, language))
      expectSameLaw(parseAkomaNtoso(toAkomaNtoso(law, meta(language))).doc, law, language)
    })

    it(`DOCX (${language})`, async () => {
      const result = await parseDocx(await toDocx(law, meta(language)))
      expect(result.stats).toMatchObject({ chapters: 2, sections: 4, articles: 6, unrecognised: 0 })
      expectSameLaw(result.doc, law, language)
    })

    it(`plain text (${language}): the Markdown without its # marks`, () => {
      const text = toMarkdown(law, meta(language)).replace(/^#+ /gm, '')
      const result = parseText(text, language, { format: 'text' })
      expect(result.stats).toMatchObject({ chapters: 2, sections: 4, articles: 6, unrecognised: 0 })
      expectSameLaw(result.doc, law, language)
    })
  }
})

describe('round trip of a law with parts', () => {
  for (const language of ['en', 'ru'] as const) {
    // References come back from text formats as the numbers they showed: the law without them.
    const law = partedLaw(language, false)
    const counts = { parts: 2, chapters: 2, sections: 3, articles: 6 }

    it(`Markdown (${language}) keeps parts, their headings and what they hold`, () => {
      const result = parseText(toMarkdown(law, meta(language)))
      expect(result.warnings).toEqual([])
      expect(result.stats).toMatchObject({ ...counts, unrecognised: 0 })
      expectSameLaw(result.doc, law, language)
    })

    it(`Akoma Ntoso (${language}), references to parts included`, () => {
      const withRefs = partedLaw(language)
      const result = parseAkomaNtoso(toAkomaNtoso(withRefs, meta(language)))
      expect(result.warnings).toEqual([])
      expect(result.stats).toMatchObject(counts)
      expect(outline(result.doc, language)).toEqual(outline(withRefs, language))
      expectSameLaw(parseAkomaNtoso(toAkomaNtoso(law, meta(language))).doc, law, language)
    })

    it(`DOCX (${language})`, async () => {
      const result = await parseDocx(await toDocx(law, meta(language)))
      expect(result.stats).toMatchObject({ ...counts, unrecognised: 0 })
      expectSameLaw(result.doc, law, language)
    })

    it(`plain text (${language}): the Markdown without its # marks`, () => {
      const text = toMarkdown(law, meta(language)).replace(/^#+ /gm, '')
      const result = parseText(text, language, { format: 'text' })
      expect(result.stats).toMatchObject({ ...counts, unrecognised: 0 })
      expectSameLaw(result.doc, law, language)
    })
  }
})

describe('round trip of a law with conclusions', () => {
  // The printed formats leave out empty paragraphs; XML's and Word's readers collapse runs of spaces.
  const collapsed = (texts: string[]) => texts.map((t) => t.replace(/\s+/g, ' '))
  for (const language of ['en', 'ru'] as const) {
    const law = conclusionsLaw(language)

    it(`Markdown (${language}): after the thematic break, the conclusions come back, their empty paragraph left out`, () => {
      const result = parseText(toMarkdown(law, meta(language)))
      expect(result.warnings).toEqual([])
      expect(result.stats).toMatchObject({ chapters: 1, articles: 2, points: 2, conclusionsParagraphs: 3, unrecognised: 0 })
      expectSameLaw(result.doc, conclusionsLaw(language, worded(CONCLUSIONS[language])), language)
    })

    it(`Akoma Ntoso (${language}): every paragraph comes back, the empty one too`, () => {
      const result = parseAkomaNtoso(toAkomaNtoso(law, meta(language)))
      expect(result.warnings).toEqual([])
      expect(result.stats).toMatchObject({ articles: 2, conclusionsParagraphs: 4 })
      expectSameLaw(result.doc, conclusionsLaw(language, collapsed(CONCLUSIONS[language])), language)
    })

    it(`DOCX (${language}): their style brings them back`, async () => {
      const result = await parseDocx(await toDocx(law, meta(language)))
      expect(result.stats).toMatchObject({ articles: 2, conclusionsParagraphs: 3, unrecognised: 0 })
      expectSameLaw(result.doc, conclusionsLaw(language, collapsed(worded(CONCLUSIONS[language]))), language)
    })
  }
})

describe('round trip of conclusions that read as no note or signature', () => {
  // A place and a date alone: the exports' marks (Markdown's break, the DOCX style) bring them back.
  const law = conclusionsLaw('en', ['Minsk', '3 April 2008'])

  it('Markdown', () => {
    expectSameLaw(parseText(toMarkdown(law, meta('en'))).doc, law, 'en')
  })

  it('DOCX', async () => {
    expectSameLaw((await parseDocx(await toDocx(law, meta('en')))).doc, law, 'en')
  })
})

describe('round trip of edge cases', () => {
  const b = createBuilders('e')
  const edge = b.law('Edge', ['One.', 'Two.'], [
    b.article('Chapterless', [b.clause('Only paragraph.')]),
    b.article('Points first', [b.point('lone point;'), b.subpoint('its sub-point;'), b.clause('Then a paragraph:'), b.point('its point;'), b.clause('Last.')]),
    b.chapter('First'),
    b.article('Sub-points first', [b.subpoint('orphan at the top;'), b.clause('Intro:'), b.subpoint('orphan sub-point;'), b.point('real point:'), b.subpoint('sub.')]),
    b.article('Empty single paragraph', [b.clause('')]),
    b.chapter(''),
    b.article('', [b.clause('Untitled article text without a period')]),
    b.chapter('Second, empty'),
  ])

  it('Markdown keeps implicit owners and empty single paragraphs', () => {
    expectSameLaw(parseText(toMarkdown(edge, meta('en'))).doc, edge, 'en')
  })

  it('Akoma Ntoso keeps everything, including empty texts and articles without a body', () => {
    const c = createBuilders('f')
    const empties = c.law('', ['', 'x', ''], [c.chapter(''), c.article('', []), c.article('', [c.clause(''), c.clause(''), c.point(''), c.subpoint('')])])
    for (const doc of [edge, empties]) {
      const back = parseAkomaNtoso(toAkomaNtoso(doc, { ...meta('en'), title: '' })).doc
      expectSameLaw(back, doc, 'en')
    }
  })
})

describe('round trip of Russian typography', () => {
  // Non-breaking spaces hold "№ 12", "30 дней", "ст. 5" together (U+00A0; U+202F the narrow one,
  // between thousands): a reader keeps them as they are, like «ёлочки», „лапки“, dashes and "№".
  const NB = '\u00a0'
  const NNB = '\u202f'
  const c = createBuilders('t')
  const law = c.law(`Модельный закон «О${NB}защите данных» №${NB}12-З`, [`Преамбула — в${NB}редакции от 1${NNB}000 дней.`], [
    c.chapter(`Общие положения`),
    c.article(`Цель — «основа»`, [
      c.clause(`В соответствии со ст.${NB}5 и №${NB}3 — „ёлочки“ и «кавычки» —${NB}в${NB}силе.`),
      c.point(`срок — 30${NB}дней;`),
      c.subpoint(`сумма — 1${NNB}000${NB}рублей.`),
    ]),
  ])

  it('Markdown, Akoma Ntoso and DOCX keep non-breaking spaces, quotes, dashes and "№"', async () => {
    expectSameLaw(parseText(toMarkdown(law, meta('ru')), 'ru').doc, law, 'ru')
    expectSameLaw(parseAkomaNtoso(toAkomaNtoso(law, meta('ru'))).doc, law, 'ru')
    const bytes = await toDocx(law, meta('ru'))
    expectSameLaw((await parseDocx(bytes)).doc, law, 'ru')
  })
})

// Random laws: arbitrary structure (blocks in any order) and text full of Markdown and XML syntax.
const CHARS = [...'abcXYZ абвЖЯ 0129.,;:()[]{}<>*_`#|~&\\!-+="\'/?$%^“”–—•№']
const text = fc.string({ unit: fc.constantFrom(...CHARS), minLength: 1, maxLength: 24 })
const prefix = fc.constantFrom('', '', '', '1. ', '2) ', '(a) ', 'a) ', 'а) ', '- ', '# ', 'Article 5. ', 'Статья 3 ', 'Chapter II ', 'Глава 2. ', '§ 2. ', 'Section 3 ', 'Параграф 1 ', 'Раздел II. ', 'Part 2 ', 'PART ONE ', '1.5 ', '---')
const nonEmpty = fc.tuple(prefix, text).map(([p, t]) => (p + t).replace(/\s+/g, ' ').trim()).filter((t) => t.length > 0)

function lawArbitrary(texts: fc.Arbitrary<string>) {
  const block = fc.tuple(fc.constantFrom('clause', 'point', 'subpoint'), texts)
  const part = fc.oneof(
    fc.tuple(fc.constant('part'), texts, fc.constant([] as [string, string][])),
    fc.tuple(fc.constant('chapter'), texts, fc.constant([] as [string, string][])),
    fc.tuple(fc.constant('section'), texts, fc.constant([] as [string, string][])),
    fc.tuple(fc.constant('article'), texts, fc.array(block, { minLength: 1, maxLength: 6 })),
  )
  return fc
    .record({ title: texts, preamble: fc.array(texts, { minLength: 1, maxLength: 3 }), parts: fc.array(part, { minLength: 1, maxLength: 6 }) })
    .map(({ title, preamble, parts }) => {
      const b = createBuilders('r')
      const body = parts.map(([kind, heading, blocks]) =>
        kind === 'part' ? b.part(heading) : kind === 'chapter' ? b.chapter(heading) : kind === 'section' ? b.section(heading) : b.article(heading, blocks.map(([k, t]) => b[k as 'clause' | 'point' | 'subpoint'](t))),
      )
      // Markdown needs at least one article heading to tell structure from text.
      return b.law(title, preamble, [...body, b.article('Final', [b.clause('End.')])])
    })
}

/** A random law that ends in conclusions of `texts`. */
const withConclusions = (texts: fc.Arbitrary<string>) =>
  fc.tuple(lawArbitrary(texts), fc.array(texts, { minLength: 1, maxLength: 3 })).map(([doc, paragraphs]) => ({ ...doc, content: [...doc.content!, conclusionsNode(paragraphs)] }))

describe('round trip of random laws', () => {
  it('Markdown: any text and any block order come back unchanged', () => {
    fc.assert(
      fc.property(lawArbitrary(nonEmpty), fc.constantFrom<Language>('en', 'ru'), (doc, language) => {
        const back = parseText(toMarkdown(doc, meta(language)), language).doc
        expect(stripIds(back)).toEqual(stripIds(doc))
      }),
      { numRuns: 200 },
    )
  })

  it('Markdown: conclusions of any text come back as conclusions, after the last article', () => {
    fc.assert(
      fc.property(withConclusions(nonEmpty), fc.constantFrom<Language>('en', 'ru'), (doc, language) => {
        const back = parseText(toMarkdown(doc, meta(language)), language).doc
        expect(stripIds(back)).toEqual(stripIds(doc))
      }),
      { numRuns: 100 },
    )
  })

  it('Akoma Ntoso: the same, with empty texts too, and the files are schema-valid', () => {
    const dir = mkdtempSync(join(tmpdir(), 'accord-rt-'))
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
    const files: string[] = []
    const withEmpty = fc.oneof(nonEmpty, fc.constant(''))
    fc.assert(
      fc.property(fc.oneof(lawArbitrary(withEmpty), withConclusions(withEmpty)), fc.constantFrom<Language>('en', 'ru'), (doc, language) => {
        const xml = toAkomaNtoso(doc, meta(language))
        const back = parseAkomaNtoso(xml).doc
        expect(stripIds(back)).toEqual(stripIds({ ...doc, content: doc.content!.map((n) => (n.type === 'lawTitle' && !n.content?.length ? { ...n, content: [{ type: 'text', text: 'Model Law' }] } : n)) }))
        if (files.length < 40) {
          const file = join(dir, `r${files.length}.xml`)
          writeFileSync(file, xml)
          files.push(file)
        }
      }),
      { numRuns: 150 },
    )
    execFileSync('xmllint', ['--noout', '--schema', resolve(__dirname, '../fixtures/akn/akomantoso30.xsd'), ...files], { stdio: 'pipe' })
  })
})
