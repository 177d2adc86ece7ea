import { describe, expect, it } from 'vitest'
import { TextSelection, type EditorState } from '@tiptap/pm/state'
import { createBuilders } from '../../shared/seed/builders'
import { deleteStructural } from '../../shared/editor/commands'
import { joinBackward } from '@tiptap/pm/commands'
import { caretInSameBlock } from '../../client/editor/sameBlockCaret'
import { cursorBlock, run, stateFromJSON, withCursorIn } from '../helpers/editorState'

function law(): EditorState {
  const b = createBuilders('t')
  return stateFromJSON(b.law('L', ['Preamble.'], [
    b.article('One', [b.clause('In this Law:'), b.point('first point;'), b.point('second point;'), b.point('third point.')]),
    b.article('Two', [b.clause('Text two.')]),
  ]))
}

/** Where a caret at `caret` goes once a co-author's change turned `before` into `after`. */
function caretAfter(before: EditorState, after: EditorState, followDeleted = true) {
  return caretInSameBlock(before.doc, after.doc, before.selection.head, null, followDeleted)
}

const at = (state: EditorState, pos: number) => cursorBlock(state.apply(state.tr.setSelection(TextSelection.create(state.doc, pos))))

describe('the caret of someone whose block a co-author takes away', () => {
  it('goes to the start of the next block still there, not to its own offset in whatever took the deleted block\'s place', () => {
    const mine = withCursorIn(law(), 'point', 1, 'end') // at the end of "second point;"
    const theirs = run(withCursorIn(law(), 'point', 1, 3), deleteStructural).state
    const moved = caretAfter(mine, theirs)
    expect(moved?.deleted).toBe(true)
    expect(at(theirs, moved!.pos)).toEqual({ type: 'point', text: 'third point.', offset: 0 })
  })

  it('goes to the next article\'s heading when its whole article goes, and to the end of the last block when nothing follows', () => {
    const mine = withCursorIn(law(), 'point', 0, 'end')
    const withoutOne = run(withCursorIn(law(), 'articleHeading', 0), deleteStructural).state
    expect(at(withoutOne, caretAfter(mine, withoutOne)!.pos)).toEqual({ type: 'articleHeading', text: 'Two', offset: 0 })
    const inTwo = withCursorIn(law(), 'clause', 1, 4)
    const withoutTwo = run(withCursorIn(law(), 'articleHeading', 1), deleteStructural).state
    expect(at(withoutTwo, caretAfter(inTwo, withoutTwo)!.pos)).toEqual({ type: 'point', text: 'third point.', offset: 12 })
  })

  it('stays with its words when the block is joined to the one before it', () => {
    const mine = withCursorIn(law(), 'point', 1, 6) // "second| point;"
    const joined = run(withCursorIn(law(), 'point', 1, 'start'), joinBackward).state
    const moved = caretAfter(mine, joined)
    expect(moved?.deleted).toBe(false)
    expect(at(joined, moved!.pos)).toEqual({ type: 'point', text: 'first point;second point;', offset: 18 })
  })

  it('is left to the undo\'s own placement when not followed, and to Yjs when its block is still there', () => {
    const mine = withCursorIn(law(), 'point', 1, 'end')
    const theirs = run(withCursorIn(law(), 'point', 1, 3), deleteStructural).state
    expect(caretAfter(mine, theirs, false)).toBeNull()
    expect(caretInSameBlock(mine.doc, mine.doc, mine.selection.head, mine.selection.head, true)).toBeNull()
  })
})
