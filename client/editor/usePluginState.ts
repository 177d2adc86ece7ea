import { useCallback, useSyncExternalStore } from 'react'
import type { Editor } from '@tiptap/react'
import type { PluginKey } from '@tiptap/pm/state'

/**
 * A plugin's state, read per transaction, typing included: a plugin that keeps the same state
 * object until it changes has React render only then. Null without an editor.
 */
export function usePluginState<T>(editor: Editor | null, key: PluginKey<T>): T | null {
  const subscribe = useCallback(
    (notify: () => void) => {
      if (!editor) return () => {}
      editor.on('transaction', notify)
      return () => void editor.off('transaction', notify)
    },
    [editor],
  )
  return useSyncExternalStore(subscribe, () => (editor && !editor.isDestroyed ? (key.getState(editor.state) ?? null) : null))
}
