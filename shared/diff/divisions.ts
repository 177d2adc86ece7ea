import type { DivisionDiff } from './types'
import type { FlatDivision } from './flatten'
import { textDiff } from './textDiff'

/** One part, chapter or section heading in both versions; 'changed' means renamed. */
export function diffDivision(before: FlatDivision | null, after: FlatDivision | null, moved: boolean): DivisionDiff {
  const heading = textDiff(before ? before.heading : null, after ? after.heading : null)
  return {
    kind: (after ?? before)!.kind,
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
