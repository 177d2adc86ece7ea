import type { Language } from '../language'
import type { ProvisionRef } from './types'
import type { ComparativeRow } from './comparativeTable'

/** The fixed words of the comparative table in the document's language (HTML and DOCX alike). */
export const COMPARATIVE_TABLE_WORDS: Record<Language, {
  title: string; before: string; after: string; proposedBy: string; justification: string; organizations: string; noRows: string
  moved: string; movedSection: string; splitFrom: string; mergedInto: string; mergedFrom: string; absent: string
}> = {
  en: {
    title: 'Comparative table', before: 'Previous wording', after: 'New wording', proposedBy: 'Proposed by', justification: 'Justification',
    organizations: 'Organizations', noRows: 'No changes.',
    moved: 'moved', movedSection: 'moved', splitFrom: 'split from', mergedInto: 'merged into', mergedFrom: 'merged with', absent: '(none)',
  },
  ru: {
    title: 'Сравнительная таблица', before: 'Прежняя редакция', after: 'Новая редакция', proposedBy: 'Кем предложено', justification: 'Обоснование',
    organizations: 'Организации', noRows: 'Изменений нет.',
    // «статья», «глава» are feminine, «параграф» and «раздел» masculine.
    moved: 'перемещена', movedSection: 'перемещён', splitFrom: 'выделена из:', mergedInto: 'включена в:', mergedFrom: 'включает:', absent: '(отсутствует)',
  },
}

/** Words a table laid out as the comparative table may have instead of its own (the table of amendments). */
export interface TableWording {
  /** What an empty table says; "No changes." unless told. */
  noRows?: string
  /** The wordings' column headings; "Previous wording" and "New wording" unless told. */
  columns?: { before: string; after: string }
  /**
   * The heading of a first column numbering the rows («№ п/п»), by which a meeting refers to
   * them ("amendment 5"); no such column unless told.
   */
  number?: string
}

/** The notes under a row's new wording: "Article 7. → Article 8.", "moved", "split from Article 6.". */
export function rowNotes(row: ComparativeRow, language: Language): string[] {
  const w = COMPARATIVE_TABLE_WORDS[language]
  const ref = (r: ProvisionRef) => r.label || r.heading
  const notes: string[] = []
  if (row.renumbered && row.labelBefore && row.labelAfter) notes.push(`${row.labelBefore} → ${row.labelAfter}`)
  if (row.moved) notes.push(row.kind === 'section' || row.kind === 'part' ? w.movedSection : w.moved)
  if (row.splitFrom) notes.push(`${w.splitFrom} ${ref(row.splitFrom)}`)
  if (row.mergedInto) notes.push(`${w.mergedInto} ${ref(row.mergedInto)}`)
  if (row.mergedFrom.length) notes.push(`${w.mergedFrom} ${row.mergedFrom.map(ref).join(', ')}`)
  return notes
}

/**
 * The key to the short names in the "Proposed by" column, for under the table (the column is too
 * narrow for full names): "Organizations: MoJ — Ministry of Justice; SEC — Secretariat." Null
 * when no row names anyone.
 */
export function proposersKey(rows: readonly ComparativeRow[], language: Language): string | null {
  const byId = new Map(rows.flatMap((row) => row.proposedBy.map((o) => [o.id, o] as const)))
  if (byId.size === 0) return null
  const names = [...byId.values()]
    .sort((x, y) => x.shortName.localeCompare(y.shortName))
    .map((o) => (o.shortName === o.name ? o.name : `${o.shortName} — ${o.name}`))
  return `${COMPARATIVE_TABLE_WORDS[language].organizations}: ${names.join('; ')}.`
}
