import * as Y from 'yjs'
import type { Node as PMNode } from '@tiptap/pm/model'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the mapping's key type as y-tiptap declares it
type Mapping = Map<Y.AbstractType<any>, PMNode | PMNode[]>

/**
 * A unit moved past its neighbour (`Alt+Shift+↑/↓`: an article, or a chapter with its articles)
 * leaves the law's top-level nodes the same objects, two runs of them swapped. Upstream's
 * updateYFragment, which cannot move, deletes and re-creates whichever run came first, so moving
 * an article up re-created the article it passed: the activity, the comparison's "Edited by" and
 * its reading of which article moved named that one. This deletes the run that moved (the one
 * holding the mover's caret, which goes with it; else the shorter), for updateYFragment to
 * create again where it now stands. Anything but two swapped runs is left to upstream.
 */
export function deleteMovedRun(fragment: Y.XmlFragment, doc: PMNode, mapping: Mapping, head: number): void {
  const ys = fragment.toArray()
  if (ys.length !== doc.childCount) return
  let start = 0
  while (start < ys.length && mapping.get(ys[start]) === doc.child(start)) start++
  if (start === ys.length) return
  let end = ys.length
  while (end > start && mapping.get(ys[end - 1]) === doc.child(end - 1)) end--
  // Now ys[start, split) then ys[split, end) in the fragment, the other way round in the document.
  const first = doc.child(start)
  let split = start + 1
  while (split < end && mapping.get(ys[split]) !== first) split++
  if (split >= end) return
  const length = end - start
  for (let i = 0; i < length; i++) {
    if (mapping.get(ys[start + ((split - start + i) % length)]) !== doc.child(start + i)) return
  }
  const headIndex = doc.resolve(Math.min(head, doc.content.size)).index(0)
  const second = start + (end - split) // where the first run now starts in the document
  const firstHasCaret = headIndex >= second && headIndex < end
  const secondHasCaret = headIndex >= start && headIndex < second
  if (firstHasCaret || (!secondHasCaret && split - start <= end - split)) fragment.delete(start, split - start)
  else fragment.delete(split, end - split)
}
