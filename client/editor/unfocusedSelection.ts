import { Plugin } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'

/** Not in prosemirror-view's typings, but what its selection reader asks (1.44). */
type ViewWithSelection = EditorView & { domSelection(): Selection | null }

/**
 * An editable view without focus does not own the page's selection, and ProseMirror ignores it
 * then (its selection reader sets the range it read aside as soon as it finds no focus). But it
 * still reads it at the end of every view update, and reading the selection right after a change
 * of the DOM makes Chromium lay the page out there and then: with a whole law just rendered,
 * 18–33 ms of opening a draft, twice (the editor's creation and the first sync), before the
 * frame lays it out again. Unfocused and editable, the view sees no selection at all.
 *
 * The plugin's view puts the reader back when it goes: plugin views are made again whenever the
 * plugins change (the comments plugin is registered and unregistered at run time), and each
 * would otherwise wrap the wrapper before it.
 */
export function unfocusedSelectionPlugin(): Plugin {
  return new Plugin({
    view(editorView: EditorView) {
      const view = editorView as ViewWithSelection
      const read = view.domSelection
      view.domSelection = function (this: ViewWithSelection) {
        return this.editable && !this.hasFocus() ? null : read.call(this)
      }
      return { destroy: () => void (view.domSelection = read) }
    },
  })
}
