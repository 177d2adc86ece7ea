import { describe, expect, it } from 'vitest'
import type { Command } from '@tiptap/pm/state'
import { insertArticle, moveStructural, shiftLevel, splitStructural } from '../../shared/editor/commands'
import { docJSONOf } from '../../shared/ydoc'
import { nodeWithId } from '../helpers/editorState'
import { Network, caretAtEnd, expectConverged, textOf, typeAtEnd } from '../helpers/replicas'

/** Pastes two paragraphs at the end of `id`'s text. */
const pasteTwo: Command = (state, dispatch) => {
  const { clause } = state.schema.nodes
  const at = state.selection.$from.after()
  dispatch?.(state.tr.insert(at, [clause.create({ id: 'x1' }, state.schema.text('Pasted one.')), clause.create({ id: 'x2' }, state.schema.text('Pasted two.'))]))
  return true
}

/** Ada makes a change; Boris, having seen it, types into what it made; Ada presses Ctrl+Z. */
function undoAfterCoAuthor(change: (ada: Network['replicas'] extends Map<string, infer R> ? R : never) => void, typeInto: string, words: string): Network {
  const net = new Network(['ada', 'boris'])
  change(net.get('ada'))
  net.settle()
  typeAtEnd(net.get('boris').editor, typeInto, words)
  net.settle()
  net.get('ada').undo.undo()
  net.settle()
  expectConverged(net)
  return net
}

const ids = (net: Network) => docJSONOf(net.server).content!.map((n) => n.attrs?.id).filter(Boolean)

describe('Ctrl+Z after a co-author wrote into what the change made', () => {
  it('takes back a change of level and keeps the words typed into the re-levelled block', () => {
    const net = undoAfterCoAuthor((ada) => {
      caretAtEnd(ada.editor, 's1')
      expect(ada.editor.run(shiftLevel(-1))).toBe(true)
    }, 's1', ' BOB')
    for (const r of net.replicas.values()) expect(textOf(r, 's1')).toEqual({ type: 'subpoint', text: 'a sub-point. BOB' })
  })

  it('takes back a move and keeps the words typed into the moved article’s heading and paragraph', () => {
    const net = new Network(['ada', 'boris'])
    caretAtEnd(net.get('ada').editor, 'art1')
    expect(net.get('ada').editor.run(moveStructural(1))).toBe(true)
    net.settle()
    typeAtEnd(net.get('boris').editor, 'art1', ' BOB')
    typeAtEnd(net.get('boris').editor, 'c2', ' more')
    net.settle()
    net.get('ada').undo.undo()
    net.settle()
    expectConverged(net)
    expect(ids(net)).toEqual(['ch1', 'art1', 'art2'])
    for (const r of net.replicas.values()) {
      expect(textOf(r, 'art1').text).toBe('One BOB')
      expect(textOf(r, 'c2').text).toBe('Second paragraph: more')
    }
  })

  it('keeps a new article a co-author has written in, and removes one nobody wrote in', () => {
    const net = undoAfterCoAuthor((ada) => {
      caretAtEnd(ada.editor, 'art2')
      expect(ada.editor.run(insertArticle)).toBe(true)
    }, 'art2', ' too')
    expect(ids(net)).toEqual(['ch1', 'art1', 'art2'])
    const kept = docJSONOf(net.server).content!.at(-1)!
    expect(kept.type).toBe('article')
    // The new article was Ada's; a co-author wrote its heading.
    const fresh = new Network(['ada', 'boris'])
    caretAtEnd(fresh.get('ada').editor, 'art2')
    fresh.get('ada').editor.run(insertArticle)
    fresh.settle()
    const made = docJSONOf(fresh.server).content!.at(-1)!.attrs!.id as string
    typeAtEnd(fresh.get('boris').editor, made, 'Boris’s heading')
    fresh.settle()
    fresh.get('ada').undo.undo()
    fresh.settle()
    expectConverged(fresh)
    for (const r of fresh.replicas.values()) expect(textOf(r, made).text).toBe('Boris’s heading')
    // Nobody wrote in it: Ctrl+Z removes it, as before.
    const alone = new Network(['ada'])
    caretAtEnd(alone.get('ada').editor, 'art2')
    alone.get('ada').editor.run(insertArticle)
    alone.get('ada').undo.undo()
    alone.settle()
    expect(ids(alone)).toEqual(['ch1', 'art1', 'art2'])
  })

  it('keeps a point split off with Enter that a co-author typed into; the split-off words go back where they were', () => {
    const net = new Network(['ada', 'boris'])
    const ada = net.get('ada').editor
    const c2 = nodeWithId(ada.state.doc, 'c2')!
    ada.select(c2.pos + 1 + 'Second'.length)
    expect(ada.run(splitStructural)).toBe(true)
    net.settle()
    const article = docJSONOf(net.server).content!.find((n) => n.attrs?.id === 'art1')!
    const made = article.content!.map((n) => n.attrs?.id as string).find((id) => !['c1', 'c2', 'p1', 's1', undefined].includes(id))!
    typeAtEnd(net.get('boris').editor, made, ' BOB')
    net.settle()
    net.get('ada').undo.undo()
    net.settle()
    expectConverged(net)
    for (const r of net.replicas.values()) {
      expect(textOf(r, 'c2').text).toBe('Second paragraph:')
      expect(textOf(r, made).text).toBe(' BOB')
    }
  })

  it('takes back a paste, keeping the pasted paragraph a co-author corrected and only their words in it', () => {
    const net = undoAfterCoAuthor((ada) => {
      caretAtEnd(ada.editor, 'c3')
      expect(ada.editor.run(pasteTwo)).toBe(true)
    }, 'x1', ', corrected')
    for (const r of net.replicas.values()) {
      expect(nodeWithId(r.editor.state.doc, 'x2')).toBeUndefined()
      expect(textOf(r, 'x1').text).toBe(', corrected')
      expect(textOf(r, 'c3').text).toBe('Only paragraph.')
    }
  })

  it('redo after such an undo brings the change back with the co-author’s words, once', () => {
    const net = undoAfterCoAuthor((ada) => {
      caretAtEnd(ada.editor, 's1')
      ada.editor.run(shiftLevel(-1))
    }, 's1', ' BOB')
    net.get('ada').undo.redo()
    net.settle()
    expectConverged(net)
    for (const r of net.replicas.values()) expect(textOf(r, 's1')).toEqual({ type: 'point', text: 'a sub-point. BOB' })
  })
})
