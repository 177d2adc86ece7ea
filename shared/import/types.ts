import type { DocJSON } from '../schema'
import type { Language } from '../language'
import type { ImportNote } from './notes'
import type { WordCommentThread } from './wordComments'

export interface ImportStats {
  parts: number
  chapters: number
  sections: number
  articles: number
  /** Numbered paragraphs of articles ("clause" blocks). */
  clauses: number
  points: number
  subpoints: number
  preambleParagraphs: number
  /** Paragraphs of the conclusions after the last article (adoption note, signature). */
  conclusionsParagraphs: number
  /** Passages that matched no heading or number and were kept as plain text in place. */
  unrecognised: number
}

export interface ImportResult {
  /** A valid document (docFromJSON accepts it) with fresh, unique ids. */
  doc: DocJSON
  /** The language given by the caller, or guessed from the text (Cyrillic vs Latin letters). */
  language: Language
  /** Human-readable notes for the preview: what was guessed, moved, flattened or skipped. */
  warnings: string[]
  /** The same notes as codes and values, for a preview in the reader's language. */
  notes: ImportNote[]
  stats: ImportStats
  /** Ids of the blocks made from text that matched no heading or number (kept as plain paragraphs). */
  unrecognisedIds: string[]
  /** A Word file's comments, with their replies: kept as review threads on the words they were made on. */
  wordComments?: WordCommentThread[]
}

/** How a Word file's tracked changes are read: accepted into the text (as Word shows them), or proposed as wordings on the text as it was. */
export const TRACKED_CHANGES = ['accept', 'propose'] as const
export type TrackedChanges = (typeof TRACKED_CHANGES)[number]
