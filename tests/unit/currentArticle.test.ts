import { describe, expect, it } from 'vitest'
import type { EditorState } from '@tiptap/pm/state'
import { currentArticleKey, currentArticlePlugin } from '../../client/editor/currentArticle'
import { insertArticle, moveStructural } from '../../shared/editor/commands'
import { fixtureLaw, nodeWithId, posOfNth, run, stateFromJSON, withCursorIn } from '../helpers/editorState'
import { stableIdPlugin } from '../../shared/editor/idPlugin'

/** The ranges the plugin marks (node decorations with the current-article class). */
function marked(state: EditorState): { from: number; to: number }[] {
  const set = currentArticleKey.getState(state)!.decorations
  return set.find(undefined, undefined, (spec) => spec.currentArticle === true).map(({ from, to }) => ({ from, to }))
}

function articleRange(state: EditorState, n: number): { from: number; to: number } {
  const from = posOfNth(state.doc, 'article', n)
  return { from, to: from + state.doc.nodeAt(from)!.nodeSize }
}

describe('currentArticlePlugin (the article holding the caret is always rendered)', () => {
  const create = () => stateFromJSON(fixtureLaw(true), [stableIdPlugin(), currentArticlePlugin()])

  it('marks the article holding the caret, and nothing when the caret is outside articles', () => {
    const inSecond = withCursorIn(create(), 'clause', 2, 3)
    expect(marked(inSecond)).toEqual([articleRange(inSecond, 1)])
    const inChapter = withCursorIn(create(), 'chapter', 1, 'end')
    expect(marked(inChapter)).toEqual([])
  })

  it('marks a new article as soon as the caret is put in it, and follows typing and moves', () => {
    const added = run(withCursorIn(create(), 'articleHeading', 0), insertArticle).state
    expect(marked(added)).toEqual([articleRange(added, 1)])
    expect(added.doc.nodeAt(articleRange(added, 1).from)!.firstChild!.textContent).toBe('')
    const typed = added.apply(added.tr.insertText('New heading'))
    expect(marked(typed)).toEqual([articleRange(typed, 1)])
    // Moved down past the next article: the mark goes with it.
    const moved = run(typed, moveStructural(1)).state
    const id = typed.doc.nodeAt(articleRange(typed, 1).from)!.attrs.id as string
    const { pos } = nodeWithId(moved.doc, id)!
    expect(marked(moved)).toEqual([{ from: pos, to: pos + moved.doc.nodeAt(pos)!.nodeSize }])
  })

  it('maps the mark through typing in the article and edits before it, rather than placing it anew', () => {
    const inThird = withCursorIn(create(), 'clause', 3, 3)
    const spec = () => currentArticleKey.getState(state)!.decorations.find()[0].spec
    let state = inThird
    const before = spec()
    state = state.apply(state.tr.insertText('typed '))
    // Text typed before the article, where another person is writing.
    const earlier = posOfNth(state.doc, 'clause', 0) + 1
    state = state.apply(state.tr.insertText('elsewhere ', earlier))
    expect(marked(state)).toEqual([articleRange(state, 2)])
    // The same decoration, carried along (placing it anew walks every top-level node).
    expect(spec()).toBe(before)
  })
})
