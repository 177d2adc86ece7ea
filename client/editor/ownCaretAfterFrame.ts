import type { EditorState, Plugin } from '@tiptap/pm/state'
import { yCursorPluginKey } from '@tiptap/y-tiptap'
import { afterNextFrame } from '../ui/afterFrame'
import { writeWaitingTyping } from './localSyncAfterFrame'
import { withPluginView } from './pluginApply'

/**
 * The caret plugin's view update publishes our own caret: two Yjs relative positions worked out
 * from the selection, the awareness state set and its listeners told (the people list among
 * them), ~0.3 ms inside every keystroke's task. Nothing of it shows in the frame that paints the
 * keystroke, so it runs once after that frame, for however many updates came meanwhile (the
 * caret it publishes is the one of that moment), with the typing that waits to be written into
 * Yjs written first (its positions are Yjs's). Other plugins are returned as they are.
 */
export function ownCaretAfterFrame(plugin: Plugin): Plugin {
  return withPluginView(plugin, yCursorPluginKey, (_editorView, inner) => {
    /** The state before the first update still waiting (the one to compare with); null: none waits. */
    let since: EditorState | null = null
    let destroyed = false
    return {
      update(view, prevState) {
        if (since) return
        since = prevState
        afterNextFrame(() => {
          const prev = since!
          since = null
          if (destroyed) return
          writeWaitingTyping(view.state)
          inner.update?.(view, prev)
        })
      },
      destroy() {
        destroyed = true
        inner.destroy?.()
      },
    }
  })
}
