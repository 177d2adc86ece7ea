import type { EditorState, Plugin } from '@tiptap/pm/state'
import type { Node as PMNode } from '@tiptap/pm/model'
import type * as Y from 'yjs'
import { ySyncPluginKey, yUndoPluginKey, type ProsemirrorBinding } from '@tiptap/y-tiptap'
import { onlyOneTextblockChanged } from '../../shared/editor/changes'
import { withPluginView } from './pluginApply'
import { dropWaitingLocalChanges, hasWaitingLocalChanges, localChangesMayWait, localChangesWaiting, writeLocalChanges } from '../collab/waitingLocalChanges'

interface SyncState {
  doc: Y.Doc
  binding: ProsemirrorBinding
  snapshot: unknown
  prevSnapshot: unknown
  isChangeOrigin: boolean
  addToHistory: boolean
}

interface UndoManagerLike {
  undo(): unknown
  redo(): unknown
}

const writesBeforeUndo = new WeakSet<UndoManagerLike>()

/** The Yjs sync plugin's state of `state`'s editor, or undefined while it has none. */
export function syncStateOf(state: EditorState): Partial<SyncState> | undefined {
  return ySyncPluginKey.getState(state) as Partial<SyncState> | undefined
}

/** Writes the typing that waits to go into the Y.Doc the editor of `state` is bound to, if any. */
export function writeWaitingTyping(state: EditorState): void {
  const doc = syncStateOf(state)?.doc
  if (doc) writeLocalChanges(doc)
}

/** Undo and redo change the Y.Doc itself: what waits is written first, and so is undone as typed. */
function writeBeforeUndo(state: EditorState, doc: Y.Doc): void {
  const manager = (yUndoPluginKey.getState(state) as { undoManager?: UndoManagerLike } | undefined)?.undoManager
  if (!manager || writesBeforeUndo.has(manager)) return
  writesBeforeUndo.add(manager)
  const { undo, redo } = manager
  manager.undo = function () {
    writeLocalChanges(doc)
    return undo.call(this)
  }
  manager.redo = function () {
    writeLocalChanges(doc)
    return redo.call(this)
  }
}

/**
 * The sync plugin's view update writes every local change into Yjs inside the transaction that
 * made it: for a typed character, the binding's diff, Yjs's transaction and its update
 * listeners, ~0.7 ms of each keystroke's task in the 300-article law, none of which shows in the
 * frame that paints the keystroke. Typing and deleting within one line (nothing else: no new
 * block, no attributes, nothing without undo history, nothing a co-author made) now waits for
 * the Y.Doc's scheduler (the session: the task after that frame, right before sending), and
 * several keys in one frame are written as one change. Everything that changes the Y.Doc
 * otherwise or reads positions from it writes what waits first (waitingLocalChanges.ts): a
 * co-author's change before it is applied, undo and redo, a keyboard shortcut, an undo step's
 * boundary, a passage for a comment, hiding or leaving the page. Any other plugin is returned
 * as it is.
 */
export function localSyncAfterFrame(plugin: Plugin): Plugin {
  return withPluginView(plugin, ySyncPluginKey, (editorView, inner) => {
    const { doc, binding } = ySyncPluginKey.getState(editorView.state) as SyncState
    let destroyed = false
    const write = (shown: PMNode) => {
      if (destroyed) return
      // Upstream's own write (its view update), always with history: only typing waits.
      binding.mux(
        () => doc.transact((tr) => {
          tr.meta.set('addToHistory', true)
          binding._prosemirrorChanged(shown)
        }, ySyncPluginKey),
        // The binding is applying a change from Yjs to the editor: written once it is done.
        () => localChangesWaiting(doc, writeShown),
      )
    }
    const writeShown = () => write(editorView.state.doc)
    // A shortcut (Ctrl+Z, Ctrl+Enter…) may act on the Y.Doc before the view updates: first what waits.
    const onModifiedKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey) writeLocalChanges(doc)
    }
    editorView.dom.addEventListener('keydown', onModifiedKey, true)
    writeBeforeUndo(editorView.state, doc)
    return {
      update(view, prevState) {
        const sync = ySyncPluginKey.getState(view.state) as SyncState
        const plain = sync.snapshot == null && sync.prevSnapshot == null
        const waiting = hasWaitingLocalChanges(doc)
        if (plain && waiting && view.state.doc === prevState.doc) return // the caret moved: the write is coming
        if (plain && sync.addToHistory && !sync.isChangeOrigin && localChangesMayWait(doc) && onlyOneTextblockChanged(prevState.doc, view.state.doc)) {
          localChangesWaiting(doc, writeShown)
          return
        }
        // The typing first, as typed, then this change. (During a co-author's change the binding
        // is busy: neither is written, and the typing waits on.)
        if (waiting) {
          dropWaitingLocalChanges(doc)
          write(prevState.doc)
        }
        inner.update?.(view, prevState)
      },
      destroy() {
        editorView.dom.removeEventListener('keydown', onModifiedKey, true)
        writeLocalChanges(doc)
        destroyed = true
        inner.destroy?.()
      },
    }
  })
}
