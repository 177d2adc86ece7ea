import { describe, expect, it } from 'vitest'
import { compareDocuments, comparativeTable, groupRegrouped, isChange, onlyRegrouped, type DocumentDiff } from '../../shared/diff'
import { article, chapter, clause, law, lawOf, numberedArticle, part, section } from '../../shared/diff/testing/fixtures'
import type { DocJSON } from '../../shared/schema'

const c1 = chapter('c1', 'General provisions')
const c2 = chapter('c2', 'Definitions')
const c3 = chapter('c3', 'Jurisdiction')
const s1 = section('s1', 'Courts')
const s2 = section('s2', 'Prosecutors')
const p1 = part('p1', 'General part')
const p2 = part('p2', 'Special part')
const a = numberedArticle

const doc = (parts: (DocJSON | number)[]): DocJSON => lawOf(parts)

/** The items the comparison says moved, by id. */
const moved = (diff: DocumentDiff) => diff.structure.filter((x) => x.moved).map((x) => x.id)

describe('moves, as a lawyer reads them', () => {
  it('a chapter moved with its articles is one move: its articles are renumbered, not moved, and stay in it', () => {
    // c3 (three articles) moved above c2 (two): the articles of either chapter kept their order within it.
    const diff = compareDocuments(doc([c1, 1, c2, 2, 3, c3, 4, 5, 6]), doc([c1, 1, c3, 4, 5, 6, c2, 2, 3]), 'en')
    expect(moved(diff)).toEqual(['c3'])
    expect(diff.articles.filter((x) => x.renumbered).map((x) => `${x.id} ${x.labelBefore}→${x.labelAfter}`)).toEqual([
      'a4 Article 4.→Article 2.', 'a5 Article 5.→Article 3.', 'a6 Article 6.→Article 4.', 'a2 Article 2.→Article 5.', 'a3 Article 3.→Article 6.',
    ])
    expect(diff.articles.some((x) => x.chapterChanged)).toBe(false)
    expect(diff.summary.articles.moved).toBe(0)
    expect(diff.summary.chapters).toEqual({ added: 0, deleted: 0, changed: 0, moved: 1 })
    // Nothing's wording changed: the comparative table has no row for any of it.
    expect(comparativeTable(diff)).toEqual([])
  })

  it('the same when the chapter that moved is the larger one', () => {
    const diff = compareDocuments(doc([c1, 1, c2, 2, c3, 3, 4, 5]), doc([c1, 1, c3, 3, 4, 5, c2, 2]), 'en')
    expect(diff.structure.filter((x) => x.moved && x.kind === 'article')).toEqual([])
    expect(diff.chapters.filter((x) => x.moved)).toHaveLength(1)
  })

  it('a part moved with its chapters and sections: only the part moved', () => {
    const diff = compareDocuments(doc([p1, c1, 1, s1, 2, p2, c2, s2, 3, c3, 4]), doc([p2, c2, s2, 3, c3, 4, p1, c1, 1, s1, 2]), 'en')
    expect(diff.structure.filter((x) => x.moved && x.kind !== 'part')).toEqual([])
    expect(diff.parts.filter((x) => x.moved)).toHaveLength(1)
  })

  it('an article moved one place down is read as the one moved when it, not the next, was edited in between', () => {
    // The two orders read alike: a2 moved down past a3, or a3 up past a2.
    const before = doc([c1, 1, 2, 3, 4, c2, 5])
    const after = doc([c1, 1, 3, 2, 4, c2, 5])
    expect(moved(compareDocuments(before, after, 'en', new Set(['a2'])))).toEqual(['a2'])
    expect(moved(compareDocuments(before, after, 'en', new Set(['a3'])))).toEqual(['a3'])
    // A chapter and its articles likewise, and an edit elsewhere changes nothing.
    const chapters = [doc([c1, 1, c2, 2, c3, 3]), doc([c1, 1, c3, 3, c2, 2])] as const
    expect(moved(compareDocuments(...chapters, 'en', new Set(['c2'])))).toEqual(['c2'])
    expect(moved(compareDocuments(...chapters, 'en', new Set(['c3', 'a1'])))).toEqual(['c3'])
    // Longer runs still win over what was edited: one article moved past three is that article.
    expect(moved(compareDocuments(doc([c1, 1, 2, 3, 4]), doc([c1, 2, 3, 4, 1]), 'en', new Set(['a2', 'a3', 'a4'])))).toEqual(['a1'])
  })

  it('an article moved within its chapter, or into another, still is a move', () => {
    const within = compareDocuments(doc([c1, 1, 2, 3, c2, 4]), doc([c1, 2, 3, 1, c2, 4]), 'en')
    expect(moved(within)).toEqual(['a1'])
    const across = compareDocuments(doc([c1, 1, 2, 3, c2, 4, 5]), doc([c1, 2, 3, c2, 4, 1, 5]), 'en')
    expect(moved(across)).toEqual(['a1'])
    expect(across.articles.find((x) => x.id === 'a1')).toMatchObject({ chapterChanged: true, moved: true })
  })

  it('an article a chapter heading moved past is not moved: it is in another chapter now', () => {
    // The heading of c2 moved up above a2: a2 is in c2 now, in the same place in the text.
    const diff = compareDocuments(doc([c1, 1, 2, c2, 3]), doc([c1, 1, c2, 2, 3]), 'en')
    expect(moved(diff)).toEqual([])
    expect(diff.articles.find((x) => x.id === 'a2')).toMatchObject({ moved: false, chapterChanged: true })
    // The same order after a3 went up into c1 (Alt+Shift+↑ on the first article of c2): it was
    // edited in between and c2's heading was not, so a3 is the one that moved.
    const up = compareDocuments(doc([c1, 1, 2, c2, 3, 4]), doc([c1, 1, 2, 3, c2, 4]), 'en', new Set(['a3']))
    expect(moved(up)).toEqual(['a3'])
    expect(up.articles.find((x) => x.id === 'a3')).toMatchObject({ moved: true, chapterChanged: true })
    // When the heading was edited too, the heading's move explains it, as before.
    expect(moved(compareDocuments(doc([c1, 1, 2, c2, 3, 4]), doc([c1, 1, 2, 3, c2, 4]), 'en', new Set(['a3', 'c2'])))).toEqual([])
  })

  it('a section moved within its chapter is moved; the sections of another chapter are not', () => {
    const s3 = section('s3', 'Police')
    const diff = compareDocuments(doc([c1, s1, 1, s2, 2, c2, s3, 3]), doc([c1, s2, 2, s1, 1, c2, s3, 3]), 'en')
    expect(moved(diff)).toEqual(['s2'])
  })
})

