import * as Y from 'yjs'
import type { Node as PMNode } from '@tiptap/pm/model'
import type { ProsemirrorBinding } from '@tiptap/y-tiptap'
import type { AnyType, YPoint } from '../../shared/comments/anchor'

/** What resolving needs from the Yjs binding: its Y.Doc, its fragment and its Yjs → ProseMirror mapping. */
export type BindingLike = Pick<ProsemirrorBinding, 'doc' | 'type' | 'mapping'>

/**
 * Editor positions of many Yjs points at once. y-prosemirror's `relativePositionToAbsolutePosition`
 * adds up the size of every top-level block before a point's article, for every point: placing
 * 300 threads on a 300-article law took ~90,000 such steps. Here the top level's starts are
 * summed once; below the top level the walk is upstream's (a few blocks per article).
 * Returns null for a point whose block the editor has not rendered yet.
 */
export type EditorPositions = (point: YPoint) => number | null

export function editorPositions(binding: BindingLike): EditorPositions {
  let starts: Map<AnyType, number> | null | undefined
  return (point) => {
    starts ??= topLevelStarts(binding)
    return starts && positionOf(point, binding, starts)
  }
}

function sizeOf(type: AnyType, mapping: BindingLike['mapping']): number | null {
  if (type instanceof Y.XmlText) return type._length
  const node = mapping.get(type) as PMNode | PMNode[] | undefined
  return node && !Array.isArray(node) ? node.nodeSize : null
}

/** The editor position where each live top-level block starts (null if one is not rendered). */
function topLevelStarts(binding: BindingLike): Map<AnyType, number> | null {
  const starts = new Map<AnyType, number>()
  let pos = 0
  for (let item = binding.type._start; item !== null; item = item.right) {
    if (item.deleted) continue
    const type = (item.content as Y.ContentType).type as AnyType
    const size = sizeOf(type, binding.mapping)
    if (size === null) return null
    starts.set(type, pos)
    pos += size
  }
  return starts
}

/** Upstream's walk from the point up to the fragment, with the top level looked up. */
function positionOf(point: YPoint, binding: BindingLike, starts: Map<AnyType, number>): number | null {
  let type: AnyType = point.text
  let pos = point.index
  for (;;) {
    const item = type._item
    if (item === null) return null // not inside the fragment
    const parent = item.parent as AnyType
    if (parent === (binding.type as AnyType)) {
      const start = starts.get(type)
      return start === undefined ? null : start + pos
    }
    if (parent._item === null || !parent._item.deleted) {
      pos += 1 // the parent's start tag
      for (let n = parent._start; n !== null; n = n.right) {
        const sibling = (n.content as Y.ContentType).type as AnyType
        if (sibling === type) break
        if (n.deleted) continue
        const size = sizeOf(sibling, binding.mapping)
        if (size === null) return null
        pos += size
      }
    }
    type = parent
  }
}
