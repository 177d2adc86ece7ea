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

/** Thread ids by article, then in the panel's order within it. */
function panelOrder(threads: readonly ThreadView[], placements: ReadonlyMap<string, Placement>): string[] {
  const within = byPlace(placements)
  const article = (t: ThreadView) => placements.get(t.id)?.articleId ?? t.articleId
  return [...threads].sort((a, b) => (article(a) < article(b) ? -1 : article(a) > article(b) ? 1 : within(a, b))).map((t) => t.id)
}

/**
 * Whether the panel shows `threads` the same with placements `a` and `b`: every thread of the
 * same kind under the same article, in the same order (positions themselves are not shown).
 */
export function samePanelPlacements(threads: readonly ThreadView[], a: ReadonlyMap<string, Placement>, b: ReadonlyMap<string, Placement>): boolean {
  if (a.size !== b.size) return false
  for (const [id, x] of a) {
    const y = b.get(id)
    if (!y || y.kind !== x.kind || y.articleId !== x.articleId) return false
  }
  const orderA = panelOrder(threads, a)
  const orderB = panelOrder(threads, b)
  return orderA.every((id, i) => id === orderB[i])
}
