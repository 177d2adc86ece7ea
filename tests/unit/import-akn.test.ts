import { describe, expect, it } from 'vitest'
import { parseAkomaNtoso } from '../../shared/import/akomaNtoso'
import { parseXml, textContent, XmlError, elements } from '../../shared/import/xml'
import { createBuilders } from '../../shared/seed/builders'
import { conclusionsNode } from '../helpers/conclusionsLaw'
import { docFromJSON, type DocJSON } from '../../shared/schema'

function stripIds(node: DocJSON): DocJSON {
  const out: DocJSON = { type: node.type }
  if (node.text !== undefined) out.text = node.text
  if (node.content) out.content = node.content.map(stripIds)
  return out
}

describe('the small XML reader', () => {
  it('reads elements, attributes, entities, CDATA, and skips declarations, comments and DOCTYPE', () => {
    const root = parseXml(
      `<?xml version="1.0"?>\n<!DOCTYPE x [ <!ENTITY e "v"> ]>\n<!-- note --><a x="1 &amp; 2" y='&lt;q&gt;'><b/>t&#233;xt &#x416; &quot;<![CDATA[<raw> & ]]></a>`,
    )
    const a = elements(root)[0]
    expect(a.name).toBe('a')
    expect(a.attrs).toEqual({ x: '1 & 2', y: '<q>' })
    expect(elements(a).map((e) => e.name)).toEqual(['b'])
    expect(textContent(a)).toBe('téxt Ж "<raw> & ')
  })

  it('keeps namespace prefixes and unknown entities as written', () => {
    const el = elements(parseXml('<akn:p xmlns:akn="u">&unknown; &amp;</akn:p>'))[0]
    expect(el.name).toBe('akn:p')
    expect(textContent(el)).toBe('&unknown; &')
  })

  it('refuses elements nested deeper than any document needs, at once, before any reader recurses into them', () => {
    // 10,000 nested containers overflowed the act reader's recursion (a RangeError: 500 from the API)
    // after seconds of quadratic search; a law nests a dozen levels, Word's lists and tables a few more.
    const deep = (depth: number) => `<akomaNtoso><act><body>${'<hcontainer>'.repeat(depth)}<article><heading>x</heading><content><p>t</p></content></article>${'</hcontainer>'.repeat(depth)}</body></act></akomaNtoso>`
    const started = performance.now()
    expect(() => parseXml(deep(10_000))).toThrow(XmlError)
    expect(() => parseAkomaNtoso(deep(10_000))).toThrow(XmlError)
    expect(performance.now() - started).toBeLessThan(500)
    expect(parseAkomaNtoso(deep(100)).stats.articles).toBe(1)
  })

  it.each(['<a><b></a>', '<a>', '</a>', '<a x=1/>', '<a><!-- open</a>', '<a><![CDATA[x</a>'])('rejects malformed input: %s', (xml) => {
    expect(() => parseXml(xml)).toThrow(XmlError)
  })
})

