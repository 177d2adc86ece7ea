import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { EditorState, type Transaction } from '@tiptap/pm/state'
import { Slice } from '@tiptap/pm/model'
import { initProseMirrorDoc, ySyncPluginKey } from '@tiptap/y-tiptap'
import { passageRangesIn } from '../../client/comments/anchors'
import type { BindingLike } from '../../client/comments/editorPositions'
import { commentsPlugin, commentsPluginKey, currentHighlights, threadsAt, type Highlight } from '../../client/comments/commentsPlugin'
import { createAnchor, decodeAnchor, textOfBlock } from '../../shared/comments/anchor'
import { legalSchema } from '../../shared/schema'
import { createBuilders } from '../../shared/seed/builders'
import { writeDocJSON } from '../../shared/ydoc'
import { TEXT_FIELD } from '../../shared/protocol'

/**
 * The highlights between two placements of every thread: mapped through local edits (typing at
 * an edge does not grow them), and placed again from their relative positions after a remote
 * change, which the Yjs binding applies as "replace the whole document" — simulated here as the
 * binding does it: the ProseMirror document and the mapping rebuilt from the Y.Doc.
 */

const WORDS = 'guided by principles'

function setup() {
  const relocated: string[] = []
  const b = createBuilders('h')
  const ydoc = new Y.Doc()
  writeDocJSON(ydoc, b.law('Title', [], [b.article('Principles', [b.clause(`Measures shall be ${WORDS}.`)]), b.article('Other', [b.clause('More text.')])]))
  const fragment = ydoc.getXmlFragment(TEXT_FIELD)
  const initial = initProseMirrorDoc(fragment, legalSchema)
  const binding: BindingLike = { doc: ydoc, type: fragment, mapping: initial.mapping }
  let state = EditorState.create({
    doc: initial.doc,
    plugins: [
      commentsPlugin({
        relocator: () => {
          const relocate = passageRangesIn(binding)
          return (anchor) => {
            relocated.push('relocate')
            return relocate(anchor)
          }
        },
        onClickThreads: () => {},
        onRemoteChange: () => {},
      }),
    ],
  })
  const clause = (fragment.get(2) as Y.XmlElement).get(1) as Y.XmlElement
  const text = clause.get(0) as Y.XmlText
  const highlight = (threadId: string, words: string): Highlight => {
    const index = textOfBlock(text).indexOf(words)
    const decoded = decodeAnchor(createAnchor({ text, index }, { text, index: index + words.length }))!
    const anchor = { start: decoded.start, end: decoded.end }
    return { threadId, resolved: false, anchor, ...passageRangesIn(binding)(anchor)! }
  }
  state = state.apply(state.tr.setMeta(commentsPluginKey, { highlights: [highlight('t1', WORDS), highlight('t2', 'by')], active: null }))
  /** A change made by someone else: to the Y.Doc, then to the editor as the binding applies it. */
  const remote = (current: EditorState, change: (text: Y.XmlText) => void): Transaction => {
    change(text)
    const rebuilt = initProseMirrorDoc(fragment, legalSchema)
    binding.mapping = rebuilt.mapping
    return current.tr.replace(0, current.doc.content.size, new Slice(rebuilt.doc.content, 0, 0)).setMeta(ySyncPluginKey, { isChangeOrigin: true })
  }
  /**
   * Someone else's typing as the incremental binding applies it (client/editor/incrementalBinding.ts):
   * the same change to the Y.Doc, and to the editor as text steps.
   */
  const remoteTyping = (current: EditorState, index: number, insert: string, remove = 0): Transaction => {
    if (remove > 0) text.delete(index, remove)
    if (insert) text.insert(index, insert)
    binding.mapping = initProseMirrorDoc(fragment, legalSchema).mapping
    const at = textStart + index
    const tr = current.tr
    if (remove > 0) tr.delete(at, at + remove)
    if (insert) tr.insertText(insert, at)
    return tr.setMeta(ySyncPluginKey, { isChangeOrigin: true })
  }
  const from = highlight('x', WORDS).from
  const textStart = from - textOfBlock(text).indexOf(WORDS)
  return { state, text, remote, remoteTyping, relocated, from }
}

const words = (state: EditorState, id: string) => {
  const h = currentHighlights(state).find((c) => c.threadId === id)
  return h ? state.doc.textBetween(h.from, h.to) : null
}

describe('comment highlights', () => {
  it('map through local typing: edges stay outside, the inside grows', () => {
    const { state, from } = setup()
    let next = state.apply(state.tr.insertText('X', from + WORDS.length)) // at the end edge
    next = next.apply(next.tr.insertText('Y', from)) // at the start edge
    next = next.apply(next.tr.insertText('-', from + 1 + 6)) // inside
    expect(words(next, 't1')).toBe('guided- by principles')
    expect(next.doc.textContent).toContain('Yguided- by principlesX')
  })

  it('are placed again from their anchors after a remote change to the whole document', () => {
    const { state, remote } = setup()
    let next = state.apply(remote(state, (text) => text.insert(0, 'Newly adopted. ')))
    expect(words(next, 't1')).toBe(WORDS)
    expect(words(next, 't2')).toBe('by')
    next = next.apply(remote(next, (text) => text.insert(textOfBlock(text).indexOf('principles'), 'all ')))
    expect(words(next, 't1')).toBe('guided by all principles')
    next = next.apply(remote(next, (text) => text.delete(textOfBlock(text).indexOf('by'), 2)))
    expect(words(next, 't2')).toBeNull() // its words are gone
    expect(words(next, 't1')).toBe('guided  all principles')
    // Mapping through "replace everything" instead would have dropped every highlight.
    expect(currentHighlights(state.apply(state.tr.replace(0, state.doc.content.size, new Slice(state.doc.content, 0, 0))))).toEqual([])
  })

  it('map through remote typing, which the binding applies as text steps, without placing them again', () => {
    const { state, text, remoteTyping, relocated } = setup()
    let next = state.apply(remoteTyping(state, 0, 'Newly adopted. '))
    next = next.apply(remoteTyping(next, textOfBlock(text).indexOf('principles'), 'all '))
    next = next.apply(remoteTyping(next, textOfBlock(text).indexOf('guided'), 'X')) // at the start edge
    expect(words(next, 't1')).toBe('guided by all principles')
    expect(words(next, 't2')).toBe('by')
    next = next.apply(remoteTyping(next, textOfBlock(text).indexOf(' by ') + 1, '', 2))
    expect(words(next, 't2')).toBeNull() // its words are gone
    expect(words(next, 't1')).toBe('guided  all principles')
    expect(relocated).toEqual([])
  })

  it('are placed again from their anchors after a remote change to the structure', () => {
    const { state, remote, relocated } = setup()
    state.apply(remote(state, (text) => text.insert(0, 'Newly adopted. ')))
    expect(relocated).toEqual(['relocate', 'relocate'])
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
