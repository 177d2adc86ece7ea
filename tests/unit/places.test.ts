import { describe, expect, it } from 'vitest'
import { CONCLUSIONS_PLACE, findPlaceNode, placeIdOf, placesOf, PREAMBLE_PLACE, TITLE_PLACE } from '../../shared/places'
import { createBuilders } from '../../shared/seed/builders'
import { docFromJSON } from '../../shared/schema'
import { lawStructure, placesOfLaw } from '../../shared/export/structure'

function law() {
  const b = createBuilders('x')
  const withId = <T extends { attrs?: Record<string, unknown> }>(block: T, id: string): T => ({ ...block, attrs: { ...block.attrs, id } })
  return docFromJSON(
    b.law('О противодействии торговле людьми', ['Признавая…'], [
      withId(b.chapter('Общие положения'), 'ch1'),
      withId(b.article('Цели', [b.clause('Целями являются…')]), 'a1'),
      withId(b.article('Понятия', [b.clause('Понятия…')]), 'a2'),
    ]),
  )
}

describe('the places threads are on', () => {
  it('are the title, the preamble, then the divisions and articles, in the order of the text and named in the law’s language', () => {
    const places = placesOf(law(), 'ru')
    expect(places.map((p) => [p.id, p.kind, p.label, p.heading])).toEqual([
      [TITLE_PLACE, 'title', 'Название', ''],
      [PREAMBLE_PLACE, 'preamble', 'Преамбула', ''],
      ['ch1', 'chapter', 'Глава 1.', 'Общие положения'],
      ['a1', 'article', 'Статья 1.', 'Цели'],
      ['a2', 'article', 'Статья 2.', 'Понятия'],
    ])
    expect(placesOf(law(), 'en').slice(0, 2).map((p) => p.label)).toEqual(['Title', 'Preamble'])
  })

  it('are named by a top-level node: an id only for articles and divisions, never for a node without one', () => {
    expect(placeIdOf('lawTitle', null)).toBe(TITLE_PLACE)
    expect(placeIdOf('preamble', null)).toBe(PREAMBLE_PLACE)
    expect(placeIdOf('article', 'a1')).toBe('a1')
    expect(placeIdOf('chapter', 'ch1')).toBe('ch1')
    expect(placeIdOf('article', null)).toBeNull()
    expect(placeIdOf('article', '')).toBeNull()
    expect(placeIdOf('clause', 'c1')).toBeNull()
    // An article whose id is a reserved word (pasted from elsewhere) is not taken for the preamble.
    expect(placeIdOf('article', PREAMBLE_PLACE)).toBeNull()
    expect(placeIdOf('chapter', TITLE_PLACE)).toBeNull()
  })

  it('are found in the editor’s text', () => {
    const doc = law()
    expect(findPlaceNode(doc, TITLE_PLACE)).toMatchObject({ pos: 0 })
    expect(findPlaceNode(doc, PREAMBLE_PLACE)?.node.type.name).toBe('preamble')
    expect(findPlaceNode(doc, 'ch1')?.node.type.name).toBe('chapter')
    expect(findPlaceNode(doc, 'a2')?.node.textContent).toContain('Понятия')
    expect(findPlaceNode(doc, 'gone')).toBeNull()
  })

  it('of a version, for positions on single provisions: parts, chapters, sections and articles in the order of the text', () => {
    const b = createBuilders('x')
    const withId = <T extends { attrs?: Record<string, unknown> }>(block: T, id: string): T => ({ ...block, attrs: { ...block.attrs, id } })
    const doc = b.law('Code', [], [
      withId(b.part('General part'), 'p1'),
      withId(b.chapter('Principles'), 'c1'),
      withId(b.article('Aims', [b.clause('Text.')]), 'a1'),
      withId(b.section('Scope'), 's1'),
      withId(b.article('Reach', [b.clause('Text.')]), 'a2'),
      withId(b.chapter('Definitions'), 'c2'),
      withId(b.article('Terms', [b.clause('Text.')]), 'a3'),
    ])
    expect(placesOfLaw(lawStructure(doc, 'ru')).map((p) => `${p.id} ${p.label}`)).toEqual([
      'title Название', 'preamble Преамбула', 'p1 Раздел I.', 'c1 Глава 1.', 'a1 Статья 1.', 's1 § 1.', 'a2 Статья 2.', 'c2 Глава 2.', 'a3 Статья 3.',
    ])
  })

  it('end with the conclusions, where a law has them, in the editor and in a version alike', () => {
    const b = createBuilders('x')
    const doc = docFromJSON(b.law('Закон', [], [{ ...b.article('Цели', [b.clause('Текст.')]), attrs: { id: 'a1' } }, b.conclusions(['Принят на пленарном заседании'])]))
    expect(placesOf(doc, 'ru').map((p) => `${p.id} ${p.label}`)).toEqual(['title Название', 'preamble Преамбула', 'a1 Статья 1.', 'conclusions Реквизиты'])
    expect(placesOfLaw(lawStructure(doc.toJSON(), 'en')).map((p) => `${p.id} ${p.label}`)).toEqual(['title Title', 'preamble Preamble', 'a1 Article 1.', 'conclusions Closing formula'])
    expect(findPlaceNode(doc, CONCLUSIONS_PLACE)?.node.textContent).toBe('Принят на пленарном заседании')
    expect(placeIdOf('conclusions', null)).toBe(CONCLUSIONS_PLACE)
    // An article whose id is that word (pasted from elsewhere) is not taken for them.
    expect(placeIdOf('article', CONCLUSIONS_PLACE)).toBeNull()
  })
})
