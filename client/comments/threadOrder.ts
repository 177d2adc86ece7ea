import type { ThreadView } from '../../shared/api'
import type { Placement } from './anchors'

/**
 * The order of threads under their article in the panel, and when two placements would show
 * the same: placements move with every edit made before their words, the panel does not.
 */

/** Sort key of a thread within its article: whole-article threads, then passages in text order, then the rest. */
function orderOf(placement: Placement | undefined): number {
  if (placement?.kind === 'article') return -1
  if (placement?.kind === 'passage') return placement.from
  return Number.MAX_SAFE_INTEGER
}

/** Compares two threads of one article as the panel lists them. */
export function byPlace(placements: ReadonlyMap<string, Placement>): (a: ThreadView, b: ThreadView) => number {
  return (a, b) => orderOf(placements.get(a.id)) - orderOf(placements.get(b.id)) || a.createdAt.localeCompare(b.createdAt)
}

/**
 * Whether the panel shows `threads` the same with placements `a` and `b`: every thread of the
 * same kind under the same article, in the same order (positions themselves are not shown).
 * Kinds and articles being equal, only passages sharing an article can change places, so only
 * those are compared (placing 300 threads again while others type sorted all of them twice).
 */
export function samePanelPlacements(threads: readonly ThreadView[], a: ReadonlyMap<string, Placement>, b: ReadonlyMap<string, Placement>): boolean {
  if (a.size !== b.size) return false
  for (const [id, x] of a) {
    const y = b.get(id)
    if (!y || y.kind !== x.kind || y.articleId !== x.articleId) return false
  }
  const passages = new Map<string, ThreadView[]>()
  for (const thread of threads) {
    const placement = a.get(thread.id)
    if (placement?.kind !== 'passage') continue
    const group = passages.get(placement.articleId)
    if (group) group.push(thread)
    else passages.set(placement.articleId, [thread])
  }
  const inA = byPlace(a)
  const inB = byPlace(b)
  for (const group of passages.values()) {
    if (group.length < 2) continue
    // Indices into `group` (in the threads' order): the panel's sort is stable, so threads
    // equal in `b` must stay in that order.
    const shown = [...group.keys()].sort((i, j) => inA(group[i], group[j]))
    for (let k = 1; k < shown.length; k++) {
      const order = inB(group[shown[k - 1]], group[shown[k]])
      if (order > 0 || (order === 0 && shown[k - 1] > shown[k])) return false
    }
  }
  return true
}
