import { describe, expect, it } from 'vitest'
import { selectDocumentEdge } from '../../shared/editor/documentEdges'
import { cursorBlock, fixtureLaw, run, stateFromJSON, withCursorIn } from '../helpers/editorState'

describe('selectDocumentEdge (Ctrl+End, Ctrl+Home)', () => {
  const inArticleOne = () => withCursorIn(stateFromJSON(fixtureLaw(true)), 'clause', 1, 3)

  it('puts the caret at the end of the last article’s text, scrolled into view', () => {
    const res = run(inArticleOne(), selectDocumentEdge('end'))
    expect(res.ok).toBe(true)
    expect(res.state.selection.empty).toBe(true)
    expect(cursorBlock(res.state)).toEqual({ type: 'clause', text: 'Entry into force.', offset: 'Entry into force.'.length })
    expect(res.trs[0].scrolledIntoView).toBe(true)
  })

  it('puts the caret at the start of the title', () => {
    const res = run(inArticleOne(), selectDocumentEdge('start'))
    expect(cursorBlock(res.state)).toEqual({ type: 'lawTitle', text: 'Law', offset: 0 })
    expect(res.trs[0].scrolledIntoView).toBe(true)
  })

  it('with Shift, extends the selection from where it was', () => {
    const state = inArticleOne()
    const from = state.selection.from
    const toEnd = run(state, selectDocumentEdge('end', true)).state
    expect([toEnd.selection.anchor, toEnd.selection.head]).toEqual([from, toEnd.doc.content.size - 2])
    expect(toEnd.doc.textBetween(toEnd.selection.from, toEnd.selection.to, '|')).toMatch(/^ond paragraph:\|.*\|Entry into force\.$/)
    const toStart = run(state, selectDocumentEdge('start', true)).state
    expect([toStart.selection.anchor, toStart.selection.head]).toEqual([from, 1])
  })
})
