import type { Tokens } from './tokenize'

/** A run of tokens in an alignment: `count` tokens equal in both, only in the old, or only in the new. */
export interface Run {
  kind: 'equal' | 'insert' | 'delete'
  count: number
}

/**
 * An insertion or deletion between two equal runs can often sit at several places with the
 * same cost: "[a] [b]" from "[a]" is either "+[b] " or "+] [b". Like git's diff heuristics,
 * slide each such run to where it starts and ends at word boundaries (whitespace or the text's
 * edge), so whole words and bracketed alternatives are highlighted. Ties go to the leftmost.
 */
export function slideRuns(runs: Run[], a: Tokens, b: Tokens): Run[] {
  let ai = 0
  let bi = 0
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i]
    if (run.kind === 'equal') {
      ai += run.count
      bi += run.count
      continue
    }
    const prev = runs[i - 1]
    const next = runs[i + 1]
    if (prev?.kind === 'equal' && next?.kind === 'equal') {
      const side = run.kind === 'insert' ? b : a
      const start = run.kind === 'insert' ? bi : ai
      const shift = bestShift(side, start, run.count, prev.count, next.count)
      prev.count += shift
      next.count -= shift
      ai += shift
      bi += shift
    }
    if (run.kind === 'insert') bi += run.count
    else ai += run.count
  }
  return runs.filter((run) => run.count > 0)
}

/** How far (negative: left) to move a run of `length` tokens at `start`, within its equal neighbours. */
function bestShift(side: Tokens, start: number, length: number, before: number, after: number): number {
  const v = side.values
  let left = 0
  while (left < before && v[start - left - 1] === v[start + length - left - 1]) left++
  let right = 0
  while (right < after && v[start + right] === v[start + length + right]) right++
  let best = -left
  let bestScore = -1
  for (let shift = -left; shift <= right; shift++) {
    const score = boundaryScore(side, start + shift, length)
    if (score > bestScore) {
      bestScore = score
      best = shift
    }
  }
  return best
}

function boundaryScore(side: Tokens, start: number, length: number): number {
  const end = start + length - 1
  const n = side.values.length
  const spaceBefore = start === 0 || side.starts[start] > side.ends[start - 1]
  const spaceAfter = end === n - 1 || side.starts[end + 1] > side.ends[end]
  return (spaceBefore ? 1 : 0) + (spaceAfter ? 1 : 0)
}
