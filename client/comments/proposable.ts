import type { Node as PMNode } from '@tiptap/pm/model'

/**
 * Whether [from, to] is words of one textblock and nothing else: what a proposed wording can
 * replace (a cross-reference is an inline node of its own; the server checks the same in Yjs).
 */
export function plainWordsOfOneBlock(doc: PMNode, from: number, to: number): boolean {
  const $from = doc.resolve(from)
  if (!$from.parent.isTextblock || !$from.sameParent(doc.resolve(to))) return false
  let plain = true
  doc.nodesBetween(from, to, (node) => {
    if (node.isInline && !node.isText) plain = false
    return plain
  })
  return plain
}
