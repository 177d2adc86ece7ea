import * as Y from 'yjs'

/**
 * The entries `transaction` inserted into `array`, found through the structs it added rather
 * than `event.changes`, which walks the whole array: the benchmark's marker array grows by every
 * edit, and that walk, in each full client for each edit, took a sixth of a load generator's
 * CPU at N=200 and made its event loop late.
 */
export function insertedEntries<T>(array: Y.Array<T>, transaction: Y.Transaction): T[] {
  const entries: T[] = []
  for (const [client, after] of transaction.afterState) {
    const before = transaction.beforeState.get(client) ?? 0
    if (after <= before) continue
    // afterState is read off this store: every client in it has structs there.
    const structs = transaction.doc.store.clients.get(client)!
    for (let i = Y.findIndexSS(structs, before); i < structs.length && structs[i].id.clock < after; i++) {
      const struct = structs[i]
      if (!(struct instanceof Y.Item) || struct.parent !== array || struct.deleted) continue
      const content = struct.content.getContent() as T[]
      // A struct reaching outside this transaction's clocks holds entries of other transactions.
      const from = Math.max(0, before - struct.id.clock)
      const to = Math.min(content.length, after - struct.id.clock)
      entries.push(...content.slice(from, to))
    }
  }
  return entries
}
