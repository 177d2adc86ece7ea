import { type TableCell, TableRow } from 'docx'
import type { Language } from '../language'
import type { WordingLine } from '../diff/comparativeTable'
import type { ParallelRow, ParallelSide, ParallelText } from '../languageVersions'
import { PLACE_WORDS } from '../places'
import { cell, lineParagraph, note, TABLE_WIDTH, wordingCell, wordingTableDocx } from './wordingTableDocx'

/** One language version as a column of the parallel text. */
export interface ParallelColumn {
  language: Language
  /** The column's heading, in the reader's words ("Русский — Модельный закон"). */
  header: string
}

const WORDS: Record<Language, { title: string; absent: string }> = {
  en: { title: 'Parallel text', absent: 'Not in this version' },
  ru: { title: 'Параллельный текст', absent: 'Нет в этой версии' },
}

/** One side of a row as lines of a wording: the heading (the title, a preamble paragraph, a division, an article's), then its blocks. */
function linesOf(row: ParallelRow, side: ParallelSide): WordingLine[] {
  const line = (role: WordingLine['role'], label: string, text: string): WordingLine => ({ role, label, status: 'unchanged', segments: [{ kind: 'equal', text }] })
  return [line(row.kind === 'article' ? 'heading' : row.kind, side.label, side.heading), ...side.blocks.map((b) => line(b.type, b.label, b.text))]
}

/**
 * One side of a row in its column's language: its lines, those with no number of their own under
 * their name («Преамбула», "Closing formula"), as the view names them; or that it is not there.
 */
function sideCell(row: ParallelRow, side: ParallelSide | null, language: Language, width: number): TableCell {
  if (!side) return wordingCell([], width, WORDS[language].absent)
  const lines = linesOf(row, side).map(lineParagraph)
  const unnumbered = row.kind === 'title' || row.kind === 'preamble' || row.kind === 'conclusions' ? PLACE_WORDS[language][row.kind] : ''
  return cell(unnumbered && !side.label ? [note(unnumbered), ...lines] : lines, width)
}

/**
 * Two language versions of a law side by side as a Word document (the view of
 * client/languages/ParallelView.tsx, without its marks): the way a bilingual model law is
 * circulated. `language` is the reader's, for the title; each column says "not in this
 * version" in its own language.
 */
export function parallelTextDocx(text: ParallelText, left: ParallelColumn, right: ParallelColumn, language: Language, subtitle: string[] = []): Promise<Uint8Array> {
  const half = Math.floor(TABLE_WIDTH / 2)
  const widths = [half, TABLE_WIDTH - half]
  return wordingTableDocx({
    language,
    title: WORDS[language].title,
    subtitle,
    headers: [left.header, right.header],
    widths,
    rows: text.rows.map(
      (row) =>
        new TableRow({
          children: [
            sideCell(row, row.left, left.language, widths[0]),
            sideCell(row, row.right, right.language, widths[1]),
          ],
        }),
    ),
  })
}
