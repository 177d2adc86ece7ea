import type { ArticleDiff, ProvisionRef, Segment } from './types'
import { wordsOf } from './tokenize'

/**
 * Where the text of added and deleted articles went, so the UI can say "Article 9 (split
 * from Article 8)" or "Article 9 deleted (merged into Article 8)". Body text only (headings
 * are usually new). Text is compared as word trigrams ("shingles"): order-aware like a
 * sequence diff, yet one index lookup per trigram, so even a comparison in which every id
 * changed (600 unmatched articles) stays fast.
 * - An added article gets `splitFrom` the old article whose removed text holds at least SHARE
 *   of its own trigrams (a changed article that lost a part, or a deleted one).
 * - A deleted article gets `mergedInto` the new article whose inserted text holds at least
 *   SHARE of its trigrams (a changed article that gained it, or an added one).
 * The most shared trigrams win; ties go to the earlier article: deterministic.
 */
export const SHARE = 0.6
/** Articles with fewer body words than this are too short to trace reliably. */
const MIN_WORDS = 3

export function traceProvenance(articles: ArticleDiff[]): void {
  const added = articles.filter((a) => a.status === 'added')
  const deleted = articles.filter((a) => a.status === 'deleted')
  if (added.length === 0 && deleted.length === 0) return

  const vocabulary = new Map<string, number>()
  const removed = new Map<ArticleDiff, Shingles>()
  const inserted = new Map<ArticleDiff, Shingles>()
  for (const a of articles) {
    if (a.status === 'deleted' || a.status === 'changed') removed.set(a, shingles(bodyWords(a, 'delete', vocabulary)))
    if (a.status === 'added' || a.status === 'changed') inserted.set(a, shingles(bodyWords(a, 'insert', vocabulary)))
  }

  const removedIndex = indexShingles(removed)
  for (const target of added) {
    const source = bestMatch(inserted.get(target)!, removedIndex)
    if (!source) continue
    target.splitFrom = beforeRef(source)
    source.splitInto.push(afterRef(target))
  }
  const insertedIndex = indexShingles(inserted)
  for (const source of deleted) {
    const target = bestMatch(removed.get(source)!, insertedIndex)
    if (!target) continue
    source.mergedInto = afterRef(target)
    target.mergedFrom.push(beforeRef(source))
  }
}

/**
 * Words of the article's body that only the old (delete) or only the new (insert) version
 * has, as numbers from a shared vocabulary: trigram keys are then numbers, not strings.
 */
function bodyWords(article: ArticleDiff, kind: Segment['kind'], vocabulary: Map<string, number>): number[] {
  const parts: string[] = []
  for (const block of article.blocks) for (const s of block.segments) if (s.kind === kind) parts.push(s.text)
  return wordsOf(parts.join(' ')).map((word) => {
    let n = vocabulary.get(word)
    if (n === undefined) vocabulary.set(word, (n = vocabulary.size))
    return n
  })
}

/**
 * Consecutive word triples, counted, keyed by a 30-bit hash: small integers make the fastest
 * Map keys, and a rare collision only adds one shared trigram to a hint.
 */
interface Shingles {
  /** Number of trigrams, repeats included; 0 for texts shorter than MIN_WORDS. */
  total: number
  counts: Map<number, number>
}

function shingles(words: number[]): Shingles {
  const counts = new Map<number, number>()
  if (words.length < MIN_WORDS) return { total: 0, counts }
  for (let i = 0; i + 3 <= words.length; i++) {
    const key = (Math.imul(words[i], 73856093) ^ Math.imul(words[i + 1], 19349663) ^ Math.imul(words[i + 2], 83492791)) & 0x3fffffff
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return { total: words.length - 2, counts }
}

/**
 * For each trigram, the candidates containing it: a flat list of (candidate position, count)
 * pairs. Most trigrams occur in one article only, so a single number (position * 2^16 +
 * count) is stored until a second one comes: far fewer allocations on large comparisons.
 */
interface ShingleIndex {
  articles: ArticleDiff[]
  postings: Map<number, number | number[]>
}

const PAIR = 2 ** 16

function indexShingles(candidates: Map<ArticleDiff, Shingles>): ShingleIndex {
  const index: ShingleIndex = { articles: [], postings: new Map() }
  for (const [article, { counts }] of candidates) {
    const k = index.articles.push(article) - 1
    for (const [key, count] of counts) {
      const entry = index.postings.get(key)
      const pair = k * PAIR + Math.min(count, PAIR - 1)
      if (entry === undefined) index.postings.set(key, pair)
      else if (typeof entry === 'number') index.postings.set(key, [entry, pair])
      else entry.push(pair)
    }
  }
  return index
}

/** The candidate sharing the most trigrams with `own`, if at least SHARE of them (an added or deleted article is never its own candidate). */
function bestMatch(own: Shingles, index: ShingleIndex): ArticleDiff | null {
  const { total, counts } = own
  if (total === 0) return null
  const shared = new Map<number, number>()
  const add = (pair: number, count: number) => {
    const k = Math.floor(pair / PAIR)
    shared.set(k, (shared.get(k) ?? 0) + Math.min(count, pair % PAIR))
  }
  for (const [key, count] of counts) {
    const entry = index.postings.get(key)
    if (entry === undefined) continue
    if (typeof entry === 'number') add(entry, count)
    else for (const pair of entry) add(pair, count)
  }
  let best = -1
  let bestShared = Math.ceil(total * SHARE) - 1
  for (const [k, n] of shared) {
    if (n > bestShared || (n === bestShared && best >= 0 && k < best)) {
      best = k
      bestShared = n
    }
  }
  return best >= 0 ? index.articles[best] : null
}

function beforeRef(a: ArticleDiff): ProvisionRef {
  return { id: a.id, label: a.labelBefore ?? '', heading: a.headingBefore ?? '' }
}

function afterRef(a: ArticleDiff): ProvisionRef {
  return { id: a.id, label: a.labelAfter ?? '', heading: a.headingAfter ?? '' }
}
