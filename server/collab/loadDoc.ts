import * as Y from 'yjs'
import type { DocumentStore } from '../storage/documentStore'
import { StorageError } from '../storage/documentStore'

export interface LoadedDoc {
  doc: Y.Doc
  /** Sequence number of the last logged update applied. */
  lastSeq: number
  /** Logged updates not yet folded into the stored state. */
  logLength: number
}

/** Transaction origin of the updates replayed from storage (never re-appended). */
export const LOAD_ORIGIN = Symbol('load')

/**
 * Rebuilds a document from the store: state first, then the logged updates in order.
 * Anything wrong (unreadable store, undecodable bytes, updates whose dependencies are missing)
 * throws a StorageError and leaves nothing behind: an empty or partial doc must never be served,
 * because its next compaction would overwrite the real content.
 */
export function loadDoc(store: DocumentStore, docId: string): LoadedDoc {
  const stored = store.load(docId)
  const doc = new Y.Doc({ gc: true })
  try {
    if (stored.state) Y.applyUpdate(doc, stored.state, LOAD_ORIGIN)
    for (const update of stored.updates) Y.applyUpdate(doc, update, LOAD_ORIGIN)
    // Pending structs/deletes mean something the log depends on is missing or corrupt.
    if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) {
      throw new Error('stored updates have missing dependencies')
    }
  } catch (err) {
    doc.destroy()
    throw err instanceof StorageError ? err : new StorageError(`cannot decode document ${docId}`, { cause: err })
  }
  return { doc, lastSeq: stored.lastSeq, logLength: stored.updates.length }
}
