import { useCallback, useRef, useSyncExternalStore } from 'react'
import type { Editor } from '@tiptap/react'
import type { Command, EditorState, Transaction } from '@tiptap/pm/state'
import { isTextOnlyTransaction } from '../../shared/editor/changes'
import { afterNextFrame } from '../ui/afterFrame'

function maskOf(state: EditorState, commands: readonly Command[]): number {
  let mask = 0
  commands.forEach((command, i) => {
    if (command(state)) mask |= 1 << i
  })
  return mask
}

/**
 * Which of `commands` (a constant list) would do something where the selection is, as a bit
 * mask (bit i for commands[i]): a toolbar button whose command refuses is disabled. Asked again
 * after the frame that follows a change, never in a keystroke's own task; each check looks at
 * the blocks around the caret only, and not after typing (but for an emptied or no longer empty block). The toolbar renders again only when the mask changes.
 */
export function useCommandsEnabled(editor: Editor | null, commands: readonly Command[]): number {
  const cache = useRef<{ state: EditorState | null; mask: number }>({ state: null, mask: 0 })
  const subscribe = useCallback(
    (notify: () => void) => {
      if (!editor) return () => {}
      let due = false
      /** Start of the caret's block after the last transaction, and whether it was empty. */
      let block = -1
      let wasEmpty = false
      const onTransaction = ({ transaction }: { transaction: Transaction }) => {
        const { $from } = transaction.selection
        const empty = $from.parent.content.size === 0
        const sameBlock = block >= 0 && transaction.mapping.map(block, -1) === $from.start() && empty === wasEmpty
        block = $from.start()
        wasEmpty = empty
        // Typing changes text inside the caret's block: the blocks around it, all the mask depends
        // on, stay. Only its first letter or its last deleted matters (an empty block can change kind).
        if (due || (sameBlock && (!transaction.docChanged || isTextOnlyTransaction(transaction)))) return
        due = true
        afterNextFrame(() => {
          due = false
          notify()
        })
      }
      editor.on('transaction', onTransaction)
      return () => void editor.off('transaction', onTransaction)
    },
    [editor],
  )
  const snapshot = () => {
    if (!editor || editor.isDestroyed) return 0
    if (cache.current.state !== editor.state) cache.current = { state: editor.state, mask: maskOf(editor.state, commands) }
    return cache.current.mask
  }
  return useSyncExternalStore(subscribe, snapshot)
}
