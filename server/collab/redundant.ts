import * as Y from 'yjs'

/**
 * True when applying `update` to `doc` would change nothing: every struct is already there and
 * every deletion already applied. A read-only client's handshake (sync step 2 of what it got
 * from us) is redundant; anything else it sends is a write we refuse. Throws on bad bytes.
 */
export function isRedundantUpdate(doc: Y.Doc, update: Uint8Array): boolean {
  const { to } = Y.parseUpdateMeta(update)
  const known = Y.decodeStateVector(Y.encodeStateVector(doc))
  for (const [client, clock] of to) {
    if (clock > (known.get(client) ?? 0)) return false
  }
  const { ds } = Y.decodeUpdate(update)
  if (ds.clients.size === 0) return true
  const deleted = Y.createDeleteSetFromStructStore(doc.store)
  for (const [client, items] of ds.clients) {
    const ranges = deleted.clients.get(client) ?? []
    for (const item of items) {
      if (item.len === 0) continue
      const end = item.clock + item.len
      if (!ranges.some((r) => r.clock <= item.clock && end <= r.clock + r.len)) return false
    }
  }
  return true
}
