import type { DocJSON } from '../../shared/schema'
import type { Language } from '../../shared/language'
import type { ImportResult } from '../../shared/import/types'
import type { LawStructure } from '../../shared/export/structure'

/** What the import page and its Web Worker (importWorker.ts) say to each other. */

export type ImportSource = { type: 'docx'; bytes: ArrayBuffer } | { type: 'text'; text: string; format: 'auto' | 'markdown' | 'text' }

export type ImportStage = 'converting' | 'recognising' | 'preview'

export type ToImportWorker =
  | { id: number; kind: 'parse'; source: ImportSource }
  /** The preview again in another language (labels "Article" / "Статья" change). */
  | { id: number; kind: 'structure'; doc: DocJSON; language: Language }

export type FromImportWorker =
  | { id: number; kind: 'stage'; stage: ImportStage }
  | { id: number; kind: 'parsed'; result: ImportResult; structure: LawStructure }
  | { id: number; kind: 'structure'; structure: LawStructure }
  | { id: number; kind: 'error'; message: string }
