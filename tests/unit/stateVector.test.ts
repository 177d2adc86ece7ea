import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { encodeStateVectorOf } from '../../server/collab/stateVector'

describe('encodeStateVectorOf', () => {
  it("encodes a transaction's afterState exactly as Y.encodeStateVector encodes the doc", () => {
    const doc = new Y.Doc()
    const states: Map<number, number>[] = []
    doc.on('afterTransaction', (transaction: Y.Transaction) => states.push(transaction.afterState))
    expect(encodeStateVectorOf(new Map())).toEqual(Y.encodeStateVector(doc))
    // Writers with client ids small and large (varUints of one to five bytes), in no order.
    for (const clientID of [7, 2 ** 31 - 5, 300, 1, 2 ** 20]) {
      const writer = new Y.Doc()
      writer.clientID = clientID
      Y.applyUpdate(writer, Y.encodeStateAsUpdate(doc))
      writer.getText('t').insert(0, 'x'.repeat(clientID % 200))
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(writer, Y.encodeStateVector(doc)))
      expect(encodeStateVectorOf(states[states.length - 1])).toEqual(Y.encodeStateVector(doc))
    }
    expect(Y.decodeStateVector(encodeStateVectorOf(states[states.length - 1])).size).toBe(5)
  })
})
