import type { ArticleDiff, DivisionDiff } from './types'

/**
 * An article whose only difference is the part, chapter or section it is in, because a heading
 * was added, deleted or moved around it: same text, not moved itself. A heading added in the
 * middle of a chapter does this to every article after it, so the comparison lists such
 * articles as one change per run (see groupRegrouped), not one each.
 */
export function onlyRegrouped(item: DivisionDiff | ArticleDiff): item is ArticleDiff {
  return item.kind === 'article' && item.status === 'unchanged' && !item.moved && (item.partChanged || item.chapterChanged || item.sectionChanged)
}

/** Consecutive regrouped articles that went to the same place. */
export interface RegroupedRun {
  kind: 'regrouped'
  articles: ArticleDiff[]
}

/** Where a regrouped article went: the part, chapter and section it changed to, or which it left for none. */
function destination(a: ArticleDiff): string {
  const place = (changed: boolean, before: { id: string | null } | null, after: { id: string | null } | null) =>
    !changed ? '' : after ? `in ${after.id}` : `out of ${before?.id}`
  return [
    place(a.partChanged, a.partBefore, a.partAfter),
    place(a.chapterChanged, a.chapterBefore, a.chapterAfter),
    place(a.sectionChanged, a.sectionBefore, a.sectionAfter),
  ].join('|')
}

/** The structure in reading order with each run of regrouped articles going to the same place as one entry. */
export function groupRegrouped(structure: readonly (DivisionDiff | ArticleDiff)[]): (DivisionDiff | ArticleDiff | RegroupedRun)[] {
  const out: (DivisionDiff | ArticleDiff | RegroupedRun)[] = []
  let run: RegroupedRun | null = null
  for (const item of structure) {
    if (onlyRegrouped(item)) {
      if (run && destination(run.articles[0]) === destination(item)) {
        run.articles.push(item)
        continue
      }
      run = { kind: 'regrouped', articles: [item] }
      out.push(run)
      continue
    }
    run = null
    out.push(item)
  }
  return out
}
