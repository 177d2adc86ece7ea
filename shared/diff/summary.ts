import type { ArticleDiff, DefinitionChanges, DiffSummary, DivisionCounts, DivisionDiff, TextDiff } from './types'

/** Counts for the top of the comparison; see DiffSummary for what each count means. */
function divisionCounts(headings: DivisionDiff[]): DivisionCounts {
  const out: DivisionCounts = { added: 0, deleted: 0, changed: 0, moved: 0 }
  for (const h of headings) {
    if (h.status !== 'unchanged') out[h.status] += 1
    if (h.moved) out.moved += 1
  }
  return out
}

export function summarize(
  title: TextDiff,
  preamble: TextDiff[],
  conclusions: TextDiff[],
  articles: ArticleDiff[],
  divisions: { parts: DivisionDiff[]; chapters: DivisionDiff[]; sections: DivisionDiff[] },
  definitions: DefinitionChanges,
): DiffSummary {
  const count = <T>(items: T[], test: (item: T) => boolean) => items.reduce((n, item) => n + (test(item) ? 1 : 0), 0)
  const same = (a: ArticleDiff) => a.status === 'unchanged' && !a.moved
  const changed = (paragraphs: TextDiff[]) => paragraphs.some((p) => p.status !== 'unchanged')
  return {
    articles: {
      added: count(articles, (a) => a.status === 'added'),
      deleted: count(articles, (a) => a.status === 'deleted'),
      changed: count(articles, (a) => a.status === 'changed'),
      moved: count(articles, (a) => a.moved),
      renumbered: count(articles, (a) => same(a) && a.renumbered),
      unchanged: count(articles, (a) => same(a) && !a.renumbered),
    },
    parts: divisionCounts(divisions.parts),
    chapters: divisionCounts(divisions.chapters),
    sections: divisionCounts(divisions.sections),
    titleChanged: title.status !== 'unchanged',
    preambleChanged: changed(preamble),
    conclusionsChanged: changed(conclusions),
    definitions,
  }
}
