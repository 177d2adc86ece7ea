import { Plugin } from '@tiptap/pm/state'
import type { DecorationSet } from '@tiptap/pm/view'
import { yCursorPluginKey } from '@tiptap/y-tiptap'
import { isRemoteTransaction, isTextOnlyTransaction } from '../../shared/editor/changes'

/**
 * The caret plugin resolves every remote caret again (two Yjs relative positions each, walked
 * from the start of the document) on every remote change. A remote change that only edits text
 * inside lines moves no caret against the text around it, so mapping the carets through it gives
 * the same positions; the author's own caret move arrives as an awareness change, which still
 * resolves them all. Other plugins are returned as they are.
 */
export function mapCaretsThroughRemoteTyping(plugin: Plugin): Plugin {
  const field = plugin.spec.state
  if (plugin.spec.key !== yCursorPluginKey || !field) return plugin
  return new Plugin<DecorationSet>({
    ...plugin.spec,
    state: {
      ...field,
      apply(tr, value, oldState, newState) {
        if (isRemoteTransaction(tr) && tr.getMeta(yCursorPluginKey) === undefined && isTextOnlyTransaction(tr)) return value.map(tr.mapping, tr.doc)
        return field.apply.call(this, tr, value, oldState, newState) as DecorationSet
      },
    },
  })
}
