import type { EditorState, Plugin } from '@tiptap/pm/state'
import { yCursorPluginKey } from '@tiptap/y-tiptap'
import { afterNextFrame, nextTask } from '../ui/afterFrame'
import { syncStateOf, writeWaitingTyping } from './localSyncAfterFrame'
import { withPluginView } from './pluginApply'

/**
 * Whether the update from `before` to `after` is this person's: a keystroke or a caret move,
 * whose frame the caret's publishing waits for. A co-author's change (their words, their caret
 * drawn) paints no keystroke of ours, and the next task will do: waiting for a frame would ask
 * Chromium for one, a whole frame's work for each of their changes.
 */
function ownChange(before: EditorState, after: EditorState): boolean {
  if (before.doc === after.doc) return !before.selection.eq(after.selection)
  return !syncStateOf(after)?.isChangeOrigin
}

/**
 * The caret plugin's view update publishes our own caret: two Yjs relative positions worked out
 * from the selection, the awareness state set and its listeners told (the people list among
 * them), ~0.3 ms inside every keystroke's task. Nothing of it shows in the frame that paints the
 * keystroke, so it runs once after that frame, for however many updates came meanwhile (the
 * caret it publishes is the one of that moment), with the typing that waits to be written into
 * Yjs written first (its positions are Yjs's); after co-authors' changes alone, in the next task
 * instead. Other plugins are returned as they are.
 */
export function ownCaretAfterFrame(plugin: Plugin): Plugin {
  return withPluginView(plugin, yCursorPluginKey, (view, inner) => {
    /** The state before the first update still waiting (the one to compare with); null: none waits. */
    let since: EditorState | null = null
    /** Whether an update of our own waits: it publishes after the frame that paints it. */
    let ownWaits = false
    let destroyed = false
    const publish = (afterFrame: boolean) => () => {
      // Published already; or a keystroke came after a co-author's change: after its frame.
      if (!since || destroyed || (ownWaits && !afterFrame)) return
      const prev = since
      since = null
      ownWaits = false
      writeWaitingTyping(view.state)
      inner.update?.(view, prev)
    }
    return {
      update(_view, prevState) {
        const own = ownChange(prevState, view.state)
        const first = since === null
        since ??= prevState
        if (own && !ownWaits) {
          ownWaits = true
          afterNextFrame(publish(true))
        } else if (first && !own) nextTask(publish(false))
      },
      destroy() {
        destroyed = true
        inner.destroy?.()
      },
    }
  })
}
