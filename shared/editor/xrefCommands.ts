import type { Command, EditorState } from '@tiptap/pm/state'

/** Whether a cross-reference may stand at the selection (a body block, an article heading or the preamble). */
export function canInsertXref(state: EditorState): boolean {
  const type = state.schema.nodes.xref
  const { $from, $to } = state.selection
  if (!type || !$from.parent.isTextblock || !$from.sameParent($to)) return false
  return $from.parent.canReplaceWith($from.index(), $to.index(), type)
}

/** Puts a reference to `target` at the selection (replacing selected words). Without `dispatch`: whether it could. */
export function insertXref(target: string): Command {
  return (state, dispatch) => {
    if (!canInsertXref(state)) return false
    dispatch?.(state.tr.replaceSelectionWith(state.schema.nodes.xref.create({ target }), false).scrollIntoView())
    return true
  }
}

/** insertXref's check alone, for enabling the toolbar button. */
export const xrefAllowed: Command = (state) => canInsertXref(state)
