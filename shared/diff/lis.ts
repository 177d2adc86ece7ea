/**
 * Indices (into `values`) of one longest strictly increasing subsequence, O(n log n).
 * Applied to the old positions of matched items in their new order, it keeps the largest set
 * of items whose relative order is unchanged: the rest are the ones that "moved". One inserted
 * article shifts every number after it, yet moves nothing. With `keep`, of the longest ones, one
 * holding the most items `keep` prefers (see keepingPreferred).
 */
export function longestIncreasingSubsequence(values: readonly number[], keep?: (i: number) => boolean): number[] {
  if (keep) return keepingPreferred(values, keep)
  // tails[k]: index of the smallest value ending an increasing subsequence of length k + 1.
  const tails: number[] = []
  const previous: number[] = new Array(values.length)
  for (let i = 0; i < values.length; i++) {
    let lo = 0
    let hi = tails.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (values[tails[mid]] < values[i]) lo = mid + 1
      else hi = mid
    }
    previous[i] = lo > 0 ? tails[lo - 1] : -1
    tails[lo] = i
  }
  const out: number[] = new Array(tails.length)
  for (let k = tails.length - 1, i = tails[tails.length - 1]; k >= 0; k--, i = previous[i]) out[k] = i
  return out
}

/**
 * A longest increasing subsequence holding the most indices `keep` prefers: an article moved
 * one place down has swapped places with the next, and either of the two is a longest run kept
 * in order; the one the drafter moved is the one edited in between, so the untouched one is kept.
 * O(n log n): a Fenwick tree over the values' ranks holds the best (length, preferred) ending
 * at or below each.
 */
function keepingPreferred(values: readonly number[], keep: (i: number) => boolean): number[] {
  const ranks = [...values.keys()].sort((a, b) => values[a] - values[b])
  const rank: number[] = new Array(values.length)
  ranks.forEach((i, r) => (rank[i] = r + 1))
  const score = (length: number, preferred: number) => length * (values.length + 1) + preferred
  const tree = new Array<number>(values.length + 1).fill(-1) // index of the best end, -1 none
  const best: number[] = new Array(values.length)
  const previous: number[] = new Array(values.length)
  const better = (a: number, b: number) => b < 0 || best[a] > best[b]
  for (let i = 0; i < values.length; i++) {
    let before = -1
    for (let r = rank[i] - 1; r > 0; r -= r & -r) if (tree[r] >= 0 && better(tree[r], before)) before = tree[r]
    const length = before < 0 ? 1 : Math.floor(best[before] / (values.length + 1)) + 1
    const preferred = (before < 0 ? 0 : best[before] % (values.length + 1)) + (keep(i) ? 1 : 0)
    best[i] = score(length, preferred)
    previous[i] = before
    for (let r = rank[i]; r <= values.length; r += r & -r) if (better(i, tree[r])) tree[r] = i
  }
  let end = -1
  for (let i = 0; i < values.length; i++) if (better(i, end)) end = i
  const out: number[] = []
  for (let i = end; i >= 0; i = previous[i]) out.push(i)
  return out.reverse()
}

/**
 * For matched items given as `afterToBefore` (old index per new index, -1 when new), which
 * new indices moved: matched but outside the longest run kept in order (`keep`: see keepingPreferred).
 */
export function movedIndices(afterToBefore: readonly number[], keep?: (j: number) => boolean): Set<number> {
  const matched: number[] = []
  for (let j = 0; j < afterToBefore.length; j++) if (afterToBefore[j] >= 0) matched.push(j)
  const kept = new Set(longestIncreasingSubsequence(matched.map((j) => afterToBefore[j]), keep && ((k) => keep(matched[k]))).map((k) => matched[k]))
  return new Set(matched.filter((j) => !kept.has(j)))
}
