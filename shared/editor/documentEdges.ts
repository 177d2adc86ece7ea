import { Selection, TextSelection, type Command } from '@tiptap/pm/state'

/**
 * Ctrl+Home / Ctrl+End: the caret at the start or the end of the law, scrolled into view; with
 * Shift, the selection extended there. Done here, not by the browser: articles are rendered with
 * `content-visibility: auto`, and Chromium moving the caret into an article it skips put it at
 * the start of the last article's heading instead of at the end of its text.
 */
export function selectDocumentEdge(edge: 'start' | 'end', extend = false): Command {
  return (state, dispatch) => {
    if (dispatch) {
      const target = edge === 'start' ? Selection.atStart(state.doc) : Selection.atEnd(state.doc)
      const selection = extend ? TextSelection.between(state.selection.$anchor, target.$head) : target
      dispatch(state.tr.setSelection(selection).scrollIntoView())
    }
    return true
  }
}
