import * as Y from 'yjs'
import { EditorState, TextSelection, type Command, type PluginView, type Transaction } from '@tiptap/pm/state'
import type { Node as PMNode } from '@tiptap/pm/model'
import { undo, ySyncPlugin, ySyncPluginKey, yUndoPlugin, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import { describe, expect, it } from 'vitest'
import { legalSchema } from '../../shared/schema'
import { TEXT_FIELD } from '../../shared/protocol'
import { writeDocJSON } from '../../shared/ydoc'
import { generateLaw } from '../../shared/diff/testing/generateLaw'
import { onlyOneTextblockChanged } from '../../shared/editor/changes'
import { splitStructural } from '../../shared/editor/commands'
import { installIncrementalBinding } from '../../client/editor/incrementalBinding'
import { localSyncAfterFrame } from '../../client/editor/localSyncAfterFrame'
import { undoStepsPlugin } from '../../client/editor/undoSteps'
import { hasWaitingLocalChanges, scheduleLocalChanges, writeLocalChanges } from '../../client/collab/waitingLocalChanges'

installIncrementalBinding()

/**
 * The draft's editor without a DOM: the sync plugin (wrapped), the undo plugin and the undo
 * steps, with a minimal view that runs the plugins' views after each transaction as
 * ProseMirror's does. `scheduled` counts the calls of the Y.Doc's scheduler (the session's role).
 */
function editor({ scheduler = true } = {}) {
  const ydoc = new Y.Doc()
  writeDocJSON(ydoc, generateLaw({ articles: 4, chapterEvery: 3 }))
  const fragment = ydoc.getXmlFragment(TEXT_FIELD)
  let scheduled = 0
  if (scheduler) scheduleLocalChanges(ydoc, () => void (scheduled += 1))
  const plugins = [localSyncAfterFrame(ySyncPlugin(fragment)), yUndoPlugin(), undoStepsPlugin()]
  let pluginViews: PluginView[] = []
  const view = {
    state: EditorState.create({ schema: legalSchema, plugins }),
    dom: new EventTarget(),
    hasFocus: () => false,
    dispatch(tr: Transaction) {
      const prev = view.state
      view.state = prev.apply(tr)
      for (const pluginView of pluginViews) pluginView.update?.(view as never, prev)
    },
  }
  pluginViews = view.state.plugins.flatMap((p) => (p.spec.view ? [p.spec.view(view as never)] : []))
  const localUpdates: Uint8Array[] = []
  ydoc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === ySyncPluginKey) localUpdates.push(update)
  })
  const run = (command: Command) => expect(command(view.state, (tr) => view.dispatch(tr))).toBe(true)
  return {
    ydoc,
    view,
    localUpdates,
    scheduled: () => scheduled,
    run,
    type: (text: string) => run((state, dispatch) => (dispatch?.(state.tr.insertText(text)), true)),
    /** The text Yjs holds. */
    yText: () => yXmlFragmentToProseMirrorRootNode(fragment, legalSchema).textContent,
    shown: () => view.state.doc.textContent,
  }
}

type Editor = ReturnType<typeof editor>

/** Puts the caret at the end of the `n`-th numbered paragraph. */
function caretInClause(e: Editor, n: number): void {
  const ends: number[] = []
  e.view.state.doc.descendants((node: PMNode, pos: number) => {
    if (node.type.name === 'clause' && node.isTextblock) ends.push(pos + node.nodeSize - 1)
    return true
  })
  expect(ends.length).toBeGreaterThan(n)
  e.view.dispatch(e.view.state.tr.setSelection(TextSelection.create(e.view.state.doc, ends[n])))
}

/** A co-author's change, applied to the Y.Doc as the provider applies one: another doc's update. */
function coAuthorTypes(e: Editor, clause: number, text: string): void {
  const peer = new Y.Doc()
  Y.applyUpdate(peer, Y.encodeStateAsUpdate(e.ydoc))
  const fragment = peer.getXmlFragment(TEXT_FIELD)
  const state = EditorState.create({ schema: legalSchema, plugins: [ySyncPlugin(fragment)] })
  const peerView = { state, dom: new EventTarget(), hasFocus: () => false, dispatch: (tr: Transaction) => void (peerView.state = peerView.state.apply(tr)) }
  const binding = ySyncPluginKey.getState(state).binding
  binding.initView(peerView)
  binding._forceRerender()
  const ends: number[] = []
  peerView.state.doc.descendants((node: PMNode, pos: number) => {
    if (node.type.name === 'clause' && node.isTextblock) ends.push(pos + node.nodeSize - 1)
    return true
  })
  peerView.dispatch(peerView.state.tr.insertText(text, ends[clause]))
  binding.mux(() => peer.transact(() => binding._prosemirrorChanged(peerView.state.doc), ySyncPluginKey))
  Y.applyUpdate(e.ydoc, Y.encodeStateAsUpdate(peer, Y.encodeStateVector(e.ydoc)), 'provider')
}

