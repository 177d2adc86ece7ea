import { CONCLUSIONS_PLACE, PREAMBLE_PLACE, TITLE_PLACE } from './places'
import type { ArticleEdits } from './api'
import type { BodyType, DocJSON } from './schema'
import type { Language } from './language'
import { flattenDocument, type FlatArticle, type FlatDivision } from './diff/flatten'
import { matchById, readingOrder } from './diff/match'

/**
 * Language versions of one law (Akoma Ntoso's expressions of one work: domain.md, "each
 * language version is a separate expression of one work"). A language version starts as a copy
 * of its source with the same stable ids, so the two texts line up article by article however
 * either is renumbered later; this puts them side by side and says where they no longer match.
 */

/** One side of a row: what the reader sees of that provision in that language. */
export interface ParallelSide {
  label: string
  heading: string
  /** Paragraphs, points and sub-points, with their kind for layout. */
  blocks: { type: BodyType; label: string; text: string }[]
}

export type ParallelIssue =
  /** In the other language only. */
  | 'missing'
  /** Numbered differently: the structure before it differs. */
  | 'numberDiffers'
  /** Its paragraphs, points and sub-points are not the same ones in both. */
  | 'blocksDiffer'
  /** The same words in both: not translated yet. */
  | 'untranslated'
  /** Edited in the original after the translation's article was last edited: to be translated again. */
  | 'changedInOriginal'

export interface ParallelRow {
  kind: TextKind | FlatDivision['kind'] | 'article'
  id: string | null
  left: ParallelSide | null
  right: ParallelSide | null
  issues: ParallelIssue[]
}

export interface ParallelText {
  rows: ParallelRow[]
  /** Rows with each issue (a row may have several). */
  counts: Record<ParallelIssue, number>
}

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 }

/** The number of a label in either language: "Статья 5." and "Article 5." → 5, "Глава 2." and "Chapter II." → 2. */
export function labelNumber(label: string): number | null {
  const token = label.trim().split(/\s+/).pop()?.replace(/\.$/, '') ?? ''
  if (/^\d+$/.test(token)) return Number(token)
  if (!/^[IVXLCDM]+$/.test(token)) return null
  let total = 0
  for (let i = 0; i < token.length; i++) {
    const value = ROMAN[token[i]]
    total += value < (ROMAN[token[i + 1]] ?? 0) ? -value : value
  }
  return total
}

/** What the reader sees of a provision in its language version. */
export function parallelSide(item: FlatDivision | FlatArticle): ParallelSide {
  return {
    label: item.label,
    heading: item.heading,
    blocks: item.kind === 'article' ? item.blocks.map((b) => ({ type: b.type, label: b.label, text: b.text })) : [],
  }
}

const textOf = (s: ParallelSide) => [s.heading, ...s.blocks.map((b) => b.text)].join('\n')

function issuesOf(left: FlatDivision | FlatArticle | null, right: FlatDivision | FlatArticle | null): ParallelIssue[] {
  if (!left || !right) return ['missing']
  const issues: ParallelIssue[] = []
  if (labelNumber(left.label) !== labelNumber(right.label)) issues.push('numberDiffers')
  if (left.kind === 'article' && right.kind === 'article') {
    const ids = (a: FlatArticle) => a.blocks.map((b) => `${b.type}:${b.id ?? ''}`).join(' ')
    if (ids(left) !== ids(right)) issues.push('blocksDiffer')
  }
  const words = textOf(parallelSide(left))
  if (words.trim() !== '' && words === textOf(parallelSide(right))) issues.push('untranslated')
  return issues
}

/** The rows of text without an id, each its whole place (shared/places.ts). */
type TextKind = 'title' | 'preamble' | 'conclusions'
const TEXT_PLACES: Record<TextKind, string> = { title: TITLE_PLACE, preamble: PREAMBLE_PLACE, conclusions: CONCLUSIONS_PLACE }

function textRow(kind: TextKind, left: string | undefined, right: string | undefined, edits: EditTimes | undefined): ParallelRow {
  const toSide = (text: string | undefined): ParallelSide | null => (text === undefined ? null : { label: '', heading: text, blocks: [] })
  const issues: ParallelIssue[] = left === undefined || right === undefined ? ['missing'] : left.trim() !== '' && left === right ? ['untranslated'] : []
  if (issues.length === 0 && changedInOriginal(edits, TEXT_PLACES[kind])) issues.push('changedInOriginal')
  return { kind, id: null, left: toSide(left), right: toSide(right), issues }
}

/** The preamble's or the conclusions' paragraphs in order: they have no ids, so an edit of any of them marks each one. */
function paragraphRows(kind: 'preamble' | 'conclusions', left: string[], right: string[], edits: EditTimes | undefined): ParallelRow[] {
  return Array.from({ length: Math.max(left.length, right.length) }, (_, i) => textRow(kind, left[i], right[i], edits))
}

/**
 * When the places of the two drafts (shared/places.ts) were last edited (ArticleEdits of each: a
 * place not edited since its draft was made counts from the draft's making), and which one is the
 * original the other was translated from.
 */
export interface EditTimes {
  left: ArticleEdits
  right: ArticleEdits
  original: 'left' | 'right'
}

const lastEdit = (edits: ArticleEdits, id: string | null): string => (id && edits.articles[id]) || edits.createdAt

/** Whether the original's place (shared/places.ts) was edited after the translation's last edit of it. */
function changedInOriginal(edits: EditTimes | undefined, placeId: string | null): boolean {
  if (!edits) return false
  const [original, translation] = edits.original === 'left' ? [edits.left, edits.right] : [edits.right, edits.left]
  return lastEdit(original, placeId) > lastEdit(translation, placeId)
}

/**
 * `left` and `right` side by side: the title, the preamble paragraph by paragraph, then parts,
 * chapters, sections and articles paired by stable id in the right text's order, with what only
 * the left text has where it stands there, and the conclusions paragraph by paragraph.
 */
export function alignLanguageVersions(left: DocJSON, leftLanguage: Language, right: DocJSON, rightLanguage: Language, edits?: EditTimes): ParallelText {
  const a = flattenDocument(left, leftLanguage)
  const b = flattenDocument(right, rightLanguage)
  const rows: ParallelRow[] = [textRow('title', a.title, b.title, edits), ...paragraphRows('preamble', a.preamble, b.preamble, edits)]
  // Kinds are separate namespaces of ids, as in the comparison.
  const key = (item: FlatDivision | FlatArticle) => (item.id === null ? null : `${item.kind}:${item.id}`)
  for (const { before, after } of readingOrder(matchById(a.structure, b.structure, key))) {
    const l = before >= 0 ? a.structure[before] : null
    const r = after >= 0 ? b.structure[after] : null
    const item = (l ?? r)!
    const issues = issuesOf(l, r)
    if (l && r && !issues.includes('untranslated') && changedInOriginal(edits, item.id)) issues.push('changedInOriginal')
    rows.push({ kind: item.kind, id: item.id, left: l && parallelSide(l), right: r && parallelSide(r), issues })
  }
  rows.push(...paragraphRows('conclusions', a.conclusions, b.conclusions, edits))
  const counts: Record<ParallelIssue, number> = { missing: 0, numberDiffers: 0, blocksDiffer: 0, untranslated: 0, changedInOriginal: 0 }
  for (const row of rows) for (const issue of row.issues) counts[issue]++
  return { rows, counts }
}
