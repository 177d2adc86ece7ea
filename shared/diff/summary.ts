import type { ArticleDiff, ChapterDiff, DiffSummary, TextDiff } from './types'

/** Counts for the top of the comparison; see DiffSummary for what each count means. */
export function summarize(title: TextDiff, preamble: TextDiff[], articles: ArticleDiff[], chapters: ChapterDiff[]): DiffSummary {
  const count = <T>(items: T[], test: (item: T) => boolean) => items.reduce((n, item) => n + (test(item) ? 1 : 0), 0)
  const same = (a: ArticleDiff) => a.status === 'unchanged' && !a.moved
  return {
    articles: {
      added: count(articles, (a) => a.status === 'added'),
      deleted: count(articles, (a) => a.status === 'deleted'),
      changed: count(articles, (a) => a.status === 'changed'),
      moved: count(articles, (a) => a.moved),
      renumbered: count(articles, (a) => same(a) && a.renumbered),
      unchanged: count(articles, (a) => same(a) && !a.renumbered),
    },
    chapters: {
      added: count(chapters, (c) => c.status === 'added'),
      deleted: count(chapters, (c) => c.status === 'deleted'),
      changed: count(chapters, (c) => c.status === 'changed'),
    },
    titleChanged: title.status !== 'unchanged',
    preambleChanged: preamble.some((p) => p.status !== 'unchanged'),
  }
}
