import * as Y from 'yjs'
import { updateYFragment } from '@tiptap/y-tiptap'
import type { Node as PMNode } from '@tiptap/pm/model'
import { longestIncreasingSubsequence } from '../diff/lis'

/**
 * Rewrites the law in `fragment` to read as `target` (a restore). Upstream's updateYFragment
 * pairs the elements between the first and the last that differ one with another: with an
 * article moved since, it rewrote every article between its two places into its neighbour's
 * words and ids, so that review threads on words the restore did not change lost their words.
 * The top-level elements whose order changed (those outside a longest run kept in order, by id)
 * are deleted first and made again where the target has them, as a move in the editor does; the
 * rest keep their elements, and their unchanged words their identity.
 */
export function rewriteText(doc: Y.Doc, fragment: Y.XmlFragment, target: PMNode): void {
  const wanted = new Map<string, number>()
  target.forEach((node, _offset, index) => {
    if (typeof node.attrs.id === 'string' && !wanted.has(node.attrs.id)) wanted.set(node.attrs.id, index)
  })
  const present: { at: number; wanted: number }[] = []
  fragment.toArray().forEach((child, at) => {
    const id = child instanceof Y.XmlElement ? child.getAttribute('id') : undefined
    const index = typeof id === 'string' ? wanted.get(id) : undefined
    if (index !== undefined) present.push({ at, wanted: index })
  })
  const kept = new Set(longestIncreasingSubsequence(present.map((p) => p.wanted)))
  for (let i = present.length - 1; i >= 0; i--) if (!kept.has(i)) fragment.delete(present[i].at, 1)
  updateYFragment(doc, fragment, target, { mapping: new Map(), isOMark: new Map() })
}