describe('articles regrouped by a heading, as one change per run', () => {
  const runs = (diff: DocumentDiff) =>
    groupRegrouped(diff.structure).map((x) => (x.kind === 'regrouped' ? `run ${x.articles.map((a) => a.id).join(',')}` : `${x.id}${isChange(x) ? ' *' : ''}`))

  it('a section added in the middle of a chapter: the articles after it, one run, up to the next chapter', () => {
    const diff = compareDocuments(doc([c1, 1, 2, 3, 4, c2, 5]), doc([c1, 1, s1, 2, 3, 4, c2, 5]), 'en')
    expect(diff.articles.filter((x) => x.sectionChanged).map((x) => x.id)).toEqual(['a2', 'a3', 'a4'])
    expect(runs(diff)).toEqual(['c1', 'a1', 's1 *', 'run a2,a3,a4', 'c2', 'a5'])
    expect(diff.articles.filter(onlyRegrouped).map((x) => x.id)).toEqual(['a2', 'a3', 'a4'])
  })

  it('an article whose text changed, or that moved, is a change of its own and splits the run', () => {
    const changed = law('Model Law', ['Preamble.'], [c1, a(1), s1, a(2), article('a3', 'Heading 3', clause('a3c1', 'New text.')), a(4)])
    const diff = compareDocuments(doc([c1, 1, 2, 3, 4]), changed, 'en')
    expect(runs(diff)).toEqual(['c1', 'a1', 's1 *', 'run a2', 'a3 *', 'run a4'])
    const moved = compareDocuments(doc([c1, s1, 1, 2, s2, 3, 4]), doc([c1, s1, 2, s2, 3, 1, 4]), 'en')
    expect(runs(moved)).toEqual(['c1', 's1', 'a2', 's2', 'a3', 'a1 *', 'a4'])
  })

  it('sections deleted: the articles that left each one are a run of their own', () => {
    const diff = compareDocuments(doc([c1, s1, 1, 2, s2, 3, c2, 4]), doc([c1, 1, 2, 3, c2, 4]), 'en')
    expect(runs(diff)).toEqual(['c1', 's1 *', 'run a1,a2', 's2 *', 'run a3', 'c2', 'a4'])
  })

  it('a part heading moved past a chapter: that chapter’s articles are one run, now in the part', () => {
    const diff = compareDocuments(doc([p1, c1, 1, c2, 2, 3, p2, c3, 4]), doc([p1, c1, 1, p2, c2, 2, 3, c3, 4]), 'en')
    expect(runs(diff)).toEqual(['p1', 'c1', 'a1', 'p2', 'c2', 'run a2,a3', 'c3', 'a4'])
    expect(diff.articles.find((x) => x.id === 'a2')).toMatchObject({ partChanged: true, chapterChanged: false, moved: false })
  })
})
