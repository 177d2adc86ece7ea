import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as authProtocol from 'y-protocols/auth'
import { MessageType, type ThreadsChanged } from '../../shared/protocol'
import type { Role } from '../../shared/roles'
import { encodeStoredAck } from '../../shared/storedAck'
import { digest32 } from '../../shared/digest'

/** Encoders for the server → client frames of the y-websocket protocol (plus our "stored"). */

export function syncStep1Message(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.sync)
  syncProtocol.writeSyncStep1(encoder, doc)
  return encoding.toUint8Array(encoder)
}

export function syncUpdateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.sync)
  syncProtocol.writeUpdate(encoder, update)
  return encoding.toUint8Array(encoder)
}

export function awarenessMessage(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.awareness)
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients))
  return encoding.toUint8Array(encoder)
}

/**
 * "Stored": the state vector the server holds durably, for the sync message (step 2 or update)
 * just applied, with the digest of its update so a client can match deletions too.
 * Layout in shared/storedAck.ts; a reader that only wants the state vector can stop after it.
 */
export function storedMessage(doc: Y.Doc, syncType: number, update: Uint8Array): Uint8Array {
  return encodeStoredAck({ stateVector: Y.encodeStateVector(doc), syncType, digest: digest32(update) })
}

/** This connection's role on the document (Accord extension, type 101): varString(role). */
export function roleMessage(role: Role): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.role)
  encoding.writeVarString(encoder, role)
  return encoding.toUint8Array(encoder)
}

/** y-protocols' auth message "permission denied": sent when a read-only connection writes. */
export function permissionDeniedMessage(reason: string): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.auth)
  authProtocol.writePermissionDenied(encoder, reason)
  return encoding.toUint8Array(encoder)
}

/** A review thread changed (Accord extension, type 102): varString(JSON ThreadsChanged). */
export function threadsMessage(event: ThreadsChanged): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.threads)
  encoding.writeVarString(encoder, JSON.stringify(event))
  return encoding.toUint8Array(encoder)
}
