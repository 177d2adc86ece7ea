import { describe, expect, it } from 'vitest'
import { TextSelection, type Command, type EditorState } from '@tiptap/pm/state'
import { chainCommands, joinBackward, joinForward } from '@tiptap/pm/commands'
import { backspaceAtBoundary, deleteAtBoundary } from '../../shared/editor/blockBoundaries'
import { insertArticle, insertChapter, splitStructural } from '../../shared/editor/commands'
import { createBuilders } from '../../shared/seed/builders'
import { allIds, cursorBlock, fixtureLaw, run, stateFromJSON, topLevel, withCursorIn, type Where } from '../helpers/editorState'

// As the editor's keys run them: ours first, then TipTap's own join.
const backspace: Command = chainCommands(backspaceAtBoundary, joinBackward)
const del: Command = chainCommands(deleteAtBoundary, joinForward)

/** Title "Law", preamble, Chapter "General" [Article "One" (c1, c2, p1, s1), Article "Two" (c3)], Chapter "Final" [Article "Three" (c4)]. */
const law = () => stateFromJSON(fixtureLaw(true))
const at = (type: string, n: number, where: Where) => withCursorIn(law(), type, n, where)

function press(state: EditorState, command: Command): EditorState {
  const res = run(state, command)
  expect(res.ok).toBe(true)
  expect(() => res.state.doc.check()).not.toThrow()
  return res.state
}

/** The key changed nothing in the law and only moved the caret, to `where`. */
function expectStepped(before: EditorState, after: EditorState, where: ReturnType<typeof cursorBlock>): void {
  expect(after.doc.eq(before.doc)).toBe(true)
  expect(cursorBlock(after)).toEqual(where)
}

/** Deletes the words of the block the caret is in. */
const emptyBlock: Command = (state, dispatch) => {
  const { $from } = state.selection
  dispatch?.(state.tr.delete($from.start(), $from.end()))
  return true
}

/** Pressing `key` in `state` only moves the caret, to `where`. */
function expectKeySteps(state: EditorState, key: Command, where: ReturnType<typeof cursorBlock>): void {
  expectStepped(state, press(state, key), where)
}

