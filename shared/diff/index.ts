/** Article-aware comparison of two versions of a law, and the comparative table built from it. */
export type {
  ArticleDiff,
  BlockDiff,
  ChangeStatus,
  DiffSummary,
  DivisionCounts,
  DivisionDiff,
  DocumentDiff,
  ProvisionRef,
  Segment,
  TextDiff,
} from './types'
export { compareDocuments } from './compareDocuments'
export { definitionChangesLine } from './definitions'
export { diffText } from './wordDiff'
export { tokenize } from './tokenize'
export { comparativeTable, isChange, withoutRow, type ComparativeRow, type ProposersByArticle, type WordingLine } from './comparativeTable'
export { comparativeTableHtml, renderComparativeTable, type ComparativeTableHtmlOptions } from './comparativeTableHtml'
export { groupRegrouped, onlyRegrouped, type RegroupedRun } from './regrouped'
