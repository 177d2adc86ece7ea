import type { ArticleDiff, BlockDiff, ChangeStatus, DivisionDiff, DocumentDiff, ProvisionRef, Segment, TextDiff } from './types'
import type { BodyType, DivisionType } from '../schema'
import type { OrganizationSummary, ProposalReason } from '../api'
import { CONCLUSIONS_PLACE, PLACE_WORDS, PREAMBLE_PLACE, TITLE_PLACE } from '../places'

/**
 * The comparative table ("сравнительная таблица"): one row per changed provision with the
 * previous wording beside the new one. Article granularity; an article only renumbered or
 * moved is no row. The title, the preamble, renamed/added/deleted part, chapter and section headings
 * and the conclusions (after the last article) get rows too. This is the model; HTML and DOCX
 * renderings are built from it.
 */

/**
 * Per place (shared/places.ts: an article's or a division's id, `title`, `preamble`, `conclusions`), the
 * organizations that edited it between the two sides: the comparison's `organizations`
 * (DocumentComparison), computed by the server from the editing sessions.
 */
export type ProposersByArticle = Readonly<Record<string, readonly OrganizationSummary[]>>

/** Per place, the reasons given with the wordings accepted for it between the sides (the comparison's `reasons`). */
export type ReasonsByPlace = Readonly<Record<string, readonly ProposalReason[]>>

export interface WordingLine {
  /** What the line is, for layout (indentation, bold headings). */
  role: 'title' | 'preamble' | 'conclusions' | DivisionType | 'heading' | BodyType
  /** Label shown before the text on this side: "Article 7.", "2.", "1)", "а)", or "". */
  label: string
  status: ChangeStatus
  /** Old side: equal and delete segments; new side: equal and insert segments. */
  segments: Segment[]
}

export interface ComparativeRow {
  kind: 'title' | 'preamble' | 'conclusions' | DivisionType | 'article'
  id: string | null
  status: ChangeStatus
  labelBefore: string | null
  labelAfter: string | null
  headingBefore: string | null
  headingAfter: string | null
  moved: boolean
  renumbered: boolean
  splitFrom: ProvisionRef | null
  mergedInto: ProvisionRef | null
  mergedFrom: ProvisionRef[]
  /** Previous wording, in the previous order. */
  before: WordingLine[]
  /** New wording, in the new order. */
  after: WordingLine[]
  /** "Proposed by": who edited the provision in between. */
  proposedBy: OrganizationSummary[]
  /** "Justification": the reasons given with the wordings accepted for it in between (the drafters write the rest). */
  reasons: ProposalReason[]
}

/**
 * The rows of the table. `proposers` is who edited each place between the sides (a provision
 * nobody's session recorded has nobody: sessions before places were recorded named articles only);
 * `reasons`, why (the reasons given with the wordings accepted for it).
 */
export function comparativeTable(diff: DocumentDiff, proposers: ProposersByArticle = {}, reasons: ReasonsByPlace = {}): ComparativeRow[] {
  const rows: ComparativeRow[] = []
  const at = (id: string | null, row: ComparativeRow): ComparativeRow => {
    if (id) Object.assign(row, { proposedBy: [...(proposers[id] ?? [])], reasons: [...(reasons[id] ?? [])] })
    return row
  }
  if (diff.title.status !== 'unchanged') rows.push(at(TITLE_PLACE, textRow('title', diff.title)))
  if (diff.summary.preambleChanged) rows.push(at(PREAMBLE_PLACE, paragraphsRow('preamble', diff.preamble)))
  for (const item of diff.structure) {
    if (item.status === 'unchanged') continue
    rows.push(at(item.id, item.kind === 'article' ? articleRow(item) : divisionRow(item)))
  }
  if (diff.summary.conclusionsChanged) rows.push(at(CONCLUSIONS_PLACE, paragraphsRow('conclusions', diff.conclusions, PLACE_WORDS[diff.language].conclusions)))
  return rows
}

/**
 * A part, chapter, section or article the comparison lists as a change: its text changed, it moved,
 * or (an article) it is now in another part, chapter or section.
 */
export function isChange(item: DivisionDiff | ArticleDiff): boolean {
  return item.status !== 'unchanged' || item.moved || (item.kind === 'article' && (item.partChanged || item.chapterChanged || item.sectionChanged))
}

/**
 * The parts, chapters, sections and articles with the same text that only moved, were renumbered or
 * went to another part, chapter or section: listed by the comparison article by article, but no row
 * of the table.
 */
