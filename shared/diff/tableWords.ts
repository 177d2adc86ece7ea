import type { Language } from '../language'
import type { ProvisionRef } from './types'
import type { ComparativeRow } from './comparativeTable'

/** The fixed words of the comparative table in the document's language (HTML and DOCX alike). */
export const COMPARATIVE_TABLE_WORDS: Record<Language, {
  title: string; before: string; after: string; noRows: string
  moved: string; movedSection: string; splitFrom: string; mergedInto: string; mergedFrom: string; absent: string
}> = {
  en: {
    title: 'Comparative table', before: 'Previous wording', after: 'New wording', noRows: 'No changes.',
    moved: 'moved', movedSection: 'moved', splitFrom: 'split from', mergedInto: 'merged into', mergedFrom: 'merged with', absent: '(none)',
  },
  ru: {
    title: 'Сравнительная таблица', before: 'Прежняя редакция', after: 'Новая редакция', noRows: 'Изменений нет.',
    // «статья», «глава» are feminine, «параграф» masculine.
    moved: 'перемещена', movedSection: 'перемещён', splitFrom: 'выделена из:', mergedInto: 'включена в:', mergedFrom: 'включает:', absent: '(отсутствует)',
  },
}

/** The notes under a row's new wording: "Article 7. → Article 8.", "moved", "split from Article 6.". */
export function rowNotes(row: ComparativeRow, language: Language): string[] {
  const w = COMPARATIVE_TABLE_WORDS[language]
  const ref = (r: ProvisionRef) => r.label || r.heading
  const notes: string[] = []
  if (row.renumbered && row.labelBefore && row.labelAfter) notes.push(`${row.labelBefore} → ${row.labelAfter}`)
  if (row.moved) notes.push(row.kind === 'section' ? w.movedSection : w.moved)
  if (row.splitFrom) notes.push(`${w.splitFrom} ${ref(row.splitFrom)}`)
  if (row.mergedInto) notes.push(`${w.mergedInto} ${ref(row.mergedInto)}`)
  if (row.mergedFrom.length) notes.push(`${w.mergedFrom} ${row.mergedFrom.map(ref).join(', ')}`)
  return notes
}
