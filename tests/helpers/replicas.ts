import * as Y from 'yjs'
import { expect } from 'vitest'
import type { Command } from '@tiptap/pm/state'
import { defaultDeleteFilter, defaultProtectedNodes, ySyncPluginKey } from '@tiptap/y-tiptap'
import { docJSONOf, writeDocJSON } from '../../shared/ydoc'
import { TEXT_FIELD } from '../../shared/protocol'
import { applyUpdateAndRepair } from '../../server/collab/duplicateIds'
import { LostTextRestorer } from '../../shared/collab/lostTextRestorer'
import type { LostText } from '../../shared/collab/lostText'
import { keepOthersWordsOnUndo } from '../../shared/collab/undoKeepsOthersWords'
import { moveStructural } from '../../shared/editor/commands'
import { fixtureLaw, nodeWithId } from './editorState'
import { HeadlessEditor } from './headlessEditor'

const FROM_SERVER = 'server'
const RESTORED = Symbol('restored')

export interface Replica {
  doc: Y.Doc
  editor: HeadlessEditor
  restorer: LostTextRestorer
  /** Ctrl+Z as the browser has it: y-tiptap's undo manager, keeping co-authors' words. */
  undo: Y.UndoManager
  /** What the restorer typed again, per received batch. */
  restored: LostText[][]
  /** Updates the server sent, not yet applied. */
  inbox: Uint8Array[]
  /** Local updates not yet sent. */
  outbox: Uint8Array[]
}

/**
 * The server's document (the real applyUpdateAndRepair) and editors that hold their messages
 * until told to pass them on, so that a test decides what each one knew when it acted.
 */
export class Network {
  readonly server = new Y.Doc()
  readonly replicas = new Map<string, Replica>()

  constructor(names: string[]) {
    writeDocJSON(this.server, fixtureLaw())
    this.server.on('update', (update: Uint8Array, origin: unknown) => {
      for (const [name, r] of this.replicas) if (name !== origin) r.inbox.push(update)
    })
    for (const name of names) {
      const doc = new Y.Doc()
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(this.server), FROM_SERVER)
      const restored: LostText[][] = []
      const restorer = new LostTextRestorer(doc, (origin) => origin === FROM_SERVER, RESTORED, (lost) => restored.push(lost))
      const undo = new Y.UndoManager(doc.getXmlFragment(TEXT_FIELD), {
        trackedOrigins: new Set([ySyncPluginKey]),
        deleteFilter: (item) => defaultDeleteFilter(item, defaultProtectedNodes),
      })
      keepOthersWordsOnUndo(undo, doc.getXmlFragment(TEXT_FIELD))
      const replica: Replica = { doc, editor: new HeadlessEditor(doc), restorer, restored, undo, inbox: [], outbox: [] }
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin !== FROM_SERVER) replica.outbox.push(update)
      })
      this.replicas.set(name, replica)
    }
  }

  get(name: string): Replica {
    return this.replicas.get(name)!
  }

  send(name: string): void {
    const r = this.get(name)
    for (const update of r.outbox.splice(0)) applyUpdateAndRepair(this.server, update, name, () => true)
  }

  receive(name: string): void {
    const r = this.get(name)
    for (const update of r.inbox.splice(0)) {
      r.restorer.receive(update)
      Y.applyUpdate(r.doc, update, FROM_SERVER)
    }
  }

  /** Everyone sends and receives until nothing is left in flight. */
  settle(): void {
    for (let round = 0; round < 10; round++) {
      let moved = false
      for (const [name, r] of this.replicas) {
        if (r.outbox.length > 0 || r.inbox.length > 0) moved = true
        this.send(name)
        this.receive(name)
      }
      if (!moved) return
    }
    throw new Error('did not settle')
  }
}

/** Puts the caret at the end of the text of the element with `id` (an article: its heading). */
export function caretAtEnd(editor: HeadlessEditor, id: string): void {
  const found = nodeWithId(editor.state.doc, id)!
  const block = found.node.type.name === 'article' ? found.node.child(0) : found.node
  const start = found.node.type.name === 'article' ? found.pos + 1 : found.pos
  editor.select(start + block.nodeSize - 1)
}

/** Types `text` at the end of the element with `id`, one transaction per character, as a keyboard does. */
export function typeAtEnd(editor: HeadlessEditor, id: string, text: string): void {
  caretAtEnd(editor, id)
  for (const ch of text) {
    const insert: Command = (state, dispatch) => {
      dispatch?.(state.tr.insertText(ch))
      return true
    }
    editor.run(insert)
  }
}

/** The mover moves Article One down, and the server has it. */
export function moveArticleOneDown(net: Network): void {
  const mover = net.get('mover').editor
  caretAtEnd(mover, 'art1')
  expect(mover.run(moveStructural(1))).toBe(true)
  net.send('mover')
}

export function textOf(replica: Replica, id: string): { type: string; text: string } {
  const found = nodeWithId(replica.editor.state.doc, id)!
  const node = found.node.type.name === 'article' ? found.node.child(0) : found.node
  return { type: found.node.type.name, text: node.textContent }
}

export function expectConverged(net: Network): void {
  const server = JSON.stringify(docJSONOf(net.server))
  for (const r of net.replicas.values()) expect(JSON.stringify(docJSONOf(r.doc))).toBe(server)
}

