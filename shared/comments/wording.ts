import type { Segment } from '../diff/types'
import { diffText } from '../diff/wordDiff'
import type { YPoint } from './anchor'

/**
 * Proposed wordings: a reviewer proposes new words for a passage of one block; an editor accepts
 * (the words replace the passage in the text) or declines. Pure over Yjs types, so the server
 * applies an accepted wording to the live document and tests run it on a bare Y.Doc.
 */

/** The proposed words against the passage they would replace, word by word, as the comparison view shows changes. */
export function wordingDiff(quote: string, proposal: string): Segment[] {
  return diffText(quote, withQuoteSpaces(quote, proposal))
}

/**
 * The proposal (trimmed) with the spaces the quote starts and ends with: a selection often takes
 * the space after a word, which the proposal does not mean to remove.
 */
export function withQuoteSpaces(quote: string, proposal: string): string {
  const lead = /^\s*/.exec(quote)![0]
  if (lead.length === quote.length) return proposal
  return lead + proposal + /\s*$/.exec(quote)![0]
}

/** Why a passage's words cannot be replaced as they are. */
export type NotReplaceable = 'notOneText' | 'notPlain'

/**
 * The words between two points, if they are plain words of one block's text: a passage that
 * spans blocks, or a cross-reference (a separate element between two texts, or anything
 * embedded in a text), is more than words, and replacing it would lose it.
 */
export function plainWordsBetween(start: YPoint, end: YPoint): { ok: true; words: string } | { ok: false; reason: NotReplaceable } {
  if (start.text !== end.text) return { ok: false, reason: 'notOneText' }
  let offset = 0
  let words = ''
  for (const op of start.text.toDelta() as { insert?: unknown }[]) {
    const length = typeof op.insert === 'string' ? op.insert.length : 1
    const from = Math.max(start.index, offset)
    const to = Math.min(end.index, offset + length)
    if (from < to) {
      if (typeof op.insert !== 'string') return { ok: false, reason: 'notPlain' }
      words += op.insert.slice(from - offset, to - offset)
    }
    offset += length
  }
  return { ok: true, words }
}

/**
 * Replaces `current` — the plain words at `start` (checked with plainWordsBetween) — by
 * `proposal`, touching only the words the word diff says changed: words kept keep their
 * identity, so other threads anchored on them and concurrent typing around them are unaffected.
 * Call inside a transaction.
 */
export function replaceWords(start: YPoint, current: string, proposal: string): void {
  let index = start.index
  for (const segment of wordingDiff(current, proposal)) {
    if (segment.kind === 'equal') index += segment.text.length
    else if (segment.kind === 'delete') start.text.delete(index, segment.text.length)
    else {
      start.text.insert(index, segment.text)
      index += segment.text.length
    }
  }
}

/** A line break or a run of them typed or pasted into a proposed wording, which is one line. */
const LINE_BREAKS = /[\r\n\u2028\u2029]+/g

/** A proposed wording as typed, with line breaks made spaces (the server refuses them). */
export function oneLine(text: string): string {
  return text.replace(LINE_BREAKS, ' ')
}

