import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as authProtocol from 'y-protocols/auth'
import { MessageType, type ThreadsChanged } from '../../shared/protocol'
import type { Role } from '../../shared/roles'
import { encodeStoredAck } from '../../shared/storedAck'
import { digest32 } from '../../shared/digest'
import { varUintSize, writeVarUint } from '../lib0Write'
import { framedMessage } from './frame'

/** Encoders for the server → client frames of the y-websocket protocol (plus our own types). */

/** One frame: its message type, then what `write` puts after it. */
function frame(type: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, type)
  write(encoder)
  return encoding.toUint8Array(encoder)
}

export function syncStep1Message(doc: Y.Doc): Uint8Array {
  return frame(MessageType.sync, (encoder) => syncProtocol.writeSyncStep1(encoder, doc))
}

/** A sync update (what y-protocols' writeUpdate writes), written straight into its broadcast frame. */
export function syncUpdateMessage(update: Uint8Array): Uint8Array {
  const length = update.byteLength
  const message = framedMessage(2 + varUintSize(length) + length)
  message[0] = MessageType.sync
  message[1] = syncProtocol.messageYjsUpdate
  message.set(update, writeVarUint(message, 2, length))
  return message
}

export function awarenessMessage(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  return frame(MessageType.awareness, (encoder) => encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients)))
}

/**
 * "Stored": the state vector the server holds durably (`stateVector`, encoded), for the sync
 * message (step 2 or update) just applied, with the digest of its update so a client can match
 * deletions too. Layout in shared/storedAck.ts; a reader that only wants the state vector can
 * stop after it.
 */
export function storedMessage(stateVector: Uint8Array, syncType: number, update: Uint8Array): Uint8Array {
  return encodeStoredAck({ stateVector, syncType, digest: digest32(update) })
}

/** This connection's role on the document (Accord extension, type 101): varString(role). */
export function roleMessage(role: Role): Uint8Array {
  return frame(MessageType.role, (encoder) => encoding.writeVarString(encoder, role))
}

/** y-protocols' auth message "permission denied": sent when a read-only connection writes. */
export function permissionDeniedMessage(reason: string): Uint8Array {
  return frame(MessageType.auth, (encoder) => authProtocol.writePermissionDenied(encoder, reason))
}

/** The draft was renamed (Accord extension, type 104): varString(title). */
export function renamedMessage(title: string): Uint8Array {
  return frame(MessageType.renamed, (encoder) => encoding.writeVarString(encoder, title))
}

/** A review thread changed (Accord extension, type 102): varString(JSON ThreadsChanged). */
export function threadsMessage(event: ThreadsChanged): Uint8Array {
  return frame(MessageType.threads, (encoder) => encoding.writeVarString(encoder, JSON.stringify(event)))
}

/** Stated preferences among alternative wordings changed (Accord extension, type 105): clients fetch them again. */
export function preferencesMessage(): Uint8Array {
  return frame(MessageType.preferences, () => {})
}
