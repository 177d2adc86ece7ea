import { Plugin, type EditorState, type PluginKey, type PluginView, type Transaction } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'

/** The plugin's own state step: (transaction, value, old state, new state) → value. */
export type ApplyStep<T> = (tr: Transaction, value: T, oldState: EditorState, newState: EditorState) => T

/**
 * `plugin` with its state's `apply` replaced by `apply`, which gets the plugin's own step to
 * fall back on, when the plugin is the one of `key`; any other plugin as it is. For plugins of
 * libraries whose state step does more than Accord needs (see caretMapping, undoSelection).
 */
export function withStateApply<T>(plugin: Plugin, key: PluginKey, apply: (own: ApplyStep<T>) => ApplyStep<T>): Plugin {
  const field = plugin.spec.state
  if (plugin.spec.key !== key || !field) return plugin
  const own: ApplyStep<T> = (tr, value, oldState, newState) => field.apply.call(plugin, tr, value, oldState, newState) as T
  return new Plugin<T>({ ...plugin.spec, state: { ...field, apply: apply(own) } })
}

/**
 * `plugin` with its view made by `view`, which gets the view the plugin itself would have made
 * for the same editor view, when the plugin is the one of `key`; any other plugin as it is. For
 * plugins of libraries whose view does its work at a moment Accord moves (see ownCaretAfterFrame,
 * localSyncAfterFrame).
 */
export function withPluginView(plugin: Plugin, key: PluginKey, view: (editorView: EditorView, inner: PluginView) => PluginView): Plugin {
  const makeView = plugin.spec.view
  if (plugin.spec.key !== key || !makeView) return plugin
  return new Plugin({ ...plugin.spec, view: (editorView) => view(editorView, makeView.call(plugin, editorView)) })
}
