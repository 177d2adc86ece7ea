import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { insertedEntries } from '../../bench/fanout/insertedEntries'

/** Records, for every transaction that changes `doc`'s 'bench' array, what Yjs's own delta and insertedEntries say it inserted. */
function watch(doc: Y.Doc): { fromDelta: string[][]; found: string[][] } {
  const array = doc.getArray<string>('bench')
  const seen = { fromDelta: [] as string[][], found: [] as string[][] }
  array.observe((event, transaction) => {
    seen.fromDelta.push(event.changes.delta.flatMap((d) => (d.insert as string[] | undefined) ?? []))
    seen.found.push(insertedEntries(array, transaction))
  })
  return seen
}

function push(doc: Y.Doc, entries: string[], withText = true): Uint8Array {
  let update: Uint8Array | null = null
  const capture = (u: Uint8Array) => (update = u)
  doc.on('update', capture)
  doc.transact(() => {
    doc.getArray<string>('bench').push(entries)
    if (withText) doc.getText('text').insert(0, 'x') // as the benchmark's edits do
  })
  doc.off('update', capture)
  return update!
}

describe("the entries a transaction inserted into the benchmark's marker array (bench/fanout/insertedEntries)", () => {
  it('finds the same entries as Yjs’s delta, for concurrent writers, merged updates and a long array', () => {
    const writers = [1, 2, 3].map((clientID) => {
      const doc = new Y.Doc()
      doc.clientID = clientID
      return doc
    })
    const receiver = new Y.Doc()
    const seen = watch(receiver)
    // Concurrent pushes at the same end: a later arrival from a lower client id lands before an entry already there.
    const updates: Uint8Array[] = []
    for (let round = 0; round < 40; round++) {
      for (const [w, doc] of writers.entries()) updates.push(push(doc, [`w${w}:${round}`]))
    }
    // Out of order across writers, one at a time, then the rest as one merged update.
    const shuffled = [...updates.slice(0, 60)].reverse()
    for (const u of shuffled) Y.applyUpdate(receiver, u)
    Y.applyUpdate(receiver, Y.mergeUpdates(updates.slice(60)))

    expect(seen.found.length).toBeGreaterThan(1)
    expect(seen.found.map((e) => [...e].sort())).toEqual(seen.fromDelta.map((e) => [...e].sort()))
    expect(seen.found.flat().sort()).toEqual(receiver.getArray<string>('bench').toArray().sort())
    expect(new Set(seen.found.flat()).size).toBe(120)
  })

  it('finds only what this transaction inserted when earlier entries of the same writer were merged into one struct', () => {
    const writer = new Y.Doc()
    const receiver = new Y.Doc()
    const seen = watch(receiver)
    // Without text between them, Yjs merges each writer's adjacent entries into one struct after each transaction.
    for (const entries of [['a', 'b'], ['c'], ['d', 'e', 'f']]) Y.applyUpdate(receiver, push(writer, entries, false))
    expect(receiver.store.clients.get(writer.clientID)).toHaveLength(1)
    expect(seen.found).toEqual([['a', 'b'], ['c'], ['d', 'e', 'f']])
  })

  it('finds nothing for a transaction that inserted nothing into the array', () => {
    const writer = new Y.Doc()
    const receiver = new Y.Doc()
    Y.applyUpdate(receiver, push(writer, ['a']))
    const array = receiver.getArray<string>('bench')
    let found: string[] | null = null
    receiver.on('afterTransaction', (transaction) => (found = insertedEntries(array, transaction)))
    writer.getText('text').insert(0, 'only text')
    Y.applyUpdate(receiver, Y.encodeStateAsUpdate(writer, Y.encodeStateVector(receiver)))
    expect(found).toEqual([])
  })
})
