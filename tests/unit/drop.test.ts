import { describe, expect, it } from 'vitest'
import { TextSelection, type EditorState } from '@tiptap/pm/state'
import type { Node as PMNode } from '@tiptap/pm/model'
import { dropUnits } from '../../shared/editor/drop'
import { allIds, fixtureLaw, nodeWithId, stateFromJSON, topLevel } from '../helpers/editorState'

const state0 = stateFromJSON(fixtureLaw(true))

/** The fixture with the units `ids` selected from the start of the first's heading to the end of the last's text. */
function dragged(ids: string[]): { state: EditorState; units: PMNode[] } {
  const first = nodeWithId(state0.doc, ids[0])!
  const last = nodeWithId(state0.doc, ids.at(-1)!)!
  const from = first.pos + (first.node.type.name === 'article' ? 2 : 1)
  const to = last.pos + last.node.nodeSize - (last.node.type.name === 'article' ? 2 : 1)
  const state = state0.apply(state0.tr.setSelection(TextSelection.create(state0.doc, from, to)))
  return { state, units: ids.map((id) => nodeWithId(state0.doc, id)!.node) }
}

/** A position in the upper or lower half of unit `id` (its heading's text, or its last block's). */
function on(id: string, half: 'upper' | 'lower'): number {
  const { pos, node } = nodeWithId(state0.doc, id)!
  return half === 'upper' ? pos + 3 : pos + node.nodeSize - 3
}

function drop(ids: string[], at: number, moved = true): EditorState | null {
  const { state, units } = dragged(ids)
  const tr = dropUnits(state, units, at, moved)
  return tr && state.apply(tr)
}

describe('dropping whole articles and headings', () => {
  it('moved onto the lower half of a unit: after it, whole, with their ids and no shell left', () => {
    const next = drop(['art1'], on('art3', 'lower'))!
    expect(topLevel(next.doc)).toEqual(['lawTitle:Law', 'preamble:Preamble', 'chapter:General', 'article:Two', 'chapter:Final', 'article:Three', 'article:One'])
    expect(nodeWithId(next.doc, 'art1')!.node.eq(nodeWithId(state0.doc, 'art1')!.node)).toBe(true)
    expect(next.doc.textBetween(next.selection.from, next.selection.to, '|')).toBe('One|First paragraph.|Second paragraph:|a point,|a sub-point.')
  })

  it('moved onto the upper half of a unit: before it', () => {
    const next = drop(['art3'], on('art1', 'upper'))!
    expect(topLevel(next.doc)).toEqual(['lawTitle:Law', 'preamble:Preamble', 'chapter:General', 'article:Three', 'article:One', 'article:Two', 'chapter:Final'])
  })

  it('a chapter heading with its articles, moved; dropped on the title, they go before the first unit', () => {
    expect(topLevel(drop(['ch2', 'art3'], on('ch1', 'upper'))!.doc)).toEqual(['lawTitle:Law', 'preamble:Preamble', 'chapter:Final', 'article:Three', 'chapter:General', 'article:One', 'article:Two'])
    expect(topLevel(drop(['art2'], 3)!.doc).slice(0, 4)).toEqual(['lawTitle:Law', 'preamble:Preamble', 'article:Two', 'chapter:General'])
  })

  it('dropped onto themselves (or between them): nothing moves', () => {
    expect(drop(['art1'], on('art1', 'lower'))).toBeNull()
    expect(drop(['art1', 'art2'], on('art2', 'upper'))).toBeNull()
  })

  it('copied (not moved): the originals stay and the copy takes fresh ids', () => {
    const { state, units } = dragged(['art2'])
    // The id plugin (in the fixture's state) makes the copy's ids unique.
    const next = state.applyTransaction(dropUnits(state, units, on('art3', 'lower'), false)!).state
    expect(topLevel(next.doc).filter((u) => u === 'article:Two')).toHaveLength(2)
    const ids = allIds(next.doc).filter((id) => id !== null)
    expect(new Set(ids).size).toBe(ids.length)
  })
})
