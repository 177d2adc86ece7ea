import type { Editor } from '@tiptap/react'
import type { AlternativeGroup } from '../../shared/alternatives/inDocument'

/**
 * Puts the caret at the start of a group in the text and scrolls it into view. The group's block
 * is found by its stable id (an article's id for its heading); the offset is clamped to the block,
 * since the text may have changed since the groups were last found.
 */
export function showGroup(editor: Editor | null, group: AlternativeGroup): void {
  if (!editor || editor.isDestroyed) return
  let textStart = -1
  let textEnd = -1
  editor.state.doc.descendants((node, pos) => {
    if (textStart >= 0) return false
    if (node.attrs.id !== group.blockId) return !node.isTextblock
    const block = node.type.name === 'article' ? node.firstChild : node
    textStart = node.type.name === 'article' ? pos + 2 : pos + 1
    textEnd = textStart + (block?.content.size ?? 0)
    return false
  })
  if (textStart < 0) return
  editor.chain().focus().setTextSelection(Math.min(textStart + group.start, textEnd)).scrollIntoView().run()
}