describe('typing written into Yjs after its frame', () => {
  it('waits for the scheduler, then goes into Yjs as one change for all the keys', () => {
    const e = editor()
    caretInClause(e, 1)
    e.type('a')
    e.type('b')
    e.type('c')
    expect(e.shown()).toContain('abc')
    expect(e.yText()).not.toContain('abc')
    expect(e.scheduled()).toBe(1)
    writeLocalChanges(e.ydoc)
    expect(e.yText()).toContain('abc')
    expect(e.localUpdates).toHaveLength(1)
    expect(hasWaitingLocalChanges(e.ydoc)).toBe(false)
  })

  it('goes into Yjs at once where nothing schedules it', () => {
    const e = editor({ scheduler: false })
    caretInClause(e, 1)
    e.type('a')
    expect(e.yText()).toContain(e.shown())
    expect(e.localUpdates).toHaveLength(1)
  })

  it('writes the typing before a structural change, and undo takes them back one at a time', () => {
    const e = editor()
    caretInClause(e, 1)
    e.type('typed')
    e.run(splitStructural)
    expect(hasWaitingLocalChanges(e.ydoc)).toBe(false)
    expect(e.yText()).toBe(e.shown())
    undo(e.view.state)
    expect(e.shown()).toContain('typed')
    expect(e.view.state.doc.childCount).toBeGreaterThan(0)
    undo(e.view.state)
    expect(e.shown()).not.toContain('typed')
  })

  it('writes waiting typing before undo, so that undo takes back what was typed last', () => {
    const e = editor()
    caretInClause(e, 1)
    e.type('first')
    writeLocalChanges(e.ydoc)
    caretInClause(e, 2) // typing in another paragraph is an undo step of its own
    e.type('second')
    expect(hasWaitingLocalChanges(e.ydoc)).toBe(true)
    undo(e.view.state)
    expect(e.shown()).toContain('first')
    expect(e.shown()).not.toContain('second')
    expect(e.yText()).toBe(e.shown())
  })

  it('keeps typing waiting through a co-author’s change elsewhere, and writes it after', () => {
    const e = editor()
    caretInClause(e, 1)
    e.type('mine')
    coAuthorTypes(e, 3, 'theirs')
    expect(e.shown()).toContain('mine')
    expect(e.shown()).toContain('theirs')
    expect(hasWaitingLocalChanges(e.ydoc)).toBe(true)
    writeLocalChanges(e.ydoc)
    expect(e.yText()).toContain('mine')
    expect(e.yText()).toBe(e.shown())
  })

  it('writes what waits when a key is pressed with Ctrl (a shortcut may act on the Y.Doc)', () => {
    const e = editor()
    caretInClause(e, 1)
    e.type('x')
    e.view.dom.dispatchEvent(Object.assign(new Event('keydown'), { ctrlKey: false }))
    expect(hasWaitingLocalChanges(e.ydoc)).toBe(true)
    e.view.dom.dispatchEvent(Object.assign(new Event('keydown'), { ctrlKey: true }))
    expect(hasWaitingLocalChanges(e.ydoc)).toBe(false)
    expect(e.yText()).toBe(e.shown())
  })
})

describe('onlyOneTextblockChanged', () => {
  const doc = () => yXmlFragmentToProseMirrorRootNode(editor({ scheduler: false }).ydoc.getXmlFragment(TEXT_FIELD), legalSchema)

  it('is true for typing and deleting within one line, false for anything else', () => {
    const before = EditorState.create({ schema: legalSchema, doc: doc() })
    const clauses: number[] = []
    before.doc.descendants((node, pos) => {
      if (node.type.name === 'clause') clauses.push(pos + 1)
      return true
    })
    const [first, second] = clauses
    expect(onlyOneTextblockChanged(before.doc, before.tr.insertText('x', first).doc)).toBe(true)
    expect(onlyOneTextblockChanged(before.doc, before.tr.delete(first, first + 2).doc)).toBe(true)
    expect(onlyOneTextblockChanged(before.doc, before.doc)).toBe(false)
    expect(onlyOneTextblockChanged(before.doc, before.tr.insertText('x', first).insertText('y', second + 1).doc)).toBe(false)
    expect(onlyOneTextblockChanged(before.doc, before.tr.split(first + 1).doc)).toBe(false)
    expect(onlyOneTextblockChanged(before.doc, before.tr.setNodeMarkup(first - 1, undefined, { ...before.doc.nodeAt(first - 1)!.attrs, id: 'other' }).doc)).toBe(false)
  })
})
