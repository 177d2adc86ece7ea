import type { ArticleDiff, ProvisionRef } from './types'
import type { FlatArticle, FlatDivision } from './flatten'
import { diffBlocks } from './blocks'
import { textDiff } from './textDiff'

export function provisionRef(item: FlatArticle | FlatDivision): ProvisionRef {
  return { id: item.id, label: item.label, heading: item.heading }
}

/**
 * One article in both versions (or only one of them). Its status is about its wording:
 * 'changed' when the heading or any block changed, or blocks were added, deleted or
 * reordered. Being moved or renumbered is reported by flags, never as a change of status.
 */
export function diffArticle(before: FlatArticle | null, after: FlatArticle | null, moved: boolean): ArticleDiff {
  const heading = textDiff(before ? before.heading : null, after ? after.heading : null)
  const blocks = diffBlocks(before?.blocks ?? [], after?.blocks ?? [])
  const status = !before
    ? 'added'
    : !after
      ? 'deleted'
      : heading.status !== 'unchanged' || blocks.some((b) => b.status !== 'unchanged' || b.moved)
        ? 'changed'
        : 'unchanged'
  const partBefore = before?.part ? provisionRef(before.part) : null
  const partAfter = after?.part ? provisionRef(after.part) : null
  const chapterBefore = before?.chapter ? provisionRef(before.chapter) : null
  const chapterAfter = after?.chapter ? provisionRef(after.chapter) : null
  const sectionBefore = before?.section ? provisionRef(before.section) : null
  const sectionAfter = after?.section ? provisionRef(after.section) : null
  return {
    kind: 'article',
    id: (after ?? before)?.id ?? null,
    status,
    moved,
    renumbered: !!before && !!after && before.label !== after.label,
    partChanged: !!before && !!after && partBefore?.id !== partAfter?.id,
    chapterChanged: !!before && !!after && chapterBefore?.id !== chapterAfter?.id,
    sectionChanged: !!before && !!after && sectionBefore?.id !== sectionAfter?.id,
    labelBefore: before?.label ?? null,
    labelAfter: after?.label ?? null,
    headingBefore: before?.heading ?? null,
    headingAfter: after?.heading ?? null,
    partBefore,
    partAfter,
    chapterBefore,
    chapterAfter,
    sectionBefore,
    sectionAfter,
    heading,
    blocks,
    splitFrom: null,
    splitInto: [],
    mergedInto: null,
    mergedFrom: [],
  }
}
