import * as Y from 'yjs'
import { CURRENT_VERSION, ErrorCode } from '../../shared/api'
import type { Rooms } from '../collab/rooms'
import type { DocumentStore } from '../storage/documentStore'
import { HttpError } from '../errors'
import type { TextSource } from '../export/task'

/**
 * Which text an export speaks for, from the `version` query parameter. Today only 'current'
 * (the live text) exists; named versions (issue 5) add one branch here that returns the
 * version's stored text (a DocJSON tree or its Yjs state) and its name and date for the cover.
 */
export type ExportVersionRef = { kind: 'current' } | { kind: 'version'; id: string; name: string; createdAt: string }

export interface ExportText {
  version: ExportVersionRef
  /** The text as Yjs updates or a tree; turned into the tree off the main thread. */
  source: TextSource
}

export interface ExportSourceDeps {
  rooms: Rooms
  store: DocumentStore
}

export const versionNotFound = () => new HttpError(404, ErrorCode.notFound, 'no such version of this document')

/**
 * The text of `docId` at `version`. The live text is taken as bytes only (a loaded room's state
 * encoded, or the stored state and its log as they are), so the main thread never builds the tree.
 */
export function resolveExportText(deps: ExportSourceDeps, docId: string, version: string): ExportText {
  if (version === CURRENT_VERSION) {
    const room = deps.rooms.get(docId)
    if (room) return { version: { kind: 'current' }, source: { updates: [Y.encodeStateAsUpdate(room.doc)] } }
    const stored = deps.store.load(docId)
    const updates = stored.state ? [stored.state, ...stored.updates] : stored.updates
    return { version: { kind: 'current' }, source: { updates } }
  }
  throw versionNotFound()
}
