/**
 * Indices (into `values`) of one longest strictly increasing subsequence, O(n log n).
 * Applied to the old positions of matched items in their new order, it keeps the largest set
 * of items whose relative order is unchanged: the rest are the ones that "moved". One inserted
 * article shifts every number after it, yet moves nothing.
 */
export function longestIncreasingSubsequence(values: readonly number[]): number[] {
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
 * For matched items given as `afterToBefore` (old index per new index, -1 when new), which
 * new indices moved: matched but outside the longest run kept in order.
 */
export function movedIndices(afterToBefore: readonly number[]): Set<number> {
  const matched: number[] = []
  for (let j = 0; j < afterToBefore.length; j++) if (afterToBefore[j] >= 0) matched.push(j)
  const kept = new Set(longestIncreasingSubsequence(matched.map((j) => afterToBefore[j])).map((k) => matched[k]))
  return new Set(matched.filter((j) => !kept.has(j)))
}
