import * as encoding from 'lib0/encoding'

/**
 * A state vector (client → clock) encoded as Y.encodeStateVector encodes a doc's, byte for byte:
 * for a state Yjs has already computed (a transaction's afterState), without walking the doc again.
 */
export function encodeStateVectorOf(state: ReadonlyMap<number, number>): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, state.size)
  for (const [client, clock] of [...state].sort((a, b) => b[0] - a[0])) {
    encoding.writeVarUint(encoder, client)
    encoding.writeVarUint(encoder, clock)
  }
  return encoding.toUint8Array(encoder)
}
