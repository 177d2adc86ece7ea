import * as Y from 'yjs'

/**
 * Yjs keeps structs whose dependencies have not arrived in `doc.store.pendingStructs` (and
 * deletions of unknown structs in `pendingDs`), and Y.encodeStateAsUpdate includes them. On the
 * server such content was never applied, stored or acknowledged — an update typed during a
 * reconnect waits there for the sync step 2 that carries its dependencies, and a hostile or
 * buggy client can park structs there for good (an update of another document). None of it may
 * reach the store or other clients: compacting it into the state row would make the document
 * unloadable (loadDoc refuses pending structs), and sending it would spread it.
 */

export function pendingBytes(doc: Y.Doc): number {
  return (doc.store.pendingStructs?.update.byteLength ?? 0) + (doc.store.pendingDs?.byteLength ?? 0)
}

export function hasPending(doc: Y.Doc): boolean {
  return doc.store.pendingStructs !== null || doc.store.pendingDs !== null
}

/** The document's applied content (relative to `stateVector`), without anything pending. */
export function encodeIntegratedState(doc: Y.Doc, stateVector?: Uint8Array): Uint8Array {
  const { pendingStructs, pendingDs } = doc.store
  if (pendingStructs === null && pendingDs === null) return Y.encodeStateAsUpdate(doc, stateVector)
  doc.store.pendingStructs = null
  doc.store.pendingDs = null
  try {
    return Y.encodeStateAsUpdate(doc, stateVector)
  } finally {
    doc.store.pendingStructs = pendingStructs
    doc.store.pendingDs = pendingDs
  }
}

/**
 * True when `update`, just applied to `doc`, is wholly part of it: none of it waits for missing
 * dependencies. Only then may it be acknowledged as stored. Free unless something is pending; then
 * it decodes the update and looks up only the structs its deletions name.
 */
export function isIntegrated(doc: Y.Doc, update: Uint8Array): boolean {
  if (!hasPending(doc)) return true
  const { to } = Y.parseUpdateMeta(update)
  for (const [client, clock] of to) if (clock > Y.getState(doc.store, client)) return false
  const { ds } = Y.decodeUpdate(update)
  for (const [client, ranges] of ds.clients) {
    const structs = doc.store.clients.get(client)
    for (const { clock, len } of ranges) {
      if (len === 0) continue
      const end = clock + len
      if (!structs || end > Y.getState(doc.store, client)) return false
      for (let i = Y.findIndexSS(structs, clock); i < structs.length && structs[i].id.clock < end; i++) {
        if (!structs[i].deleted) return false
      }
    }
  }
  return true
}

/** Forgets everything pending (never stored, never acknowledged; its senders still hold it). */
export function dropPending(doc: Y.Doc): void {
  doc.store.pendingStructs = null
  doc.store.pendingDs = null
}
