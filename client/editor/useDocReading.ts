import { useEffect } from 'react'
import type { Editor } from '@tiptap/react'
import type { Transaction } from '@tiptap/pm/state'
import { debounced } from '../ui/debounced'

/**
 * Runs `read` now and again once the text stops changing for `quietMs` (at the latest `maxWaitMs`
 * into continuous changes), for as long as the component using it is mounted: a panel reading
 * the whole draft (alternatives, checks) costs nothing per keystroke, only a noted time.
 */
export function useDocReading(editor: Editor | null, read: () => void, quietMs: number, maxWaitMs: number): void {
  useEffect(() => {
    if (!editor || editor.isDestroyed) return
    read()
    const later = debounced(read, quietMs, maxWaitMs)
    const onTransaction = ({ transaction }: { transaction: Transaction }) => {
      if (transaction.docChanged) later.call()
    }
    editor.on('transaction', onTransaction)
    return () => {
      editor.off('transaction', onTransaction)
      later.cancel()
    }
  }, [editor, read, quietMs, maxWaitMs])
}
