import type { Node as PMNode } from '@tiptap/pm/model'
import { findById } from '../../shared/editor/commands'

type Identity = { id: string; heading: boolean }

/** The stable id of the text block holding `pos` (an article heading: its article's), and the offset in it. */
function blockAt(doc: PMNode, pos: number): (Identity & { offset: number }) | null {
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
 * the next block, where the following keystrokes then landed. When the block is gone and
 * `followDeleted`, see caretAfterDeletedBlock (`deleted`: it was deleted, not joined). Null when `resolved`
 * already lies in the block, or the block is gone and not followed.
 */
export function caretInSameBlock(oldDoc: PMNode, newDoc: PMNode, oldPos: number, resolved: number | null, followDeleted: boolean): { pos: number; deleted: boolean } | null {
  const before = blockAt(oldDoc, Math.min(oldPos, oldDoc.content.size))
  if (!before) return null
  if (resolved !== null && resolved <= newDoc.content.size) {
    const now = blockAt(newDoc, resolved)
    if (now && now.id === before.id && now.heading === before.heading) return null
  }
  const found = findById(newDoc, before.id)
  if (!found) return followDeleted ? caretAfterDeletedBlock(oldDoc, newDoc, oldPos, before) : null
  const { node, pos } = found
  if (before.heading) {
    const heading = node.type.name === 'article' ? node.firstChild : null
    return heading?.isTextblock ? { pos: pos + 2 + Math.min(before.offset, heading.content.size), deleted: false } : null
  }
  return node.isTextblock ? { pos: pos + 1 + Math.min(before.offset, node.content.size), deleted: false } : null
}

/** Every block and article of `doc` with an id, by id, with its position. */
function nodesById(doc: PMNode): Map<string, { pos: number; node: PMNode }> {
  const nodes = new Map<string, { pos: number; node: PMNode }>()
  doc.descendants((node, pos) => {
    if (typeof node.attrs.id === 'string') nodes.set(node.attrs.id, { pos, node })
    return node.type.name === 'article' || !node.isTextblock
  })
  return nodes
}

/** A textblock's words with a leaf (a cross-reference) as one character, so that offsets are positions. */
const wordsOf = (block: PMNode) => block.textBetween(0, block.content.size, undefined, '\ufffc')

/**
 * Where a caret goes whose block (`before`) a co-author took away. Joined to the block before it
 * (`Backspace` at its start: Yjs copies the words over), at the same words there. Deleted, at
 * the start of the first block after it that is still there (the text that now stands where it
 * stood), else at the end of the last one before it; upstream's recovery kept the caret's offset
 * in whatever block now had the deleted one's place, so the next keystrokes landed mid-word in
 * another point.
 */
function caretAfterDeletedBlock(oldDoc: PMNode, newDoc: PMNode, oldPos: number, before: Identity & { offset: number }): { pos: number; deleted: boolean } | null {
  const ids = nodesById(newDoc)
  const $old = oldDoc.resolve(Math.min(oldPos, oldDoc.content.size))
  const start = $old.start()
  const near: { after: Identity | null; last: Identity | null } = { after: null, last: null }
  oldDoc.descendants((node, pos) => {
    if (near.after) return false
    if (!node.isTextblock) return true
    const here = blockAt(oldDoc, pos + 1)
    if (here && ids.has(here.id)) {
      if (pos + 1 > start) near.after = here
      else near.last = here
    }
    return false
  })
  const textStart = (target: Identity | null) => {
    const found = target && ids.get(target.id)
    const block = target?.heading ? found?.node.firstChild : found?.node
    return found && block?.isTextblock ? { pos: found.pos + (target!.heading ? 2 : 1), block } : null
  }
  const last = textStart(near.last)
  const words = wordsOf($old.parent)
  if (last && words && !before.heading && wordsOf(last.block).endsWith(words)) {
    return { pos: last.pos + last.block.content.size - words.length + before.offset, deleted: false }
  }
  const after = textStart(near.after)
  if (after) return { pos: after.pos, deleted: true }
  return last ? { pos: last.pos + last.block.content.size, deleted: true } : null
}
