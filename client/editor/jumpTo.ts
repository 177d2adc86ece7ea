import type { Editor } from '@tiptap/react'
import { TextSelection } from '@tiptap/pm/state'
import type { Node as PMNode } from '@tiptap/pm/model'
import { findById } from '../../shared/editor/commands'

/** Places without an id of their own (shared/places.ts), by the node that holds them. */
const UNNAMED: Record<string, string> = { title: 'lawTitle', preamble: 'preamble' }

function placeNode(doc: PMNode, id: string): { pos: number; node: PMNode } | null {
  const found = findById(doc, id)
  if (found) return found
  const type = UNNAMED[id]
  let hit: { pos: number; node: PMNode } | null = null
  if (type) doc.forEach((node, pos) => void (!hit && node.type.name === type && (hit = { pos, node })))
  return hit
}

/** Brings a place of the text (an article, a heading, the title, the preamble) into view, the caret at its start. */
export function jumpTo(editor: Editor, id: string): void {
  const found = placeNode(editor.state.doc, id)
  if (!found) return
  const element = editor.view.nodeDOM(found.pos)
  if (element instanceof Element) element.scrollIntoView({ block: 'start', behavior: 'auto' })
  const inside = found.pos + (found.node.isTextblock ? 1 : 2)
  editor.view.dispatch(editor.state.tr.setSelection(TextSelection.near(editor.state.doc.resolve(inside))))
  editor.view.focus()
}
