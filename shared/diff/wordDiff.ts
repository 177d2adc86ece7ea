import { diffArrays } from 'diff'
import type { Segment } from './types'
import { tokenize, type Tokens } from './tokenize'
import { slideRuns, type Run } from './slide'

/**
 * Word-level diff of two texts. Tokens (words, single punctuation marks) are aligned with the
 * `diff` package's array diff; the whitespace between tokens is then put back from the
 * original texts, so equal+delete segments spell the old text exactly and equal+insert the
 * new one.
 */
export function diffText(before: string, after: string): Segment[] {
  if (before === after) return before ? [{ kind: 'equal', text: before }] : []
  if (!before) return [{ kind: 'insert', text: after }]
  if (!after) return [{ kind: 'delete', text: before }]
  const a = tokenize(before)
  const b = tokenize(after)
  const runs = slideRuns(alignTokens(a.values, b.values), a, b)
  return buildSegments(before, after, a, b, runs)
}

/** Past this many token edits a block is shown as rewritten, which reads as well and bounds the cost. */
const MAX_EDIT_LENGTH = 2000

function alignTokens(a: string[], b: string[]): Run[] {
  // Common head and tail are cut first: most edits touch a few words of a long paragraph.
  let head = 0
  while (head < a.length && head < b.length && a[head] === b[head]) head++
  let tail = 0
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++
  const runs: Run[] = []
  if (head) runs.push({ kind: 'equal', count: head })
  const midA = a.slice(head, a.length - tail)
  const midB = b.slice(head, b.length - tail)
  const changes = diffArrays(midA, midB, { maxEditLength: MAX_EDIT_LENGTH })
  if (changes) {
    for (const c of changes) runs.push({ kind: c.added ? 'insert' : c.removed ? 'delete' : 'equal', count: c.count })
  } else {
    if (midA.length) runs.push({ kind: 'delete', count: midA.length })
    if (midB.length) runs.push({ kind: 'insert', count: midB.length })
  }
  if (tail) runs.push({ kind: 'equal', count: tail })
  return runs
}

function buildSegments(before: string, after: string, a: Tokens, b: Tokens, runs: Run[]): Segment[] {
  const out: Segment[] = []
  const push = (kind: Segment['kind'], text: string) => {
    if (!text) return
    const last = out[out.length - 1]
    if (last && last.kind === kind) last.text += text
    else out.push({ kind, text })
  }
  // Text between two matched tokens: equal if identical, else its words and spaces changed.
  const region = (oldText: string, newText: string) => {
    if (oldText === newText) return push('equal', oldText)
    const [lead, trail] = commonWhitespace(oldText, newText)
    push('equal', oldText.slice(0, lead))
    push('delete', oldText.slice(lead, oldText.length - trail))
    push('insert', newText.slice(lead, newText.length - trail))
    push('equal', oldText.slice(oldText.length - trail))
  }
  let ai = 0
  let bi = 0
  let aCursor = 0
  let bCursor = 0
  for (const run of runs) {
    if (run.kind === 'delete') ai += run.count
    else if (run.kind === 'insert') bi += run.count
    else if (run.count > 0) {
      region(before.slice(aCursor, a.starts[ai]), after.slice(bCursor, b.starts[bi]))
      const aEnd = a.ends[ai + run.count - 1]
      const bEnd = b.ends[bi + run.count - 1]
      const oldSpan = before.slice(a.starts[ai], aEnd)
      const newSpan = after.slice(b.starts[bi], bEnd)
      if (oldSpan === newSpan) push('equal', oldSpan)
      else {
        // Same tokens, different spacing somewhere inside: go token by token.
        for (let k = 0; k < run.count; k++) {
          if (k > 0) region(before.slice(a.ends[ai + k - 1], a.starts[ai + k]), after.slice(b.ends[bi + k - 1], b.starts[bi + k]))
          push('equal', a.values[ai + k])
        }
      }
      ai += run.count
      bi += run.count
      aCursor = aEnd
      bCursor = bEnd
    }
  }
  region(before.slice(aCursor), after.slice(bCursor))
  return out
}

/** Lengths of the whitespace both texts start with and end with, kept outside the change. */
function commonWhitespace(x: string, y: string): [number, number] {
  const max = Math.min(x.length, y.length)
  let lead = 0
  while (lead < max && x[lead] === y[lead] && /\s/.test(x[lead])) lead++
  let trail = 0
  while (trail < max - lead && x[x.length - 1 - trail] === y[y.length - 1 - trail] && /\s/.test(x[x.length - 1 - trail])) trail++
  return [lead, trail]
}
