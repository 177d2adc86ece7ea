import type { BlockDiff } from './types'
import type { FlatBlock } from './flatten'
import { matchById, readingOrder } from './match'
import { movedIndices } from './lis'
import { textDiff } from './textDiff'

/**
 * The body blocks (paragraphs, points, sub-points) of one article in both versions, matched
 * by id, in reading order. A block whose level changed (a point made a paragraph) keeps its
 * id and is 'changed'.
 */
export function diffBlocks(before: readonly FlatBlock[], after: readonly FlatBlock[]): BlockDiff[] {
  const matching = matchById(before, after, (block) => block.id)
  const moved = movedIndices(matching.afterToBefore)
  return readingOrder(matching).map(({ before: i, after: j }) => {
    const old = i >= 0 ? before[i] : null
    const now = j >= 0 ? after[j] : null
    const text = textDiff(old ? old.text : null, now ? now.text : null)
    const retyped = old !== null && now !== null && old.type !== now.type
    // Fields listed one by one: `{ ...text, status }` overrides a spread key, which V8 turns
    // into a slow dictionary object (measured: 15 ms instead of 1 ms on a 300-article law).
    return {
      status: retyped && text.status === 'unchanged' ? 'changed' : text.status,
      before: text.before,
      after: text.after,
      segments: text.segments,
      id: (now ?? old)?.id ?? null,
      typeBefore: old?.type ?? null,
      typeAfter: now?.type ?? null,
      labelBefore: old?.label ?? null,
      labelAfter: now?.label ?? null,
      indexBefore: i >= 0 ? i : null,
      indexAfter: j >= 0 ? j : null,
      moved: j >= 0 && moved.has(j),
    }
  })
}