describe('Backspace and Delete across the structure', () => {
  it('Backspace at the start of an article\'s first paragraph steps into the heading; its words never join the heading', () => {
    const state = at('clause', 0, 'start')
    // What the plain join would do: the paragraph's words in the heading, the paragraph (c1) gone.
    const joined = run(state, joinBackward).state
    expect(joined.doc.child(3).firstChild!.textContent).toBe('OneFirst paragraph.')
    expect(allIds(joined.doc)).not.toContain('c1')

    expectKeySteps(state, backspace, { type: 'articleHeading', text: 'One', offset: 3 })
  })

  it('Delete at the end of an article heading steps into the first paragraph', () => {
    expectKeySteps(at('articleHeading', 0, 'end'), del, { type: 'clause', text: 'First paragraph.', offset: 0 })
  })

  it('a heading never joins the block before it: an article\'s, a chapter\'s after an article, the first chapter\'s after the preamble', () => {
    expectKeySteps(at('articleHeading', 1, 'start'), backspace, { type: 'subpoint', text: 'a sub-point.', offset: 12 })
    expectKeySteps(at('chapter', 1, 'start'), backspace, { type: 'clause', text: 'Only paragraph.', offset: 15 })
    const state = at('chapter', 0, 'start')
    const plainJoin = run(state, joinBackward).state
    expect(topLevel(plainJoin.doc)).not.toContain('chapter:General')
    expectKeySteps(state, backspace, { type: 'paragraph', text: 'Preamble', offset: 8 })
  })

  it('Delete at the end of an article\'s last block, or of the preamble, steps into the heading after it', () => {
    expectKeySteps(at('clause', 2, 'end'), del, { type: 'chapter', text: 'Final', offset: 0 })
    expectKeySteps(at('paragraph', 0, 'end'), del, { type: 'chapter', text: 'General', offset: 0 })
  })

  it('two headings side by side (a chapter\'s and its first section\'s) never join', () => {
    const b = createBuilders('h')
    const state = stateFromJSON(b.law('L', ['P'], [b.chapter('General'), b.section('Scope'), b.article('One', [b.clause('Text.')])]))
    expectKeySteps(withCursorIn(state, 'section', 0, 'start'), backspace, { type: 'chapter', text: 'General', offset: 7 })
    expectKeySteps(withCursorIn(state, 'chapter', 0, 'end'), del, { type: 'section', text: 'Scope', offset: 0 })
  })

  it('the preamble never joins the title', () => {
    expectKeySteps(at('paragraph', 0, 'start'), backspace, { type: 'lawTitle', text: 'Law', offset: 3 })
    expectKeySteps(at('lawTitle', 0, 'end'), del, { type: 'paragraph', text: 'Preamble', offset: 0 })
  })

  it('words still join within an article\'s body: a paragraph into the one before, a point into its paragraph', () => {
    let state = press(at('clause', 1, 'start'), backspace)
    expect(cursorBlock(state)).toEqual({ type: 'clause', text: 'First paragraph.Second paragraph:', offset: 16 })
    state = press(at('clause', 1, 'end'), del)
    expect(cursorBlock(state)).toEqual({ type: 'clause', text: 'Second paragraph:a point,', offset: 17 })
  })

  it('an article added by mistake goes with one Backspace in its empty heading, and nothing else does', () => {
    const added = press(at('subpoint', 0, 'end'), insertArticle)
    expect(topLevel(added.doc)).toContain('article:')
    const state = press(added, backspace)
    expect(topLevel(state.doc)).toEqual(topLevel(law().doc))
    expect(allIds(state.doc)).toEqual(allIds(law().doc))
    expect(cursorBlock(state)).toEqual({ type: 'subpoint', text: 'a sub-point.', offset: 12 })
    // Delete in it does the same, the caret going on to the next article.
    const deleted = press(added, del)
    expect(allIds(deleted.doc)).toEqual(allIds(law().doc))
    expect(cursorBlock(deleted)).toEqual({ type: 'articleHeading', text: 'Two', offset: 0 })
  })

  it('an empty first paragraph goes with Backspace, the caret at the heading\'s end; an empty chapter heading with Backspace or Delete', () => {
    const opened = press(at('articleHeading', 1, 'end'), splitStructural) // Enter: an empty first paragraph
    expect(cursorBlock(opened)).toEqual({ type: 'clause', text: '', offset: 0 })
    let state = press(opened, backspace)
    expect(allIds(state.doc)).toEqual(allIds(law().doc))
    expect(cursorBlock(state)).toEqual({ type: 'articleHeading', text: 'Two', offset: 3 })

    const chapter = press(at('subpoint', 0, 'end'), insertChapter)
    state = press(chapter, backspace)
    expect(state.doc.eq(law().doc)).toBe(true)
    expect(cursorBlock(state)).toEqual({ type: 'subpoint', text: 'a sub-point.', offset: 12 })
    // From the end of the block before it, Delete removes it and the caret stays.
    const before = chapter.apply(chapter.tr.setSelection(TextSelection.create(chapter.doc, at('subpoint', 0, 'end').selection.from)))
    state = press(before, del)
    expect(state.doc.eq(law().doc)).toBe(true)
    expect(cursorBlock(state)).toEqual({ type: 'subpoint', text: 'a sub-point.', offset: 12 })
  })

  it('an article whose heading is empty but whose body has words stays: Backspace steps over the heading', () => {
    const headless = press(at('articleHeading', 1, 'start'), emptyBlock)
    const state = withCursorIn(headless, 'clause', 2, 'start')
    expectKeySteps(state, backspace, { type: 'articleHeading', text: '', offset: 0 })
    expectKeySteps(press(state, backspace), backspace, { type: 'subpoint', text: 'a sub-point.', offset: 12 })
  })

  it('a lone preamble paragraph stays when empty', () => {
    expectKeySteps(press(at('paragraph', 0, 'end'), emptyBlock), backspace, { type: 'lawTitle', text: 'Law', offset: 3 })
  })
})
