import * as encoding from 'lib0/encoding'
import * as decoding from 'lib0/decoding'
import { MessageType } from './protocol'

/**
 * The "stored" acknowledgement, sent by the server to the connection whose sync message it
 * has just applied and durably stored:
 *   varUint 100 · varUint8Array(state vector) · varUint(sync message type) · varUint(digest32 of the update)
 */
export interface StoredAck {
  stateVector: Uint8Array
  /** y-protocols sync message type that was stored: 1 = sync step 2, 2 = update. */
  syncType: number
  digest: number
}

export function encodeStoredAck(ack: StoredAck): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.stored)
  encoding.writeVarUint8Array(encoder, ack.stateVector)
  encoding.writeVarUint(encoder, ack.syncType)
  encoding.writeVarUint(encoder, ack.digest)
  return encoding.toUint8Array(encoder)
}

/** Reads the body of a stored ack (after its message type). */
export function readStoredAck(decoder: decoding.Decoder): StoredAck {
  const stateVector = decoding.readVarUint8Array(decoder)
  const syncType = decoding.readVarUint(decoder)
  const digest = decoding.readVarUint(decoder)
  return { stateVector, syncType, digest }
}
