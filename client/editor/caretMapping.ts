import type { Plugin } from '@tiptap/pm/state'
import type { DecorationSet } from '@tiptap/pm/view'
import type { Awareness } from 'y-protocols/awareness'
import { yCursorPluginKey, ySyncPluginKey } from '@tiptap/y-tiptap'
import { isRemoteTransaction, isTextOnlyTransaction } from '../../shared/editor/changes'
import { withStateApply } from './pluginApply'

/** Whether every other client that has a caret is drawn (a caret into text we lack is not). */
function everyCaretShown(carets: DecorationSet, awareness: Awareness, ownClientId: number): boolean {
  let expected = 0
  awareness.getStates().forEach((state, clientId) => {
    if (clientId !== ownClientId && state?.cursor != null) expected++
  })
  // Each drawn caret is one widget, keyed by its client (selections are inline decorations).
  return carets.find(undefined, undefined, (spec) => spec.key !== undefined).length === expected
}

/**
 * The caret plugin resolves every remote caret again (two Yjs relative positions each, walked
 * from the start of the document) on every remote change. A remote change that only edits text
 * inside lines moves no caret against the text around it, so mapping the carets through it gives
 * the same positions; the author's own caret move arrives as an awareness change, which still
 * resolves them all. Unless a caret is missing: one that came before the text it points into
 * (the server passes awareness on at once, edits once stored) appears when that text arrives.
 * Other plugins are returned as they are.
 */
export function mapCaretsThroughRemoteTyping(plugin: Plugin, awareness: Awareness): Plugin {
  return withStateApply<DecorationSet>(plugin, yCursorPluginKey, (own) => (tr, value, oldState, newState) => {
    const typing = isRemoteTransaction(tr) && tr.getMeta(yCursorPluginKey) === undefined && isTextOnlyTransaction(tr)
    if (typing && everyCaretShown(value, awareness, ySyncPluginKey.getState(newState).doc.clientID)) return value.map(tr.mapping, tr.doc)
    return own(tr, value, oldState, newState)
  })
}
