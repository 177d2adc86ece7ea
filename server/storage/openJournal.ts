import { MappedJournal } from './mappedJournal'
import { WrittenJournal, type UpdateJournal } from './updateJournal'

/** How commits are journaled: `mapped` when the file can be mapped (else written), or always `written`. */
export const JOURNAL_KINDS = ['mapped', 'written'] as const
export type JournalKind = (typeof JOURNAL_KINDS)[number]

/** The journal at `path`, emptied; `onFallback` hears why a mapped one could not be had. */
export function openJournal(path: string, kind: JournalKind, onFallback?: (why: string) => void): UpdateJournal {
  if (kind === 'mapped') {
    try {
      return new MappedJournal(path)
    } catch (err) {
      onFallback?.(err instanceof Error ? err.message : String(err))
    }
  }
  const journal = new WrittenJournal(path)
  journal.clear()
  return journal
}
