import { afterAll, describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createBuilders } from '../../shared/seed/builders'
import { sampleLaw } from '../../shared/seed/modelLaw'
import { toAkomaNtoso } from '../../shared/export/akomaNtoso'
import type { ExportMeta } from '../../shared/export/meta'
import { docFromJSON, type DocJSON } from '../../shared/schema'
import { definedTermsOf } from '../../shared/checks/draftChecks'
import { sectionedLaw } from '../helpers/sectionedLaw'
import { partedLaw } from '../helpers/partedLaw'
import { CONCLUSIONS, conclusionsLaw } from '../helpers/conclusionsLaw'
import { chapterTermLaw } from '../helpers/chapterTermLaw'

/**
 * Akoma Ntoso export, validated with xmllint against the OASIS schema copied into
 * tests/fixtures/akn (see its README). Without xmllint these tests fail: validity is the point.
 */

const SCHEMA = resolve(__dirname, '../fixtures/akn/akomantoso30.xsd')
const dir = mkdtempSync(join(tmpdir(), 'accord-akn-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

let counter = 0
function validate(xml: string): string {
  const file = join(dir, `doc-${++counter}.xml`)
  writeFileSync(file, xml)
  try {
    return execFileSync('xmllint', ['--noout', '--schema', SCHEMA, file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
  } catch (error) {
    const e = error as { code?: string; stderr?: string; message: string }
    throw new Error(e.code === 'ENOENT' ? 'xmllint is not installed (Debian: libxml2-utils)' : `schema validation failed:\n${e.stderr ?? e.message}`)
  }
}

const meta = (language: 'en' | 'ru', extra: Partial<ExportMeta> = {}): ExportMeta => ({
  title: 'Model Law',
  language,
  status: 'draft',
  date: '2025-03-14',
  organizations: [{ name: 'Ministry of Justice', shortName: 'MoJ' }],
  ...extra,
})

function edgeLaw(): DocJSON {
  const b = createBuilders('e')
  return b.law('', [], [
    b.article('Chapterless', [b.clause('Only paragraph.')]),
    b.article('Points first', [b.point('lone point;'), b.clause('Then a paragraph:'), b.point('its point;'), b.clause('')]),
    b.chapter(''),
    b.article('', [b.clause('Intro:'), b.subpoint('orphan sub-point;'), b.point('real point:'), b.subpoint('')]),
    b.article('No body', []),
    b.chapter('Empty chapter'),
  ])
}

describe('Akoma Ntoso export', () => {
  it('the seed law validates against the OASIS schema, in English and in Russian', () => {
    for (const language of ['en', 'ru'] as const) {
      const xml = toAkomaNtoso(sampleLaw(language), meta(language, { version: { name: 'v3', createdAt: '2025-03-01T10:00:00Z' }, status: 'agreed' }))
      validate(xml)
    }
  })

  it('the validation is real: a broken act is rejected', () => {
    const xml = toAkomaNtoso(sampleLaw('en'), meta('en')).replace('<preface>', '<preface><bogus/>')
    expect(() => validate(xml)).toThrow(/schema validation failed/)
  })

  it('edge cases validate: chapterless article, single paragraph, points without a paragraph, empty texts, no body', () => {
    validate(toAkomaNtoso(edgeLaw(), meta('en')))
    validate(toAkomaNtoso(edgeLaw(), meta('ru')))
    const b = createBuilders('z')
    validate(toAkomaNtoso(b.law('Only a title', [''], []), meta('en')))
  })

  it('writes the act, FRBR metadata, references, preface and preamble', () => {
    const xml = toAkomaNtoso(sampleLaw('en'), meta('en', { version: { name: 'v3', createdAt: '2025-03-01' } }))
    expect(xml).toContain('<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">')
    expect(xml).toContain('<act name="act">')
    expect(xml).toContain('<identification source="#accord">')
    for (const level of ['FRBRWork', 'FRBRExpression', 'FRBRManifestation']) {
      const block = xml.slice(xml.indexOf(`<${level}>`), xml.indexOf(`</${level}>`))
      for (const el of ['FRBRthis', 'FRBRuri', 'FRBRdate', 'FRBRauthor']) expect(block).toContain(`<${el} `)
    }
    expect(xml).toContain('<FRBRuri value="/akn/xx/act/2025-03-14/model-law"/>')
    expect(xml).toContain('<FRBRcountry value="xx"/>')
    expect(xml).toContain('<FRBRlanguage language="eng"/>')
    expect(xml).toContain('<FRBRversionNumber value="v3"/>')
    expect(xml).toContain('<FRBRuri value="/akn/xx/act/2025-03-14/model-law/eng@2025-03-01"/>')
    expect(xml).toContain('<references source="#accord"><TLCOrganization'.replace('><', '>\n        <'))
    expect(xml).toContain('<TLCOrganization eId="accord" href="/ontology/organization/accord" showAs="Accord"/>')
    expect(xml).toContain('showAs="Ministry of Justice"')
    expect(xml).toContain('<preface>\n      <p class="title"><docTitle>Model Law On Combating Human Trafficking</docTitle></p>')
    expect(xml).toMatch(/<preamble>\s*<p>Recognizing that/)
    expect(toAkomaNtoso(sampleLaw('ru'), meta('ru'))).toContain('<FRBRlanguage language="rus"/>')
  })

  describe('the FRBR work URI names the work in readable, stable ASCII', () => {
    const workUri = (xml: string) => /<FRBRWork>\s*<FRBRthis value="[^"]*"\/>\s*<FRBRuri value="([^"]+)"\/>/.exec(xml)![1]
    const uriOf = (title: string, extra: Partial<ExportMeta> = {}) => workUri(toAkomaNtoso(sampleLaw('ru'), meta('ru', { title, ...extra })))

    it('a Russian title is transliterated, word by word, not reduced to its ASCII fragments', () => {
      expect(uriOf('Модельный закон «О противодействии торговле людьми»')).toBe('/akn/xx/act/2025-03-14/modelnyi-zakon-o-protivodeistvii-torgovle-liudmi')
      // Two drafts that share only a number, "№ 12-З" and a year, no longer share a URI ("№" reads "No").
      const a = uriOf('Закон № 12-З «О пчеловодстве» 2025 г.')
      const b = uriOf('Закон № 12-З «О защите детей» 2025 г.')
      expect(a).toBe('/akn/xx/act/2025-03-14/zakon-no-12-z-o-pchelovodstve-2025-g')
      expect(b).not.toBe(a)
      // Stable: the same title gives the same URI, whatever the document or the day's casing.
      expect(uriOf('Закон № 12-З «О пчеловодстве» 2025 г.', { documentId: 'otherdocument0001' })).toBe(a)
      expect(uriOf('ЗАКОН № 12-З «О ПЧЕЛОВОДСТВЕ» 2025 Г.')).toBe(a)
    })

    it('other Cyrillic of the region too: Ukrainian, Belarusian, Kazakh, Kyrgyz, Tajik letters', () => {
      expect(uriOf('Закон України «Про їжу та ґрунт»')).toBe('/akn/xx/act/2025-03-14/zakon-ukraini-pro-izhu-ta-grunt')
      expect(uriOf('Закон аб ахове ўзбярэжжа')).toBe('/akn/xx/act/2025-03-14/zakon-ab-akhove-uzbiarezhzha')
      expect(uriOf('Қазақстан Республикасының Заңы: әділет, ғылым, өнер, ұлт, үй, һ')).toBe('/akn/xx/act/2025-03-14/kazakstan-respublikasynyn-zany-adilet-gylym-oner-ult-ui-h')
      expect(uriOf('Қонуни Ҷумҳурии Тоҷикистон: ӯ, ӣ')).toBe('/akn/xx/act/2025-03-14/konuni-jumhurii-tojikiston-u-i')
    })

    it('a long title is cut at a word, never leaving a dangling hyphen', () => {
      const uri = uriOf('Модельный закон о внесении изменений и дополнений в некоторые законодательные акты по вопросам противодействия торговле людьми')
      const name = uri.split('/').pop()!
      expect(name.length).toBeLessThanOrEqual(60)
      expect(name).toMatch(/^modelnyi-zakon-o-vnesenii-izmenenii-i-dopolnenii(-[a-z0-9]+)*$/)
      expect('modelnyi-zakon-o-vnesenii-izmenenii-i-dopolnenii-v-nekotorye-zakonodatelnye-akty'.startsWith(name + '-')).toBe(true)
    })

    it('a title with nothing to transliterate falls back to the document id: unique per document', () => {
      const a = uriOf('«—» …', { documentId: 'k3j4h5g6f7d8s9a0' })
      const b = uriOf('«—» …', { documentId: 'zz99yy88xx77ww66' })
      expect(a).toBe('/akn/xx/act/2025-03-14/k3j4h5g6f7d8s9a0')
      expect(b).toBe('/akn/xx/act/2025-03-14/zz99yy88xx77ww66')
      // Without a document (a test, a tool): "nn", the naming convention's "no number".
      expect(uriOf('«—»')).toBe('/akn/xx/act/2025-03-14/nn')
    })

    it('with its work known, the same whatever the day of export or the language version\'s own title', () => {
      const work = { id: 'k3j4h5g6f7d8s9a0', title: 'Модельный закон', createdAt: '2024-11-02T09:00:00.000Z' }
      const monday = toAkomaNtoso(sampleLaw('ru'), meta('ru', { work, date: '2025-03-14' }))
      const later = toAkomaNtoso(sampleLaw('en'), meta('en', { work, title: 'Model Law', date: '2025-06-30' }))
      expect(workUri(monday)).toBe('/akn/xx/act/2024-11-02/modelnyi-zakon')
      expect(workUri(later)).toBe(workUri(monday))
      expect(later).toContain('<FRBRuri value="/akn/xx/act/2024-11-02/modelnyi-zakon/eng@2025-06-30"/>')
      validate(later)
    })

    it('an explicit work name still wins, and the result validates', () => {
      const xml = toAkomaNtoso(sampleLaw('ru'), meta('ru', { title: 'Модельный закон', documentId: 'k3j4h5g6f7d8s9a0' }), { workName: 'Model Law On Combating Human Trafficking' })
      expect(workUri(xml)).toBe('/akn/xx/act/2025-03-14/model-law-on-combating-human-trafficking')
      validate(xml)
    })
  })

  it('names elements with eIds following the naming convention, the same in both languages', () => {
    const en = toAkomaNtoso(sampleLaw('en'), meta('en'))
    const ru = toAkomaNtoso(sampleLaw('ru'), meta('ru'))
    const all = (xml: string) => [...xml.matchAll(/ eId="([^"]+)"/g)].map((m) => m[1])
    // A term's uses are the language's words: only their own eIds differ between expressions.
    const eIds = (xml: string) => all(xml).filter((id) => !/__term_\d+$/.test(id))
    expect(eIds(en)).toEqual(eIds(ru))
    for (const xml of [en, ru]) expect(new Set(all(xml)).size).toBe(all(xml).length)
    for (const id of [...all(en), ...all(ru)]) expect(id).toMatch(/^[a-z0-9_]+$/)
    expect(en).toContain('<chapter eId="chp_1" GUID="en0001">\n        <num>Chapter I.</num>\n        <heading>General provisions</heading>')
    expect(ru).toContain('<num>Глава 1.</num>')
    expect(en).toContain('<article eId="chp_1__art_1" GUID="en0003">')
    // Single paragraph: no number shown, eId by ordinal, text at the leaf.
    expect(en).toMatch(/<paragraph eId="chp_1__art_1__para_1" GUID="en0002">\s*<content>\s*<p>This Law sets out/)
    // Paragraph with points: its text is the list's intro.
    expect(en).toMatch(/<paragraph eId="chp_3__art_7__para_1"[^>]*>\s*<num>1\.<\/num>\s*<list eId="chp_3__art_7__para_1__list_1">\s*<intro>\s*<p>A member state may also/)
    expect(en).toMatch(/<point eId="chp_3__art_7__para_1__point_1"[^>]*>\s*<num>\(a\)<\/num>\s*<content>/)
    expect(ru).toMatch(/<point eId="chp_3__art_7__para_1__point_1"[^>]*>\s*<num>1\)<\/num>\s*<content>/)
    // Sub-points: the Latin letter of their ordinal in both languages ("в)" is point_c).
    expect(en).toMatch(/<point eId="chp_2__art_4__para_1__point_2__point_c"[^>]*>\s*<num>\(iii\)<\/num>/)
    expect(ru).toMatch(/<point eId="chp_2__art_4__para_1__point_2__point_c"[^>]*>\s*<num>в\)<\/num>/)
    expect(en).toMatch(/<point eId="chp_2__art_4__para_1__point_2"[^>]*>\s*<num>\(b\)<\/num>\s*<list eId="chp_2__art_4__para_1__point_2__list_1">\s*<intro>\s*<p>“<def refersTo="#term_2">exploitation<\/def>” means/)
  })

  it('writes points before any paragraph as a list in the article, and chapterless articles without a chapter prefix', () => {
    const xml = toAkomaNtoso(edgeLaw(), meta('en'))
    expect(xml).toContain('<article eId="art_1"')
    expect(xml).toMatch(/<article eId="art_2"[^>]*>\s*<num>Article 2\.<\/num>\s*<heading>Points first<\/heading>\s*<list eId="art_2__list_1">\s*<point eId="art_2__point_1"/)
    expect(xml).toMatch(/<list eId="chp_1__art_3__para_1__list_1">\s*<intro>\s*<p>Intro:<\/p>\s*<\/intro>\s*<list eId="chp_1__art_3__para_1__list_2">\s*<point eId="chp_1__art_3__para_1__point_a"/)
    expect(xml).toMatch(/<article eId="chp_1__art_4"[^>]*>\s*<num>Article 4\.<\/num>\s*<heading>No body<\/heading>\s*<\/article>/)
    expect(xml).toMatch(/<chapter eId="chp_1"[^>]*>\s*<num>Chapter I\.<\/num>\s*<article/)
    // An empty law title falls back to the document's title from the metadata.
    expect(xml).toContain('<docTitle>Model Law</docTitle>')
  })

  it('nests sections in their chapter (sec_N counting within it) and articles in their section, valid in both languages', () => {
    const en = toAkomaNtoso(sectionedLaw('en'), meta('en'))
    const ru = toAkomaNtoso(sectionedLaw('ru'), meta('ru'))
    validate(en)
    validate(ru)
    const eIds = (xml: string) => [...xml.matchAll(/<(chapter|section|article) eId="([^"]+)"/g)].map((m) => `${m[1]} ${m[2]}`)
    expect(eIds(en)).toEqual([
      'article art_1',
      'section sec_1',
      'article sec_1__art_2',
      'chapter chp_1',
      'article chp_1__art_3',
      'section chp_1__sec_1',
      'article chp_1__sec_1__art_4',
      'section chp_1__sec_2',
      'article chp_1__sec_2__art_5',
      'chapter chp_2',
      'section chp_2__sec_1',
      'article chp_2__sec_1__art_6',
    ])
    expect(eIds(ru)).toEqual(eIds(en))
    expect(en).toMatch(/<section eId="chp_1__sec_2" GUID="sen000e">\s*<num>Section 2\.<\/num>\s*<heading>Definitions<\/heading>\s*<article eId="chp_1__sec_2__art_5"/)
    expect(ru).toMatch(/<section eId="chp_1__sec_2"[^>]*>\s*<num>§ 2\.<\/num>\s*<heading>Определения<\/heading>/)
    // The chapter's own article comes before its sections; a section closes before the next chapter.
    expect(en).toMatch(/<\/article>\s*<\/section>\s*<\/chapter>\s*<chapter eId="chp_2"/)
    expect(en).toMatch(/<paragraph eId="chp_1__sec_1__art_4__para_2"[^>]*>[\s\S]*?<point eId="chp_1__sec_1__art_4__para_2__point_1__point_a"/)
  })

  it('points references at the eIds of sections and of articles inside them', () => {
    const xml = toAkomaNtoso(sectionedLaw('ru'), meta('ru'))
    expect(xml).toContain('<p>См. параграф <ref href="#chp_1__sec_1">1</ref> и статью <ref href="#chp_1__sec_1__art_4">4</ref>.</p>')
    const eIds = new Set([...xml.matchAll(/ eId="([^"]+)"/g)].map((m) => m[1]))
    for (const [, target] of xml.matchAll(/<ref href="#([^"]*)"/g)) expect(eIds).toContain(target)
  })

  it('marks each defined term <def> where it is defined, with a TLCTerm in the references: a definitions article’s, and one a provision introduces; valid', () => {
    const ru = toAkomaNtoso(sampleLaw('ru'), meta('ru'))
    validate(ru)
    expect(ru).toContain('<TLCTerm eId="term_1" href="/ontology/term/this.rus.torgovlia-liudmi" showAs="торговля людьми"/>')
    expect(ru).toContain('<p><def refersTo="#term_1">торговля людьми</def> — вербовка, перемещение,')
    expect(ru.match(/<def /g)).toHaveLength(5)
    const b = createBuilders('d')
    const en = toAkomaNtoso(b.law('Law', [], [
      b.article('Definitions', [b.clause('In this Law:'), b.point('“child” means a person under eighteen <years>;'), b.point('“victim” means a person harmed.')]),
      b.article('Agency', [b.clause('The National Agency & Office (hereinafter “the Agency”) helps every child. A “child” is not defined here.')]),
    ]), meta('en'))
    validate(en)
    expect(en).toContain('<p>“<def refersTo="#term_1">child</def>” means a person under eighteen &lt;years&gt;;</p>')
    expect(en).toContain('<p>The National Agency &amp; Office (hereinafter “the <def refersTo="#term_3">Agency</def>”) helps every <term refersTo="#term_1" eId="art_2__para_1__term_1">child</term>.')
    expect(en).toContain('<TLCTerm eId="term_3" href="/ontology/term/this.eng.agency" showAs="Agency"/>')
    expect(en.match(/<TLCTerm /g)).toHaveLength(3)
  })

  it('marks each use of a defined term <term refersTo eId>, in whatever case and number: a definitions article’s throughout, one a provision introduces only after it (in its article only if it says so); valid', () => {
    const ru = toAkomaNtoso(sampleLaw('ru'), meta('ru'))
    validate(ru)
    // Before the definitions article too, in another case, and in a heading (numbered under its element).
    expect(ru).toContain('<p>Признавая, что <term refersTo="#term_1" eId="preamble__term_1">торговля людьми</term> грубо нарушает')
    expect(ru).toContain('предупреждения <term refersTo="#term_1" eId="chp_1__art_1__para_1__term_1">торговли людьми</term> и борьбы с ней, защиты <term refersTo="#term_3" eId="chp_1__art_1__para_1__term_2">жертв</term>')
    expect(ru).toContain('<heading><term refersTo="#term_4" eId="chp_5__art_17__term_1">Дети</term> — <term refersTo="#term_3" eId="chp_5__art_17__term_2">жертвы</term>')
    // The definition's own term is a <def>, not a use; the other terms its words use are.
    expect(ru).toContain('<p><def refersTo="#term_3">жертва</def> — физическое лицо, которому причинен вред в результате <term refersTo="#term_1" eId="chp_2__art_4__para_1__point_3__term_1">торговли людьми</term>,')
    expect(ru).not.toMatch(/<def [^>]*>[^<]*<term|<term [^>]*>[^<]*<def/)

    const b = createBuilders('d')
    const en = toAkomaNtoso(b.law('Law', ['The Centre (hereinafter “the Centre”) is independent.'], [
      b.article('Centre and victims', [b.clause('The Centre shall help victims; the Centre’s staff are trained.')]),
      b.article('Definitions', [b.clause('In this Law:'), b.point('“victim” means a person harmed by trafficking in persons;'), b.point('“trafficking in persons” means a crime.')]),
      b.article('Reports', [b.clause('The Council (hereinafter “the Board”) reports on every victim’s case. The Board meets; a board of the Centre does not count.')]),
    ]), meta('en'))
    validate(en)
    // "Centre" before the parenthesis introducing it is the long name; after it, and in every later article, a use.
    expect(en).toContain('<p>The Centre (hereinafter “the <def refersTo="#term_1">Centre</def>”) is independent.</p>')
    expect(en).toContain('<heading><term refersTo="#term_1" eId="art_1__term_1">Centre</term> and <term refersTo="#term_2" eId="art_1__term_2">victims</term></heading>')
    expect(en).toContain('<p>The <term refersTo="#term_1" eId="art_1__para_1__term_1">Centre</term> shall help <term refersTo="#term_2" eId="art_1__para_1__term_2">victims</term>; the <term refersTo="#term_1" eId="art_1__para_1__term_3">Centre’s</term> staff')
    // The longest term at a word: "trafficking in persons", never a shorter one inside it.
    expect(en).toContain('harmed by <term refersTo="#term_3" eId="art_2__para_1__point_1__term_1">trafficking in persons</term>;</p>')
    // A term defined with a capital is used with one: "a board" is a word of its own.
    expect(en).toContain('<p>The Council (hereinafter “the <def refersTo="#term_4">Board</def>”) reports on every <term refersTo="#term_2" eId="art_3__para_1__term_1">victim’s</term> case. The <term refersTo="#term_4" eId="art_3__para_1__term_2">Board</term> meets; a board of the <term refersTo="#term_1" eId="art_3__para_1__term_3">Centre</term> does not count.</p>')
    const scoped = toAkomaNtoso(b.law('Закон', [], [
      b.article('Жалобы', [b.clause('Лицо, подавшее жалобу (далее в настоящей статье — заявитель), извещается.'), b.clause('Заявитель вправе отозвать жалобу.')]),
      b.article('Сроки', [b.clause('Заявитель уведомляется в срок.')]),
    ]), meta('ru'))
    validate(scoped)
    // For its own article only: the next article's «Заявитель» is a word of its own.
    expect(scoped).toContain('<p><term refersTo="#term_1" eId="art_1__para_2__term_1">Заявитель</term> вправе отозвать жалобу.</p>')
    expect(scoped).toContain('<p>Заявитель уведомляется в срок.</p>')
    expect(en.match(/<TLCTerm /g)).toHaveLength(4)
  })

  it('marks a term introduced for its chapter («далее в настоящей главе») through that chapter, its sections too, and not in the next, as Check the text counts it', () => {
    const law = chapterTermLaw()
    const xml = toAkomaNtoso(law, meta('ru'))
    validate(xml)
    expect(xml).toContain('<p><term refersTo="#term_1" eId="chp_1__sec_1__art_2__para_1__term_1">Приют</term> размещает лиц в течение суток.</p>')
    expect(xml).toContain('<p>Приют проверяется ежегодно.</p>')
    expect(definedTermsOf(docFromJSON(law), 'ru').map((t) => [t.term, t.uses])).toEqual([['приют', xml.match(/<term /g)!.length]])
  })

  it('rejects a date that is not ISO rather than writing an invalid file', () => {
    expect(() => toAkomaNtoso(sampleLaw('en'), meta('en', { date: 'yesterday' }))).toThrow(RangeError)
  })
})

describe('Akoma Ntoso export with parts', () => {
  it('nests what follows a part heading in <part eId="part_N">, its children prefixed part_N__, valid in both languages', () => {
    const en = toAkomaNtoso(partedLaw('en'), meta('en'))
    const ru = toAkomaNtoso(partedLaw('ru'), meta('ru'))
    validate(en)
    validate(ru)
    const eIds = (xml: string) => [...xml.matchAll(/<(part|chapter|section|article) eId="([^"]+)"/g)].map((m) => `${m[1]} ${m[2]}`)
    expect(eIds(en)).toEqual([
      'article art_1',
      'part part_1',
      'article part_1__art_2',
      'section part_1__sec_1',
      'article part_1__sec_1__art_3',
      'chapter part_1__chp_1',
      'article part_1__chp_1__art_4',
      'section part_1__chp_1__sec_1',
      'article part_1__chp_1__sec_1__art_5',
      'part part_2',
      'chapter part_2__chp_2',
      'section part_2__chp_2__sec_1',
      'article part_2__chp_2__sec_1__art_6',
    ])
    expect(eIds(ru)).toEqual(eIds(en))
    expect(en).toMatch(/<part eId="part_1" GUID="pen0006">\s*<num>Part I\.<\/num>\s*<heading>General part<\/heading>\s*<article eId="part_1__art_2"/)
    expect(ru).toMatch(/<part eId="part_2"[^>]*>\s*<num>Раздел II\.<\/num>\s*<heading>Особенная часть<\/heading>\s*<chapter eId="part_2__chp_2"/)
    // A part closes before the next one; the article before any part is outside both.
    expect(en).toMatch(/<\/chapter>\s*<\/part>\s*<part eId="part_2"/)
    expect(en).toMatch(/<\/article>\s*<part eId="part_1"/)
    expect(en).toMatch(/<point eId="part_1__chp_1__sec_1__art_5__para_2__point_1__point_a"/)
  })

  it('points references at the eIds of parts and of articles inside them', () => {
    const xml = toAkomaNtoso(partedLaw('ru'), meta('ru'))
    expect(xml).toContain('<p>См. раздел <ref href="#part_2">II</ref> и статью <ref href="#part_2__chp_2__sec_1__art_6">6</ref>.</p>')
    const eIds = new Set([...xml.matchAll(/ eId="([^"]+)"/g)].map((m) => m[1]))
    for (const [, target] of xml.matchAll(/<ref href="#([^"]*)"/g)) expect(eIds).toContain(target)
  })
})

describe('Akoma Ntoso export of the conclusions', () => {
  it('writes <conclusions> after <body>, every paragraph a <p>, empty ones too; valid in both languages', () => {
    for (const language of ['en', 'ru'] as const) {
      const xml = toAkomaNtoso(conclusionsLaw(language), meta(language))
      validate(xml)
      const ps = CONCLUSIONS[language].map((t) => `      <p>${t}</p>`).join('\n')
      expect(xml).toContain(`    </body>\n    <conclusions>\n${ps}\n    </conclusions>\n  </act>`)
    }
  })

  it('escapes their text, and a law without conclusions has no <conclusions>', () => {
    const xml = toAkomaNtoso(conclusionsLaw('en', ['Done at <Minsk> & Moscow']), meta('en'))
    validate(xml)
    expect(xml).toContain('<p>Done at &lt;Minsk&gt; &amp; Moscow</p>')
    expect(toAkomaNtoso(sampleLaw('en'), meta('en'))).not.toContain('conclusions')
  })
})
