import type { ExportStatus } from '../../shared/export/meta'
import type { Db } from '../db/connection'
import type { ExportVersionRef } from './exportSource'

/**
 * Where a text stands in agreement, as an export's cover states it. The ONE place the export
 * asks: the agreement work (issue 6, with versions) fills this in from the proposals and
 * positions it stores — 'proposed' while a proposed version awaits positions, 'agreed' (with
 * the date) once every required organization agreed. The live text is always a draft.
 */
export interface AgreementStatus {
  status: ExportStatus
  /** ISO date the text was agreed (the cover's date); absent = the day of export. */
  agreedAt?: string
}

export interface AgreementDeps {
  db: Db
}

export function agreementStatusOf(_deps: AgreementDeps, _docId: string, version: ExportVersionRef): AgreementStatus {
  if (version.kind === 'current') return { status: 'draft' }
  // Named versions arrive with issue 5; until agreement is recorded every version is a draft.
  return { status: 'draft' }
}
