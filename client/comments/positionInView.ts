import type { EditorView } from '@tiptap/pm/view'
import { toolbarHeight } from '../editor/stickyToolbar'

/**
 * Where a comment with nothing selected goes in read-only text. A reviewer reading with the
 * keyboard moves no caret there (the arrows scroll): the position the editor still holds is the
 * title's, far above. If it is out of sight, the place at the top of what is in view is meant.
 */
export function positionInView(view: EditorView, pos: number): number {
  const top = toolbarHeight()
  try {
    const at = view.coordsAtPos(pos)
    if (at.top >= top && at.bottom <= window.innerHeight) return pos
  } catch {
    return pos
  }
  const text = view.dom.getBoundingClientRect()
  const found = view.posAtCoords({ left: text.left + Math.min(48, text.width / 2), top: Math.max(text.top, top) + 24 })
  return found?.pos ?? pos
}
