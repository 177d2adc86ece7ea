import type { FlatArticle, FlatDivision } from './flatten'
import type { Matching } from './match'
import { longestIncreasingSubsequence, movedIndices } from './lis'
import { DIVISION_TYPES, structuralRank } from '../schema'

type Item = FlatDivision | FlatArticle

/** The container of an item outside every division. */
const ROOT = -1

/** For each item, the index of the division it is in: the nearest before it of a higher rank (ROOT if none). */
function containers(items: readonly Item[]): number[] {
  // open[r]: the index of the open division of rank r; a division closes those of its rank and below.
  const open: number[] = new Array<number>(DIVISION_TYPES.length + 1).fill(ROOT)
  return items.map((item, index) => {
    const rank = structuralRank(item.kind)
    let container = ROOT
    for (let r = rank + 1; r < open.length && container === ROOT; r++) container = open[r]
    if (rank > 0) for (let r = 1; r <= rank; r++) open[r] = r === rank ? index : ROOT
    return container
  })
}

/** One kind's items (their indices in the structure, old and new) and how they were paired. */
export interface KindMatching {
  oldIdx: readonly number[]
  nowIdx: readonly number[]
  matching: Matching
}

/**
 * Which items of the new version moved, for a lawyer: an item moved when its order among the
 * items that stayed in the same part, chapter or section changed, so a chapter moved with its
 * articles is one move (the chapter's), not a move of every article it passed or carried. An
 * item that went from one kept division into another also moved, unless the rest of the order
 * explains it (a heading moved past it, not the item) — or tells otherwise (the item was edited
 * in between and neither heading was). Items are the whole structure, in
 * reading order; `kinds` lists the kinds matched separately, with their matchings. Where two
 * readings explain the order equally (an article moved one place down, or the next one up),
 * `untouched` items (no one edited them in between) are the ones read as staying.
 */
export function movedItems(
  before: readonly Item[],
  after: readonly Item[],
  structure: Matching,
  kinds: readonly KindMatching[],
  untouched?: (item: Item) => boolean,
): Set<number> {
  const beforeIn = containers(before)
  const afterIn = containers(after)
  // The old container as an index of the new version: ROOT, or -2 when it is gone.
  const beforeContainerNow = (i: number): number => (beforeIn[i] === ROOT ? ROOT : structure.beforeToAfter[beforeIn[i]] >= 0 ? structure.beforeToAfter[beforeIn[i]] : -2)
  const kept = (container: number): boolean => container === ROOT || structure.afterToBefore[container] >= 0

  // Into the neighbouring division with Alt+Shift+↑/↓ the order is the same as if that
  // division's heading had moved past it: the item edited in between, not the headings, moved.
  const headingUntouched = (container: number) => container < 0 || untouched!(after[container])
  const carriedAcross = (index: number, was: number, now: number): boolean =>
    untouched !== undefined && !untouched(after[index]) && headingUntouched(was) && headingUntouched(now)

  const moved = new Set<number>()
  for (const { oldIdx, nowIdx, matching } of kinds) {
    const keep = untouched && ((j: number) => untouched(after[nowIdx[j]]))
    const overall = movedIndices(matching.afterToBefore, keep)
    const groups = new Map<string, number[]>()
    matching.afterToBefore.forEach((i, j) => {
      if (i < 0) return
      const was = beforeContainerNow(oldIdx[i])
      const now = afterIn[nowIdx[j]]
      if (was !== now && was !== -2 && kept(now) && (overall.has(j) || carriedAcross(nowIdx[j], was, now))) moved.add(nowIdx[j])
      const key = `${was} ${now}`
      const group = groups.get(key)
      if (group) group.push(j)
      else groups.set(key, [j])
    })
    for (const group of groups.values()) {
      const order = longestIncreasingSubsequence(group.map((j) => matching.afterToBefore[j]), keep && ((k) => keep(group[k])))
      const inOrder = new Set(order.map((k) => group[k]))
      for (const j of group) if (!inOrder.has(j)) moved.add(nowIdx[j])
    }
  }
  return moved
}
