import { Plugin, PluginKey } from '@tiptap/pm/state'
import { isRemoteTransaction } from '../../shared/editor/changes'

/** Set (by the Yjs binding) on a co-author's change that deleted the block holding the focused caret. */
export const CARET_DISPLACED_META = 'accordCaretDisplaced'

export interface CaretMoved {
  /** Where the caret was put, mapped since; null once the caret has left that block. */
  pos: number | null
  /** Counts the displacements, so that a notice closed is not shown again for the same one. */
  seq: number
}

export const caretMovedKey = new PluginKey<CaretMoved>('caretMoved')

/**
 * Remembers where a co-author's deletion put the caret, for CaretMovedNotice: someone typing
 * would otherwise go on, unaware, in another article's heading or point. Forgotten once they move
 * the caret out of that block themselves. Nothing to do per keystroke when nothing was moved.
 */
export function caretMovedPlugin(): Plugin<CaretMoved> {
  return new Plugin<CaretMoved>({
    key: caretMovedKey,
    state: {
      init: () => ({ pos: null, seq: 0 }),
      apply(tr, value) {
        if (tr.getMeta(CARET_DISPLACED_META)) return { pos: tr.selection.head, seq: value.seq + 1 }
        if (value.pos === null || (!tr.docChanged && !tr.selectionSet)) return value
        const pos = tr.mapping.map(value.pos)
        if (!isRemoteTransaction(tr) && tr.selectionSet && tr.doc.resolve(pos).start() !== tr.selection.$head.start()) return { pos: null, seq: value.seq }
        return pos === value.pos ? value : { pos, seq: value.seq }
      },
    },
  })
}
