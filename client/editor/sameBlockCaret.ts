import type { Node as PMNode } from '@tiptap/pm/model'
import { findById } from '../../shared/editor/commands'

/** The stable id of the text block holding `pos` (an article heading: its article's), and the offset in it. */
function blockAt(doc: PMNode, pos: number): { id: string; heading: boolean; offset: number } | null {
  const $pos = doc.resolve(pos)
  const block = $pos.parent
  if (!block.isTextblock || $pos.depth < 1) return null
  if (typeof block.attrs.id === 'string') return { id: block.attrs.id, heading: false, offset: $pos.parentOffset }
  const article = $pos.depth >= 2 ? $pos.node($pos.depth - 1) : null
  if (article?.type.name === 'article' && $pos.index($pos.depth - 1) === 0 && typeof article.attrs.id === 'string') {
    return { id: article.attrs.id, heading: true, offset: $pos.parentOffset }
  }
  return null
}

/**
 * Where a caret that stood in a block before a co-author's structural change belongs now: in the
 * block with the same stable id, at the same offset (as far as its text goes). A moved article or
 * a block whose level changed is a new element with the old id (Yjs cannot move or rename one),
 * and the caret's Yjs position pointed into the deleted original: upstream's recovery put it in
 * the next block, where the following keystrokes then landed. Null when the block is gone, or
 * when `resolved` already lies in it.
 */
export function caretInSameBlock(oldDoc: PMNode, newDoc: PMNode, oldPos: number, resolved: number | null): number | null {
  const before = blockAt(oldDoc, Math.min(oldPos, oldDoc.content.size))
  if (!before) return null
  if (resolved !== null && resolved <= newDoc.content.size) {
    const now = blockAt(newDoc, resolved)
    if (now && now.id === before.id && now.heading === before.heading) return null
  }
  const found = findById(newDoc, before.id)
  if (!found) return null
  const { node, pos } = found
  if (before.heading) {
    const heading = node.type.name === 'article' ? node.firstChild : null
    return heading?.isTextblock ? pos + 2 + Math.min(before.offset, heading.content.size) : null
  }
  return node.isTextblock ? pos + 1 + Math.min(before.offset, node.content.size) : null
}
