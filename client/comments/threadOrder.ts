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
    // The panel's sort is stable: threads equal in `b` must stay in the threads' order.
    const index = new Map(group.map((t, i) => [t.id, i]))
    const shown = [...group].sort(inA)
    for (let i = 1; i < shown.length; i++) {
      const order = inB(shown[i - 1], shown[i])
      if (order > 0 || (order === 0 && index.get(shown[i - 1].id)! > index.get(shown[i].id)!)) return false
    }
  }
  return true
}
