import { describe, expect, it } from 'vitest'
import { TextSelection, type EditorState } from '@tiptap/pm/state'
import { cutShellsPlugin } from '../../shared/editor/cutShells'
import { stableIdPlugin } from '../../shared/editor/idPlugin'
import { createBuilders } from '../../shared/seed/builders'
import { fixtureLaw, nodeWithId, posOfNth, stateFromJSON, topLevel, withId } from '../helpers/editorState'

/** The fixture with the text selected from `from` to `to` (positions) and cut (ProseMirror's own cut: delete the selection). */
function cut(from: number, to: number): EditorState {
  const state = stateFromJSON(fixtureLaw(true), [stableIdPlugin(), cutShellsPlugin()])
  const selected = state.apply(state.tr.setSelection(TextSelection.create(state.doc, from, to)))
  return selected.apply(selected.tr.deleteSelection().setMeta('uiEvent', 'cut'))
}

const state0 = stateFromJSON(fixtureLaw(true))
/** Start of the text of the `n`-th node of `type` (for an article: of its heading). */
const textStart = (type: string, n: number) => posOfNth(state0.doc, type, n) + (type === 'article' ? 2 : 1)
const textOfBare = (state: EditorState) => posOfNth(state.doc, 'article', 0) + 2
const articleEnd = (id: string) => {
  const { pos, node } = nodeWithId(state0.doc, id)!
  return pos + node.nodeSize - 2 // the end of its last block's text
}

describe('cutting whole articles and headings', () => {
  it('an article cut from the start of its heading to the end of its text goes whole, not as an empty shell', () => {
    const next = cut(textStart('article', 1), articleEnd('art2'))
    expect(topLevel(next.doc)).toEqual(['lawTitle:Law', 'preamble:Preamble', 'chapter:General', 'article:One', 'chapter:Final', 'article:Three'])
  })

  it('two articles and the chapter heading between them, from the first heading to the last text', () => {
    const next = cut(textStart('article', 1), articleEnd('art3'))
    expect(topLevel(next.doc)).toEqual(['lawTitle:Law', 'preamble:Preamble', 'chapter:General', 'article:One'])
  })

  it('a chapter heading cut from its start with its articles goes too', () => {
    const next = cut(textStart('chapter', 1), articleEnd('art3'))
    expect(topLevel(next.doc)).toEqual(['lawTitle:Law', 'preamble:Preamble', 'chapter:General', 'article:One', 'article:Two'])
  })

  it('a cut begun inside a heading, or leaving words in the article, leaves the article', () => {
    expect(topLevel(cut(textStart('article', 1) + 1, articleEnd('art2')).doc)).toContain('article:T')
    const partly = cut(textStart('article', 1), articleEnd('art2') - 3)
    expect(nodeWithId(partly.doc, 'art2')!.node.textContent).toBe('ph.')
  })

  it('a cut of a heading\'s words alone (to retitle it) leaves the chapter, or the article without text', () => {
    const chapterEnd = posOfNth(state0.doc, 'chapter', 1) + 1 + 'Final'.length
    expect(topLevel(cut(textStart('chapter', 1), chapterEnd).doc)).toContain('chapter:')
    const b = createBuilders('h')
    const state = stateFromJSON(b.law('L', [], [withId(b.article('Bare', []), 'bare')]), [stableIdPlugin(), cutShellsPlugin()])
    const selected = state.apply(state.tr.setSelection(TextSelection.create(state.doc, textOfBare(state), textOfBare(state) + 4)))
    const next = selected.apply(selected.tr.deleteSelection().setMeta('uiEvent', 'cut'))
    expect(nodeWithId(next.doc, 'bare')).not.toBeNull()
  })

  it('a plain delete (not a cut) is left as ProseMirror does it', () => {
    const state = stateFromJSON(fixtureLaw(true), [stableIdPlugin(), cutShellsPlugin()])
    const selected = state.apply(state.tr.setSelection(TextSelection.create(state.doc, textStart('article', 1), articleEnd('art2'))))
    const next = selected.apply(selected.tr.deleteSelection())
    expect(nodeWithId(next.doc, 'art2')).not.toBeNull()
  })
})
