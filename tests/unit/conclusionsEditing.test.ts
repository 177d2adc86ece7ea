import { describe, expect, it } from 'vitest'
import { chainCommands, joinBackward } from '@tiptap/pm/commands'
import { TextSelection, type Command, type EditorState } from '@tiptap/pm/state'
import { createBuilders } from '../../shared/seed/builders'
import { goToConclusions } from '../../shared/editor/conclusions'
import { deleteStructural, insertArticle, insertChapter, moveStructural, splitStructural } from '../../shared/editor/commands'
import { backspaceAtBoundary } from '../../shared/editor/blockBoundaries'
import { pasteFragment } from '../../shared/editor/paste'
import { dropUnits } from '../../shared/editor/drop'
import { recogniseFragment } from '../../shared/import/fragment'
import { textBlocks } from '../../shared/import/text'
import { cursorBlock, fixtureLaw, nodeWithId, posOfNth, run, stateFromJSON, topLevel, withCursorIn } from '../helpers/editorState'

/** The conclusions (adoption note, signature) close the law: nothing structural may come after them. */

const ADOPTED = 'Adopted at the 31st plenary session (resolution No. 31-11).'

/** Title "Law", preamble, Chapter "General" [Article "One", Article "Two"], Chapter "Final" [Article "Three"], then the conclusions. */
function law(paragraphs = [ADOPTED]): EditorState {
  const json = fixtureLaw(true)
  json.content!.push(createBuilders('c').conclusions(paragraphs))
  return stateFromJSON(json)
}

function press(state: EditorState, command: Command): EditorState {
  const res = run(state, command)
  expect(res.ok).toBe(true)
  expect(() => res.state.doc.check()).not.toThrow()
  return res.state
}

const inConclusions = (state: EditorState, where: 'start' | 'end' = 'end', n = 0) => {
  const pos = posOfNth(state.doc, 'conclusions') + 1 + [...Array(n)].reduce((p: number, _, i) => p + state.doc.lastChild!.child(i).nodeSize, 0)
  const paragraph = state.doc.nodeAt(pos)!
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, pos + 1 + (where === 'end' ? paragraph.content.size : 0))))
}

const LAW = ['lawTitle:Law', 'preamble:Preamble', 'chapter:General', 'article:One', 'article:Two', 'chapter:Final', 'article:Three']

describe('the toolbar\'s "Closing formula"', () => {
  it('adds the conclusions after the last article, empty, with the caret in them', () => {
    const state = press(withCursorIn(stateFromJSON(fixtureLaw(true)), 'clause', 0), goToConclusions)
    expect(topLevel(state.doc)).toEqual([...LAW, 'conclusions:'])
    expect(state.selection.$from.node(1).type.name).toBe('conclusions')
  })

  it('goes to the end of the conclusions a law has, adding none', () => {
    const before = withCursorIn(law(), 'clause', 0)
    const state = press(before, goToConclusions)
    expect(state.doc.eq(before.doc)).toBe(true)
    expect(cursorBlock(state)).toEqual({ type: 'paragraph', text: ADOPTED, offset: ADOPTED.length })
  })
})

describe('adding and moving structure next to the conclusions', () => {
  it('an article or a chapter added from the conclusions goes before them, as the last of the law', () => {
    let state = press(inConclusions(law()), insertArticle)
    expect(topLevel(state.doc)).toEqual([...LAW, 'article:', `conclusions:${ADOPTED}`])
    expect(cursorBlock(state).type).toBe('articleHeading')
    state = press(inConclusions(law()), insertChapter)
    expect(topLevel(state.doc)).toEqual([...LAW, 'chapter:', `conclusions:${ADOPTED}`])
  })

  it('an article added after the last one comes before the conclusions', () => {
    const state = press(withCursorIn(law(), 'clause', 3), insertArticle)
    expect(topLevel(state.doc)).toEqual([...LAW, 'article:', `conclusions:${ADOPTED}`])
  })

  it('the last article and the last chapter cannot move down past the conclusions; the last chapter moves up without them', () => {
    expect(run(withCursorIn(law(), 'clause', 3), moveStructural(1)).ok).toBe(false)
    expect(run(withCursorIn(law(), 'chapter', 1), moveStructural(1)).ok).toBe(false)
    const state = press(withCursorIn(law(), 'chapter', 1), moveStructural(-1))
    expect(topLevel(state.doc)).toEqual(['lawTitle:Law', 'preamble:Preamble', 'chapter:Final', 'article:Three', 'chapter:General', 'article:One', 'article:Two', `conclusions:${ADOPTED}`])
  })

  it('Enter in the conclusions starts their next paragraph (ProseMirror\'s split, not a structural one)', () => {
    expect(run(inConclusions(law()), splitStructural).ok).toBe(false)
  })

  it('the element\'s delete (Ctrl+Shift+Backspace) in the conclusions removes them, the caret going to the last article', () => {
    const state = press(inConclusions(law()), deleteStructural)
    expect(topLevel(state.doc)).toEqual(LAW)
    expect(cursorBlock(state)).toEqual({ type: 'clause', text: 'Entry into force.', offset: 'Entry into force.'.length })
  })
})