describe('parseAkomaNtoso', () => {
  it('reads an act from another producer: titles (flattened), intro and points under paragraphs, wrapUp, unnumbered content', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
  <act name="act">
    <meta><identification source="#x"><FRBRExpression><FRBRlanguage language="eng"/></FRBRExpression></identification></meta>
    <preface><longTitle><p>An Act <docTitle>on Things</docTitle></p></longTitle></preface>
    <preamble><recitals><recital><p>Whereas one,</p></recital><recital><p>whereas two,</p></recital></recitals></preamble>
    <body>
      <title eId="title_1"><num>Title 1</num>
        <chapter eId="chp_1"><num>1</num><heading>General</heading>
          <article eId="art_1"><num>1</num><heading>Scope</heading>
            <paragraph eId="art_1__para_1"><num>(1)</num>
              <intro><p>This Act applies to:</p></intro>
              <point eId="art_1__para_1__point_a"><num>(a)</num><content><p>persons; and</p></content></point>
              <point eId="art_1__para_1__point_b"><num>(b)</num>
                <intro><p>things, being</p></intro>
                <point eId="art_1__para_1__point_b__point_i"><num>(i)</num><content><p>movable; or</p></content></point>
              </point>
              <wrapUp><p>as the case may be.</p></wrapUp>
            </paragraph>
          </article>
        </chapter>
      </title>
      <article eId="art_2"><num>2</num><content><p>Commencement   text
        over lines.</p></content></article>
    </body>
  </act>
</akomaNtoso>`
    const result = parseAkomaNtoso(xml)
    docFromJSON(result.doc)
    const b = createBuilders('x')
    expect(stripIds(result.doc)).toEqual(
      stripIds(
        b.law('on Things', ['Whereas one,', 'whereas two,'], [
          b.chapter('General'),
          b.article('Scope', [
            b.clause('This Act applies to:'),
            b.point('persons; and'),
            b.point('things, being'),
            b.subpoint('movable; or'),
            b.clause('as the case may be.'),
          ]),
          b.article('', [b.clause('Commencement text over lines.')]),
        ]),
      ),
    )
    expect(result.language).toBe('en')
    expect(result.warnings.join(' ')).toContain('title')
  })

  it('reads parts from another producer: a part heading, then what it nests (articles, sections, chapters)', () => {
    const xml = `<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act name="act"><meta/><body>
      <article eId="art_1"><num>1</num><heading>До раздела</heading><content><p>Текст.</p></content></article>
      <part eId="part_1"><num>Раздел I.</num><heading>Общая часть</heading>
        <article eId="part_1__art_2"><num>2</num><heading>Своя</heading><content><p>Своя статья.</p></content></article>
        <section eId="part_1__sec_1"><num>§ 1.</num><heading>Без главы</heading>
          <article eId="part_1__sec_1__art_3"><num>3</num><content><p>В параграфе.</p></content></article>
        </section>
        <chapter eId="part_1__chp_1"><num>Глава 1.</num><heading>Общие положения</heading>
          <article eId="part_1__chp_1__art_4"><num>4</num><heading>Цель</heading><content><p>Текст цели.</p></content></article>
        </chapter>
      </part>
      <part eId="part_2"><num>Раздел II.</num>
        <chapter eId="part_2__chp_2"><num>Глава 2.</num><heading>Заключительные</heading>
          <article eId="part_2__chp_2__art_5"><num>5</num><heading>Действие</heading><content><p>Текст действия.</p></content></article>
        </chapter>
      </part>
    </body></act></akomaNtoso>`
    const result = parseAkomaNtoso(xml)
    docFromJSON(result.doc)
    const b = createBuilders('x')
    expect(stripIds(result.doc)).toEqual(
      stripIds(
        b.law('', [], [
          b.article('До раздела', [b.clause('Текст.')]),
          b.part('Общая часть'),
          b.article('Своя', [b.clause('Своя статья.')]),
          b.section('Без главы'),
          b.article('', [b.clause('В параграфе.')]),
          b.chapter('Общие положения'),
          b.article('Цель', [b.clause('Текст цели.')]),
          b.part(''),
          b.chapter('Заключительные'),
          b.article('Действие', [b.clause('Текст действия.')]),
        ]),
      ),
    )
    expect(result.stats).toMatchObject({ parts: 2, chapters: 2, sections: 1, articles: 5 })
    // A part is read, not flattened: nothing to report.
    expect(result.warnings).toEqual([])
  })

  it('reads sections from another producer: a section heading, then the articles nested in it', () => {
    const xml = `<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act name="act"><meta/><body>
      <chapter eId="chp_1"><num>Глава 1.</num><heading>Общие положения</heading>
        <article eId="chp_1__art_1"><num>1</num><heading>Цель</heading><content><p>Текст цели.</p></content></article>
        <section eId="chp_1__sec_1"><num>§ 1.</num><heading>Сфера действия</heading>
          <article eId="chp_1__sec_1__art_2"><num>2</num><heading>Предмет</heading><content><p>Текст предмета.</p></content></article>
          <article eId="chp_1__sec_1__art_3"><num>3</num><content><p>Ещё текст.</p></content></article>
        </section>
        <section eId="chp_1__sec_2"><num>§ 2.</num></section>
      </chapter>
      <section eId="sec_1"><heading>Без главы</heading>
        <article eId="sec_1__art_4"><num>4</num><heading>Действие</heading><content><p>Текст действия.</p></content></article>
      </section>
    </body></act></akomaNtoso>`
    const result = parseAkomaNtoso(xml)
    docFromJSON(result.doc)
    const b = createBuilders('x')
    expect(stripIds(result.doc)).toEqual(
      stripIds(
        b.law('', [], [
          b.chapter('Общие положения'),
          b.article('Цель', [b.clause('Текст цели.')]),
          b.section('Сфера действия'),
          b.article('Предмет', [b.clause('Текст предмета.')]),
          b.article('', [b.clause('Ещё текст.')]),
          b.section(''),
          b.section('Без главы'),
          b.article('Действие', [b.clause('Текст действия.')]),
        ]),
      ),
    )
    expect(result.stats).toMatchObject({ chapters: 1, sections: 3, articles: 4 })
    // A section is read, not flattened: nothing to report.
    expect(result.warnings).toEqual([])
  })

  it('guesses the language when the metadata does not give it', () => {
    const xml = `<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act name="act"><meta/><body><article><heading>Цель</heading><paragraph><content><p>Текст закона.</p></content></paragraph></article></body></act></akomaNtoso>`
    const result = parseAkomaNtoso(xml)
    expect(result.language).toBe('ru')
    expect(result.stats).toMatchObject({ articles: 1, clauses: 1 })
  })

  it('refuses what is not an Akoma Ntoso act', () => {
    expect(() => parseAkomaNtoso('<html><body/></html>')).toThrow(/Akoma Ntoso/)
    expect(() => parseAkomaNtoso('<akomaNtoso><act name="x"><meta/></act></akomaNtoso>')).toThrow(/body/)
    expect(() => parseAkomaNtoso('<akomaNtoso><act>')).toThrow(XmlError)
  })

  it('reads <conclusions> from another producer: a paragraph per <p>, in containers too, a signature’s parts as its words; nothing to report', () => {
    const xml = `<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act name="act"><meta/><body>
      <article eId="art_1"><num>Статья 1.</num><heading>Вступление в силу</heading><content><p>Настоящий Закон вступает в силу.</p></content></article>
    </body>
    <conclusions>
      <p>Принят на тридцать первом пленарном заседании
        Межпарламентской Ассамблеи (постановление № 31-11)</p>
      <blockContainer>
        <p><signature><role>Президент Российской Федерации</role> <person refersTo="#putin">В. Путин</person></signature></p>
        <p><location refersTo="#moscow">Москва, Кремль</location></p>
      </blockContainer>
      <formula name="enactingFormula"><p><date date="2008-04-03">3 апреля 2008 года</date></p></formula>
      <container name="number"><p><docNumber>№ 12-ФЗ</docNumber></p></container>
    </conclusions></act></akomaNtoso>`
    const result = parseAkomaNtoso(xml)
    docFromJSON(result.doc)
    const b = createBuilders('x')
    expect(stripIds(result.doc)).toEqual(
      stripIds(
        b.law('', [], [
          b.article('Вступление в силу', [b.clause('Настоящий Закон вступает в силу.')]),
          conclusionsNode([
            'Принят на тридцать первом пленарном заседании Межпарламентской Ассамблеи (постановление № 31-11)',
            'Президент Российской Федерации В. Путин',
            'Москва, Кремль',
            '3 апреля 2008 года',
            '№ 12-ФЗ',
          ]),
        ]),
      ),
    )
    expect(result.stats).toMatchObject({ articles: 1, clauses: 1, conclusionsParagraphs: 5 })
    expect(result.warnings).toEqual([])
  })
})
