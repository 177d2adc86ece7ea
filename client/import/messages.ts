import type { DocJSON } from '../../shared/schema'
import type { Language } from '../../shared/language'
import type { ImportResult } from '../../shared/import/types'
import type { ImportProblem } from '../../shared/import/errors'
import type { ImportSource, ImportStage } from '../../shared/import/source'
import type { TrackedChanges } from '../../shared/import/types'
import type { LawStructure } from '../../shared/export/structure'

/** What the import page and its Web Worker (importWorker.ts) say to each other. */

export type { ImportSource, ImportStage }

export type ToImportWorker =
  | { id: number; kind: 'parse'; source: ImportSource; trackedChanges: TrackedChanges }
  /** The preview again in another language (labels "Article" / "Статья" change). */
  | { id: number; kind: 'structure'; doc: DocJSON; language: Language }
  /** Load the readers now, while the person picks a file (no answer). */
  | { id: number; kind: 'warm' }

export type FromImportWorker =
  | { id: number; kind: 'stage'; stage: ImportStage }
  | { id: number; kind: 'parsed'; result: ImportResult; structure: LawStructure }
  | { id: number; kind: 'structure'; structure: LawStructure }
  /** `problem` is for the reader (translated by the page), `message` the technical detail. */
  | { id: number; kind: 'error'; problem: ImportProblem; message: string }
