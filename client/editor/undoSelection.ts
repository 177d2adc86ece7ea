import type { Plugin } from '@tiptap/pm/state'
import { ySyncPluginKey, yUndoPluginKey } from '@tiptap/y-tiptap'
import { withStateApply } from './pluginApply'

interface UndoPluginState {
  undoManager: { undoStack: unknown[]; redoStack: unknown[] }
  prevSel: unknown
  hasUndoOps: boolean
  hasRedoOps: boolean
}

/**
 * The undo plugin turns the selection before every transaction into Yjs relative positions
 * (`prevSel`), walking the document from its start, to store with the undo step a local change
 * makes. Only the value of the transaction just before a local Yjs change is ever read, and
 * that transaction is the local one, so for co-authors' changes (not undo's own) the walk is
 * skipped: on opening a draft it went over all of a long law (~13 ms). Other plugins are
 * returned as they are.
 */
export function undoSelectionOfLocalChangesOnly(plugin: Plugin): Plugin {
  return withStateApply<UndoPluginState>(plugin, yUndoPluginKey, (own) => (tr, value, oldState, newState) => {
    const meta = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean; isUndoRedoOperation?: boolean } | undefined
    if (!meta?.isChangeOrigin || meta.isUndoRedoOperation) return own(tr, value, oldState, newState)
    const hasUndoOps = value.undoManager.undoStack.length > 0
    const hasRedoOps = value.undoManager.redoStack.length > 0
    return hasUndoOps === value.hasUndoOps && hasRedoOps === value.hasRedoOps ? value : { ...value, hasUndoOps, hasRedoOps }
  })
}
