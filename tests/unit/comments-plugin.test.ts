import { describe, expect, it } from 'vitest'
import { EditorState, type Transaction } from '@tiptap/pm/state'
import { Slice } from '@tiptap/pm/model'
import { ySyncPluginKey } from '@tiptap/y-tiptap'
import { commentsPlugin, commentsPluginKey, currentHighlights, threadsAt, type Highlight } from '../../client/comments/commentsPlugin'
import { docFromJSON } from '../../shared/schema'
import { createBuilders } from '../../shared/seed/builders'

/**
 * The highlights between two placements: mapped through local edits (typing at an edge does not
 * grow them), and through a remote change that the Yjs binding applies as "replace everything".
 */

const WORDS = 'guided by principles'

function setup() {
  const b = createBuilders('h')
  const doc = docFromJSON(b.law('Title', [], [b.article('Principles', [b.clause(`Measures shall be ${WORDS}.`)]), b.article('Other', [b.clause('More text.')])]))
  let state = EditorState.create({ doc, plugins: [commentsPlugin({ onClickThreads: () => {}, onRemoteChange: () => {} })] })
  let from = -1
  state.doc.descendants((node, pos) => {
    if (node.isText && node.text!.includes(WORDS)) from = pos + node.text!.indexOf(WORDS)
  })
  const highlight: Highlight = { threadId: 't1', from, to: from + WORDS.length, resolved: false }
  const inner: Highlight = { threadId: 't2', from: from + 7, to: from + 9, resolved: false }
  state = state.apply(state.tr.setMeta(commentsPluginKey, { highlights: [highlight, inner], active: null }))
  return { state, from }
}

const textOf = (state: EditorState, h: Highlight | undefined) => (h ? state.doc.textBetween(h.from, h.to) : null)
const byId = (state: EditorState, id: string) => currentHighlights(state).find((h) => h.threadId === id)

/** What the Yjs binding dispatches for a remote change: the whole document replaced. */
function remote(state: EditorState, edit: (tr: Transaction) => void): Transaction {
  const changed = state.tr
  edit(changed)
  return state.tr.replace(0, state.doc.content.size, new Slice(changed.doc.content, 0, 0)).setMeta(ySyncPluginKey, { isChangeOrigin: true })
}

describe('comment highlights', () => {
  it('map through local typing: edges stay outside, the inside grows', () => {
    const { state, from } = setup()
    let next = state.apply(state.tr.insertText('X', from + WORDS.length)) // at the end edge
    next = next.apply(next.tr.insertText('Y', from)) // at the start edge
    next = next.apply(next.tr.insertText('-', from + 1 + 6)) // inside
    expect(textOf(next, byId(next, 't1'))).toBe('guided- by principles')
    expect(next.doc.textContent).toContain('Yguided- by principlesX')
  })

  it('survive a remote change applied as a replacement of the whole document', () => {
    const { state, from } = setup()
    const next = state.apply(remote(state, (tr) => tr.insertText('Newly ', from - 8)))
    expect(textOf(next, byId(next, 't1'))).toBe(WORDS)
    expect(textOf(next, byId(next, 't2'))).toBe('by')
    // Remote typing inside the passage keeps it whole too.
    const inside = next.apply(remote(next, (tr) => tr.insertText('all ', byId(next, 't1')!.from + 10)))
    expect(textOf(inside, byId(inside, 't1'))).toBe('guided by all principles')
    // Without that, mapping through "replace everything" would drop every highlight.
    const naive = state.apply(state.tr.replace(0, state.doc.content.size, new Slice(state.doc.content, 0, 0)))
    expect(currentHighlights(naive)).toEqual([])
  })

  it('report the threads under a click, innermost first', () => {
    const { state, from } = setup()
    expect(threadsAt(state, from + 8)).toEqual(['t2', 't1'])
    expect(threadsAt(state, from + 2)).toEqual(['t1'])
    expect(threadsAt(state, from - 3)).toEqual([])
  })

  it('mark the active thread', () => {
    const { state } = setup()
    const next = state.apply(state.tr.setMeta(commentsPluginKey, { active: 't2' }))
    const specs = commentsPluginKey.getState(next)!.decorations.find().map((d) => d.spec as { threadId: string; active: boolean })
    expect(specs.filter((s) => s.active).map((s) => s.threadId)).toEqual(['t2'])
  })
})
