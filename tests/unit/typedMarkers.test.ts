import { describe, expect, it } from 'vitest'
import type { EditorState } from '@tiptap/pm/state'
import { applyTypedMarker, kindOfTypedMarker, TYPED_MARKER, type MarkerPlace } from '../../shared/editor/typedMarkers'
import { numberDocument } from '../../shared/numbering'
import { bodyOf, cursorBlock, fixtureLaw, nodeWithId, stateFromJSON, withCursorIn } from '../helpers/editorState'

/** Types `marker` and a space at the start of the `n`-th block of `type`, as the input rule sees it (the space not yet in). */
function typeAtStart(state: EditorState, type: string, n: number, marker: string, language: 'en' | 'ru' = 'en'): EditorState | null {
  const at = withCursorIn(state, type, n, 'start')
  const typed = at.apply(at.tr.insertText(marker))
  const match = TYPED_MARKER.exec(`${marker} `)
  if (!match) return null
  const tr = typed.tr
  const from = typed.selection.from - marker.length
  return applyTypedMarker(tr, from, typed.selection.from, match[1], language) ? typed.apply(tr) : null
}

/** Article "One": c1 "First paragraph.", c2 "Second paragraph:", p1 "a point,", s1 "a sub-point."; Article "Two": c3. */
const law = () => stateFromJSON(fixtureLaw(true))

describe('numbers typed at the start of a block', () => {
  it('name the kind of block, as each language numbers it', () => {
    const afterSubpoint = { subpointFits: true }
    const afterParagraph = { subpointFits: false }
    const cases: [string, 'en' | 'ru', MarkerPlace, string | null][] = [
      ['2.', 'en', afterParagraph, 'clause'], ['1)', 'en', afterParagraph, 'point'], ['(3)', 'ru', afterSubpoint, 'point'],
      ['(2)', 'en', afterSubpoint, 'clause'], ['(a)', 'en', afterSubpoint, 'point'], ['b)', 'en', afterParagraph, 'point'],
      ['(ii)', 'en', afterSubpoint, 'subpoint'], ['(i)', 'en', afterParagraph, 'point'], ['а)', 'ru', afterSubpoint, 'subpoint'],
      ['б)', 'ru', afterParagraph, 'point'], ['a)', 'ru', afterSubpoint, 'subpoint'], ['(а)', 'en', afterSubpoint, 'subpoint'],
      ['-', 'en', afterSubpoint, null], ['Article', 'en', afterSubpoint, null],
      // Right after a point, sub-points open with their first label; any other letter goes on with the points.
      ['а)', 'ru', { subpointFits: true, afterPoint: 1 }, 'subpoint'], ['б)', 'ru', { subpointFits: true, afterPoint: 1 }, 'point'],
      ['(i)', 'en', { subpointFits: true, afterPoint: 3 }, 'subpoint'], ['(ii)', 'en', { subpointFits: true, afterPoint: 3 }, 'point'],
      ['(i)', 'en', { subpointFits: true, afterPoint: 8 }, 'point'], // after "(h)": the ninth point's letter
    ]
    for (const [marker, language, place, kind] of cases) expect(kindOfTypedMarker(marker, language, place), `${marker} ${language} ${JSON.stringify(place)}`).toBe(kind)
    expect(TYPED_MARKER.test('1) ')).toBe(true)
    expect(TYPED_MARKER.test('(iv) ')).toBe(true)
    expect(TYPED_MARKER.test('a. ')).toBe(false)
    expect(TYPED_MARKER.test('see 1) ')).toBe(false)
  })

  it('"(a) " at the start of a paragraph makes it a point, numbered by Accord; the block keeps its id', () => {
    const state = typeAtStart(law(), 'clause', 2, '(a)')! // c3, the only paragraph of Article "Two"
    expect(bodyOf(nodeWithId(state.doc, 'art2')!.node)).toEqual(['point:Only paragraph.'])
    expect(cursorBlock(state)).toEqual({ type: 'point', text: 'Only paragraph.', offset: 0 })
    expect(nodeWithId(state.doc, 'c3')!.node.type.name).toBe('point') // the block keeps its id
  })

  it('"(i) " after a point makes a sub-point; a typed paragraph number only goes, the paragraph stays one', () => {
    const b = bodyOf(nodeWithId(typeAtStart(law(), 'clause', 1, '2.')!.doc, 'art1')!.node)
    expect(b).toEqual(['clause:First paragraph.', 'clause:Second paragraph:', 'point:a point,', 'subpoint:a sub-point.'])
    const sub = typeAtStart(law(), 'subpoint', 0, '(i)')!
    expect(bodyOf(nodeWithId(sub.doc, 'art1')!.node)[3]).toBe('subpoint:a sub-point.')
    const labels = Object.fromEntries(numberDocument(sub.doc, 'en').map((n) => [n.id, n.label]))
    expect([labels.p1, labels.s1]).toEqual(['(a)', '(i)'])
  })

  it('right after a point, takes «б) » for the next point and «а) » for its first sub-point, as a drafter lists them', () => {
    // s1 stands right after p1, the first point of c2.
    expect(bodyOf(nodeWithId(typeAtStart(law(), 'subpoint', 0, 'б)', 'ru')!.doc, 'art1')!.node).slice(2)).toEqual(['point:a point,', 'point:a sub-point.'])
    expect(bodyOf(nodeWithId(typeAtStart(law(), 'subpoint', 0, 'а)', 'ru')!.doc, 'art1')!.node).slice(2)).toEqual(['point:a point,', 'subpoint:a sub-point.'])
    expect(bodyOf(nodeWithId(typeAtStart(law(), 'subpoint', 0, '(b)')!.doc, 'art1')!.node).slice(2)).toEqual(['point:a point,', 'point:a sub-point.'])
  })

  it('changes nothing where blocks would change owner: a paragraph with points of its own, a point with sub-points after it', () => {
    expect(typeAtStart(law(), 'clause', 1, '1)')).toBeNull() // c2 owns p1 and s1
    expect(typeAtStart(law(), 'point', 0, '3.')).toBeNull() // p1 owns s1
  })

  it('is only for an article\'s body and only at a block\'s start', () => {
    expect(typeAtStart(law(), 'articleHeading', 0, '1)')).toBeNull()
    expect(typeAtStart(law(), 'paragraph', 0, '1)')).toBeNull()
    const state = withCursorIn(law(), 'clause', 0, 3)
    const tr = state.tr
    expect(applyTypedMarker(tr, state.selection.from, state.selection.from, '1)', 'en')).toBe(false)
    expect(tr.steps).toHaveLength(0)
  })
})
