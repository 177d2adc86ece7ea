import { Plugin, type Transaction } from '@tiptap/pm/state'
import { yUndoPluginKey } from '@tiptap/y-tiptap'
import { isRemoteTransaction, isTextOnlyTransaction } from '../../shared/editor/changes'
import * as Y from 'yjs'
import { keepOthersWordsOnUndo } from '../../shared/collab/undoKeepsOthersWords'
import { writeWaitingTyping } from './localSyncAfterFrame'

/** A transaction's meta: a change of words that is an undo step of its own (a fix from the text's check). */
export const OWN_UNDO_STEP = 'accordOwnUndoStep'

/** Whether a local change is an undo step of its own: anything but typing (a new block, Enter, a join, a move, a change of level, a paste, a fix). */
function isUndoBoundary(tr: Transaction): boolean {
  return !isTextOnlyTransaction(tr) || tr.getMeta('paste') === true || tr.getMeta('uiEvent') === 'paste' || tr.getMeta(OWN_UNDO_STEP) === true
}

/**
 * Yjs's undo manager merges every change made within 500 ms of the one before into one step, so
 * with steady typing one Ctrl+Z took back a paragraph, the article added after it and the words
 * typed after that, all at once. A structural change or a paste is now a step of its own, and
 * typing in another block starts a new one: what was typed before, the change itself and what
 * is typed after it are undone one at a time, as in a word processor. The manager is told before
 * the change reaches Yjs (the binding writes it when the view updates, after this filter), and
 * typing still waiting to be written (localSyncAfterFrame) is written before that: a step of its own.
 * Undoing a step keeps what co-authors have since written into what it made (undoKeepsOthersWords.ts).
 */
export function undoStepsPlugin(): Plugin {
  let stopAfter = false
  /** Start of the block the last local change was made in (-1: none yet), mapped through every change since. */
  let block = -1
  return new Plugin({
    view(view) {
      const manager = (yUndoPluginKey.getState(view.state) as { undoManager?: Y.UndoManager } | undefined)?.undoManager
      const fragment = manager?.scope[0]
      const stop = manager && fragment instanceof Y.XmlFragment ? keepOthersWordsOnUndo(manager, fragment) : () => {}
      return { destroy: stop }
    },
    filterTransaction(tr, state) {
      if (!tr.docChanged) return true
      if (isRemoteTransaction(tr)) {
        if (block >= 0) block = tr.mapping.map(block, -1)
        return true
      }
      const start = state.selection.$from.start()
      const boundary = isUndoBoundary(tr)
      if (boundary || stopAfter || start !== block) {
        writeWaitingTyping(state)
        yUndoPluginKey.getState(state)?.undoManager.stopCapturing()
      }
      stopAfter = boundary
      block = tr.mapping.map(start, -1)
      return true
    },
  })
}
