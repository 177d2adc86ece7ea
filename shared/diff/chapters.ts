import type { ChapterDiff } from './types'
import type { FlatChapter } from './flatten'
import { textDiff } from './textDiff'

/** One chapter heading in both versions; 'changed' means renamed. */
export function diffChapter(before: FlatChapter | null, after: FlatChapter | null, moved: boolean): ChapterDiff {
  const heading = textDiff(before ? before.heading : null, after ? after.heading : null)
  return {
    kind: 'chapter',
    id: (after ?? before)?.id ?? null,
    status: heading.status,
    moved,
    renumbered: !!before && !!after && before.label !== after.label,
    labelBefore: before?.label ?? null,
    labelAfter: after?.label ?? null,
    headingBefore: before?.heading ?? null,
    headingAfter: after?.heading ?? null,
    heading,
  }
}