export function withoutRow(diff: DocumentDiff): number {
  return diff.structure.filter((item) => item.status === 'unchanged' && (isChange(item) || item.renumbered)).length
}

const oldSide = (segments: Segment[]) => segments.filter((s) => s.kind !== 'insert')
const newSide = (segments: Segment[]) => segments.filter((s) => s.kind !== 'delete')

function line(role: WordingLine['role'], label: string | null, part: TextDiff, side: 'before' | 'after'): WordingLine {
  return { role, label: label ?? '', status: part.status, segments: side === 'before' ? oldSide(part.segments) : newSide(part.segments) }
}

/** A row with every field at its default; callers assign the rest (no spread overrides, see blocks.ts). */
function baseRow(kind: ComparativeRow['kind'], status: ChangeStatus, fields: Partial<ComparativeRow>): ComparativeRow {
  return Object.assign({
    kind, id: null, status,
    labelBefore: null, labelAfter: null, headingBefore: null, headingAfter: null,
    moved: false, renumbered: false, splitFrom: null, mergedInto: null, mergedFrom: [],
    before: [], after: [], proposedBy: [], reasons: [],
  } satisfies ComparativeRow, fields)
}

function textRow(kind: 'title', part: TextDiff): ComparativeRow {
  return baseRow(kind, part.status, {
    before: part.before !== null ? [line(kind, '', part, 'before')] : [],
    after: part.after !== null ? [line(kind, '', part, 'after')] : [],
  })
}

/**
 * The preamble's or the conclusions' paragraphs; added or deleted when one side has none (the
 * conclusions are optional). `name` heads each side that has them, as "Article 5." heads an
 * article: the conclusions' words (a date, a signature) do not say what they are.
 */
function paragraphsRow(kind: 'preamble' | 'conclusions', paragraphs: TextDiff[], name?: string): ComparativeRow {
  const status: ChangeStatus = paragraphs.every((p) => p.status === 'added') ? 'added' : paragraphs.every((p) => p.status === 'deleted') ? 'deleted' : 'changed'
  const side = (which: 'before' | 'after'): WordingLine[] => {
    const lines = paragraphs.filter((p) => p[which] !== null).map((p) => line(kind, '', p, which))
    if (!name || lines.length === 0) return lines
    // The name is added or deleted with the whole; reworded words leave it as it was.
    return [{ role: 'heading', label: name, status: status === 'changed' ? 'unchanged' : status, segments: [] }, ...lines]
  }
  return baseRow(kind, status, { before: side('before'), after: side('after') })
}

/** A part, chapter or section heading: one line a side, like an article's heading. */
function divisionRow(division: DivisionDiff): ComparativeRow {
  return baseRow(division.kind, division.status, {
    id: division.id,
    labelBefore: division.labelBefore,
    labelAfter: division.labelAfter,
    headingBefore: division.headingBefore,
    headingAfter: division.headingAfter,
    moved: division.moved,
    renumbered: division.renumbered,
    before: division.headingBefore !== null ? [line(division.kind, division.labelBefore, division.heading, 'before')] : [],
    after: division.headingAfter !== null ? [line(division.kind, division.labelAfter, division.heading, 'after')] : [],
  })
}

function articleRow(article: ArticleDiff): ComparativeRow {
  const oldBlocks = article.blocks.filter((b) => b.indexBefore !== null).sort((x, y) => x.indexBefore! - y.indexBefore!)
  const newBlocks = article.blocks.filter((b) => b.indexAfter !== null).sort((x, y) => x.indexAfter! - y.indexAfter!)
  const blockLine = (b: BlockDiff, side: 'before' | 'after') =>
    line(side === 'before' ? b.typeBefore! : b.typeAfter!, side === 'before' ? b.labelBefore : b.labelAfter, b, side)
  return baseRow('article', article.status, {
    id: article.id,
    labelBefore: article.labelBefore,
    labelAfter: article.labelAfter,
    headingBefore: article.headingBefore,
    headingAfter: article.headingAfter,
    moved: article.moved,
    renumbered: article.renumbered,
    splitFrom: article.splitFrom,
    mergedInto: article.mergedInto,
    mergedFrom: article.mergedFrom,
    before: article.labelBefore !== null
      ? [line('heading', article.labelBefore, article.heading, 'before'), ...oldBlocks.map((b) => blockLine(b, 'before'))]
      : [],
    after: article.labelAfter !== null
      ? [line('heading', article.labelAfter, article.heading, 'after'), ...newBlocks.map((b) => blockLine(b, 'after'))]
      : [],
  })
}
