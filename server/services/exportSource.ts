import * as Y from 'yjs'
import { CURRENT } from '../../shared/api'
import type { Rooms } from '../collab/rooms'
import type { VersionsRepo } from '../db/versionsRepo'
import type { DocumentStore } from '../storage/documentStore'
import type { TextSource } from '../export/task'
import { versionNotFound } from './versions'

/**
 * Which text an export speaks for, from the `version` query parameter: 'current' (the live
 * text) or the id of a saved version (its stored text, with its name and date for the cover).
 */
export type ExportVersionRef = { kind: 'current' } | { kind: 'version'; id: string; name: string; createdAt: string }

export interface ExportText {
  version: ExportVersionRef
  /** The text as Yjs updates, a tree or a version's stored JSON; turned into the tree off the main thread. */
  source: TextSource
}

export interface ExportSourceDeps {
  rooms: Rooms
  store: DocumentStore
  versionsRepo: Pick<VersionsRepo, 'get' | 'json'>
}

/**
 * The text of `docId` at `version`. Taken as bytes only — a loaded room's state encoded, the
 * stored state and its log as they are, or a version's deflated JSON as stored — so the main
 * thread never inflates, parses or builds the tree.
 */
export function resolveExportText(deps: ExportSourceDeps, docId: string, version: string): ExportText {
  if (version === CURRENT) {
    const room = deps.rooms.get(docId)
    if (room) return { version: { kind: 'current' }, source: { updates: [Y.encodeStateAsUpdate(room.doc)] } }
    const stored = deps.store.load(docId)
    const updates = stored.state ? [stored.state, ...stored.updates] : stored.updates
    return { version: { kind: 'current' }, source: { updates } }
  }
  const row = deps.versionsRepo.get(docId, version)
  const json = row && deps.versionsRepo.json(docId, version)
  if (!row || !json) throw versionNotFound()
  return { version: { kind: 'version', id: row.id, name: row.name, createdAt: row.created_at }, source: { deflatedJson: json } }
}
