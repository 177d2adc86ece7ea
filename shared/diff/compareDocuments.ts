import type { DocJSON } from '../schema'
import type { Language } from '../language'
import type { ArticleDiff, DivisionDiff, DocumentDiff } from './types'
import { flattenDocument, type FlatArticle, type FlatDivision } from './flatten'
import { matchById, readingOrder, type Matching } from './match'
import { movedItems, type KindMatching } from './moves'
import { diffArticle } from './articles'
import { diffDivision } from './divisions'
import { definitionChanges } from './definitions'
import { diffParagraphs } from './paragraphs'
import { textDiff } from './textDiff'
import { traceProvenance } from './provenance'
import { summarize } from './summary'

/**
 * Compares two versions of a law (ProseMirror JSON of the legal schema), article by article.
 * Pure and DOM-free: the same function runs on the server and in the browser. Labels are the
 * editor's ("Article 5.", "Статья 5.") in `language`. `touched`: the places edited in between,
 * where known, which tell an article moved down from the next one moved up (see movedItems).
 */
export function compareDocuments(before: DocJSON, after: DocJSON, language: Language, touched?: ReadonlySet<string>): DocumentDiff {
  const old = flattenDocument(before, language)
  const now = flattenDocument(after, language)

  // Parts, chapters, sections and articles are matched separately (their ids are separate namespaces), then
  // merged into one matching over the whole structure for the reading order.
  const structure: Matching = {
    afterToBefore: new Array<number>(now.structure.length).fill(-1),
    beforeToAfter: new Array<number>(old.structure.length).fill(-1),
  }
  const kinds: KindMatching[] = []
  for (const kind of ['part', 'chapter', 'section', 'article'] as const) {
    const oldIdx = indicesOf(old.structure, kind)
    const nowIdx = indicesOf(now.structure, kind)
    const m = matchById(oldIdx.map((i) => old.structure[i]), nowIdx.map((j) => now.structure[j]), (item) => item.id)
    m.afterToBefore.forEach((i, j) => {
      if (i < 0) return
      structure.afterToBefore[nowIdx[j]] = oldIdx[i]
      structure.beforeToAfter[oldIdx[i]] = nowIdx[j]
    })
    kinds.push({ oldIdx, nowIdx, matching: m })
  }
  const moved = movedItems(old.structure, now.structure, structure, kinds, touched && ((item) => !item.id || !touched.has(item.id)))

  const items = readingOrder(structure).map(({ before: i, after: j }): DivisionDiff | ArticleDiff => {
    const o = i >= 0 ? old.structure[i] : null
    const n = j >= 0 ? now.structure[j] : null
    const isMoved = j >= 0 && moved.has(j)
    return (n ?? o)!.kind === 'article'
      ? diffArticle(o as FlatArticle | null, n as FlatArticle | null, isMoved)
      : diffDivision(o as FlatDivision | null, n as FlatDivision | null, isMoved)
  })
  const articles = items.filter((x): x is ArticleDiff => x.kind === 'article')
  const parts = items.filter((x): x is DivisionDiff => x.kind === 'part')
  const chapters = items.filter((x): x is DivisionDiff => x.kind === 'chapter')
  const sections = items.filter((x): x is DivisionDiff => x.kind === 'section')
  traceProvenance(articles)

  const title = textDiff(old.title, now.title)
  const preamble = diffParagraphs(old.preamble, now.preamble)
  const conclusions = diffParagraphs(old.conclusions, now.conclusions)
  const summary = summarize(title, preamble, conclusions, articles, { parts, chapters, sections }, definitionChanges(old, now))
  return { language, title, preamble, structure: items, articles, parts, chapters, sections, conclusions, summary }
}

function indicesOf(items: readonly { kind: string }[], kind: string): number[] {
  const out: number[] = []
  items.forEach((item, i) => {
    if (item.kind === kind) out.push(i)
  })
  return out
}
