import type { Editor } from '@tiptap/react'
import { TextSelection } from '@tiptap/pm/state'
import { findPlaceNode } from '../../shared/places'

/** Brings a place of the text (an article, a heading, the title, the preamble, the closing formula) into view, the caret at its start. */
export function jumpTo(editor: Editor, id: string): void {
  const found = findPlaceNode(editor.state.doc, id)
  if (!found) return
  const element = editor.view.nodeDOM(found.pos)
  if (element instanceof Element) element.scrollIntoView({ block: 'start', behavior: 'auto' })
  const inside = found.pos + (found.node.isTextblock ? 1 : 2)
  editor.view.dispatch(editor.state.tr.setSelection(TextSelection.near(editor.state.doc.resolve(inside))))
  editor.view.focus()
}
