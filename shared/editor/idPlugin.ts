import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state'
import type { Node as PMNode } from '@tiptap/pm/model'
import { Mapping } from '@tiptap/pm/transform'
import { isIdNodeType } from '../schema'
import { newId } from '../ids'
import { isRemoteTransaction, isTextOnlyTransaction } from './changes'

export const idPluginKey = new PluginKey('stableIds')

interface IdHolder {
  pos: number
  id: string | null
}

/** Every chapter, article and body block, in document order (structure only, never text). */
export function idHolders(doc: PMNode): IdHolder[] {
  const out: IdHolder[] = []
  doc.forEach((node, offset) => {
    if (isIdNodeType(node.type.name)) out.push({ pos: offset, id: node.attrs.id })
    if (node.type.name === 'article') {
      node.forEach((child, childOffset) => {
        if (isIdNodeType(child.type.name)) out.push({ pos: offset + 1 + childOffset, id: child.attrs.id })
      })
    }
  })
  return out
}

/** Ranges of the final document touched by the transactions, to tell a copy from its original. */
function changedRanges(trs: readonly Transaction[]): [number, number][] {
  const mapping = new Mapping()
  for (const tr of trs) mapping.appendMapping(tr.mapping)
  const ranges: [number, number][] = []
  mapping.maps.forEach((map, i) => {
    const rest = mapping.slice(i + 1)
    map.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
      ranges.push([rest.map(newStart, -1), rest.map(newEnd, 1)])
    })
  })
  return ranges
}

/**
 * Fixes missing and duplicate ids after local structural edits (split, paste, new blocks):
 * a duplicate keeps its id where it already stood and the copy inside the changed range gets
 * a fresh one. Remote transactions are left alone so that clients never race to rename.
 */
export function stableIdPlugin(): Plugin {
  return new Plugin({
    key: idPluginKey,
    appendTransaction(trs, _oldState, newState) {
      const local = trs.filter((tr) => tr.docChanged && !isRemoteTransaction(tr))
      if (local.length === 0 || local.every(isTextOnlyTransaction)) return null
      // One pass over the law's ~1,500 holders: only an id seen twice gets a group of its own.
      const first = new Map<string, IdHolder>()
      const duplicates = new Map<string, IdHolder[]>()
      const missing: IdHolder[] = []
      for (const h of idHolders(newState.doc)) {
        if (!h.id) {
          missing.push(h)
          continue
        }
        const earlier = first.get(h.id)
        const group = duplicates.get(h.id)
        if (!earlier) first.set(h.id, h)
        else if (group) group.push(h)
        else duplicates.set(h.id, [earlier, h])
      }
      const ranges = changedRanges(trs)
      const inChanged = (pos: number) => ranges.some(([from, to]) => pos >= from && pos < to)
      /** Whether some of [from, to) lies outside the changed ranges (the first such point is `from` or a range's end). */
      const partlyUnchanged = (from: number, to: number) =>
        [from, ...ranges.map(([, end]) => end)].some((p) => p >= from && p < to && !inChanged(p))
      /** Whether the node still holds words that were there before: it is the original, not a copy or an empty split-off. */
      const holdsOldText = (h: IdHolder) => {
        let found = false
        newState.doc.nodeAt(h.pos)?.descendants((child, offset) => {
          if (found) return false
          if (child.isText) {
            const start = h.pos + 1 + offset
            found = partlyUnchanged(start, start + child.nodeSize)
          }
          return true
        })
        return found
      }
      const renamed: IdHolder[] = [...missing]
      for (const group of duplicates.values()) {
        const keeper = group.find(holdsOldText) ?? group.find((h) => !inChanged(h.pos)) ?? group[0]
        for (const h of group) if (h !== keeper) renamed.push(h)
      }
      if (renamed.length === 0) return null
      const tr = newState.tr
      for (const h of renamed) tr.setNodeAttribute(h.pos, 'id', newId())
      // Part of the change's undo step: the Yjs binding writes a view update's transactions as one,
      // tracked only if the last of them is (a paste marked untracked here could not be undone).
      return tr
    },
  })
}
