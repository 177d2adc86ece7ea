import { describe, expect, it } from 'vitest'
import type { Command, EditorState } from '@tiptap/pm/state'
import { fixtureLaw, stateFromJSON, withCursorIn } from '../helpers/editorState'
import { xrefLeafText, xrefNumbersOf, xrefPlugin, xrefPluginKey } from '../../client/editor/xrefView'
import { numberingPlugin } from '../../shared/editor/numberingPlugin'
import { insertArticle } from '../../shared/editor/commands'
import { insertXref, canInsertXref } from '../../shared/editor/xrefCommands'

const words = { broken: 'broken', goTo: 'go' }

function start(): EditorState {
  return withCursorIn(stateFromJSON(fixtureLaw(), [numberingPlugin('en'), xrefPlugin('en', words)]), 'clause', 0, 'end')
}

function apply(state: EditorState, command: Command): EditorState {
  let next = state
  expect(command(state, (tr) => (next = state.apply(tr)))).toBe(true)
  return next
}

describe('cross-references in the editor state', () => {
  it('typing keeps the same xref state, so no reference is looked at and nothing is numbered again', () => {
    let state = apply(start(), insertXref('art2'))
    const numbers = xrefNumbersOf(state, 'en')
    expect(numbers.get('art2')).toBe('2')
    const before = xrefPluginKey.getState(state)
    for (const ch of 'typed words') state = state.apply(state.tr.insertText(ch))
    // The plugin view compares these objects and stops at once; the map is the memoised one.
    expect(xrefPluginKey.getState(state)).toBe(before)
    expect(xrefNumbersOf(state, 'en')).toBe(numbers)
  })

  it('a structural change gives a new state, and the numbers are worked out again', () => {
    let state = apply(start(), insertXref('art2'))
    const numbers = xrefNumbersOf(state, 'en')
    state = apply(state, insertArticle)
    expect(xrefPluginKey.getState(state)).not.toBe(xrefPluginKey.getState(start()))
    const after = xrefNumbersOf(state, 'en')
    expect(after).not.toBe(numbers)
    expect(after.get('art2')).toBe('3')
  })

  it('a reference goes only where the schema allows one: not in the title or a chapter heading', () => {
    expect(canInsertXref(start())).toBe(true)
    expect(canInsertXref(withCursorIn(start(), 'lawTitle', 0, 'end'))).toBe(false)
    expect(canInsertXref(withCursorIn(start(), 'chapter', 0, 'end'))).toBe(false)
    expect(canInsertXref(withCursorIn(start(), 'articleHeading', 0, 'end'))).toBe(true)
  })

  it('a quoted passage (a comment\'s) reads the reference as its number', () => {
    const state = apply(start(), insertXref('art2'))
    const { from } = state.selection
    expect(state.doc.textBetween(from - 11, from, '\n', xrefLeafText(state))).toBe('paragraph.2')
  })
})
