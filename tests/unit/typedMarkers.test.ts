import { describe, expect, it } from 'vitest'
import type { EditorState } from '@tiptap/pm/state'
import { applyTypedMarker, kindOfTypedMarker, TYPED_MARKER } from '../../shared/editor/typedMarkers'
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
    const cases: [string, 'en' | 'ru', boolean, string | null][] = [
      ['2.', 'en', false, 'clause'], ['1)', 'en', false, 'point'], ['(3)', 'ru', true, 'point'], ['(2)', 'en', true, 'clause'],
      ['(a)', 'en', true, 'point'], ['b)', 'en', false, 'point'], ['(ii)', 'en', true, 'subpoint'], ['(i)', 'en', false, 'point'],
      ['а)', 'ru', true, 'subpoint'], ['б)', 'ru', false, 'point'], ['a)', 'ru', true, 'subpoint'], ['(а)', 'en', true, 'subpoint'],
      ['-', 'en', true, null], ['Article', 'en', true, null],
    ]
    for (const [marker, language, fits, kind] of cases) expect(kindOfTypedMarker(marker, language, fits), `${marker} ${language}`).toBe(kind)
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
