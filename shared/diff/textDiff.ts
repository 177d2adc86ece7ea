import type { TextDiff } from './types'
import { diffText } from './wordDiff'

/** A text present in one or both versions (null: absent from that version), with its status. */
export function textDiff(before: string | null, after: string | null): TextDiff {
  const status = before === null ? 'added' : after === null ? 'deleted' : before === after ? 'unchanged' : 'changed'
  return { status, before, after, segments: diffText(before ?? '', after ?? '') }
}