describe('Backspace at the conclusions', () => {
  const backspace: Command = chainCommands(backspaceAtBoundary, joinBackward)

  it('at the start of their words steps into the last article: nothing joins', () => {
    const before = inConclusions(law(), 'start')
    const state = press(before, backspace)
    expect(state.doc.eq(before.doc)).toBe(true)
    expect(cursorBlock(state)).toEqual({ type: 'clause', text: 'Entry into force.', offset: 'Entry into force.'.length })
  })

  it('in conclusions left empty removes them, as in an article added by mistake', () => {
    const state = press(inConclusions(law([''])), backspace)
    expect(topLevel(state.doc)).toEqual(LAW)
    expect(cursorBlock(state).type).toBe('clause')
  })

  it('joins two of their paragraphs', () => {
    const state = press(inConclusions(law(['Adopted', ' in Minsk.']), 'start', 1), backspace)
    expect(topLevel(state.doc)).toEqual([...LAW, 'conclusions:Adopted in Minsk.'])
  })
})

describe('pasting and dropping at the conclusions', () => {
  const fragment = (text: string) => recogniseFragment(textBlocks(text).blocks)

  it('lines pasted in the conclusions become their paragraphs; articles pasted there go before them', () => {
    const state0 = inConclusions(law())
    let tr = pasteFragment(state0, fragment('Minsk\n3 April 2008'))!
    let state = state0.apply(tr)
    expect(() => state.doc.check()).not.toThrow()
    expect(topLevel(state.doc)).toEqual([...LAW, `conclusions:${ADOPTED}Minsk3 April 2008`])
    expect(state.doc.lastChild!.childCount).toBe(3)

    tr = pasteFragment(state0, fragment('Article 9. Repeal\n1. The old law is repealed.\nArticle 10. Entry into force\n1. On publication.'))!
    state = state0.apply(tr)
    expect(() => state.doc.check()).not.toThrow()
    expect(topLevel(state.doc)).toEqual([...LAW, 'article:Repeal', 'article:Entry into force', `conclusions:${ADOPTED}`])
  })

  it('articles dropped on the conclusions go before them', () => {
    const state0 = law()
    const one = nodeWithId(state0.doc, 'art1')!
    const selected = state0.apply(state0.tr.setSelection(TextSelection.create(state0.doc, one.pos + 2, one.pos + one.node.nodeSize - 2)))
    // On their first words, and on their last.
    for (const at of [posOfNth(state0.doc, 'conclusions') + 3, state0.doc.content.size - 3]) {
      const state = selected.apply(dropUnits(selected, [one.node], at, true)!)
      expect(topLevel(state.doc)).toEqual(['lawTitle:Law', 'preamble:Preamble', 'chapter:General', 'article:Two', 'chapter:Final', 'article:Three', 'article:One', `conclusions:${ADOPTED}`])
    }
  })
})

describe('conclusions that two people\'s edits left elsewhere, or twice', () => {
  it('the toolbar\'s "Closing formula" gathers them at the end, as one, in their order', () => {
    const json = fixtureLaw(true)
    const b = createBuilders('c')
    json.content!.splice(4, 0, b.conclusions(['Adopted in Minsk.']))
    json.content!.push(b.conclusions(['3 April 2008']))
    const before = withCursorIn(stateFromJSON(json), 'clause', 0)
    expect(topLevel(before.doc)).toEqual([...LAW.slice(0, 4), 'conclusions:Adopted in Minsk.', ...LAW.slice(4), 'conclusions:3 April 2008'])
    const state = press(before, goToConclusions)
    expect(topLevel(state.doc)).toEqual([...LAW, 'conclusions:Adopted in Minsk.3 April 2008'])
    expect(state.doc.lastChild!.childCount).toBe(2)
    expect(cursorBlock(state)).toEqual({ type: 'paragraph', text: '3 April 2008', offset: 12 })
  })
})
