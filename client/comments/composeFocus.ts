import type { Editor } from '@tiptap/react'

/**
 * Where focus goes back when the comment box closes, captured before the box takes it: the text
 * with its selection when the comment was started there (Ctrl+Alt+M, or "Comment" clicked, which
 * leaves focus in the text), else the control that started it (an outline "+"). In read-only text,
 * which cannot hold focus, the selection is put back. Nothing moves if focus went on elsewhere.
 */
export function focusReturn(editor: Editor): () => void {
  const from = document.activeElement
  const inText = from instanceof Node && editor.view.dom.contains(from)
  const selection = window.getSelection()
  const range = selection && selection.rangeCount > 0 && editor.view.dom.contains(selection.anchorNode) ? selection.getRangeAt(0).cloneRange() : null
  return () => {
    const now = document.activeElement
    if (now && now !== document.body && !now.closest('.comment-composer')) return
    if (inText) {
      if (!editor.isDestroyed) editor.view.focus()
    } else if (from instanceof HTMLElement && from !== document.body && from.isConnected) {
      from.focus()
    } else if (range && range.startContainer.isConnected) {
      window.getSelection()?.removeAllRanges()
      window.getSelection()?.addRange(range)
    }
  }
}
