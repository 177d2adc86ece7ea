import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import * as awarenessProtocol from 'y-protocols/awareness'
import type { Socket } from 'node:net'
import type { RawData, WebSocket } from 'ws'
import { CloseCode, CloseReason, isAccordMessage, MessageType, READ_ONLY_REASON } from '../../shared/protocol'
import { can, type Role } from '../../shared/roles'
import type { Logger } from '../logger'
import type { Room, RoomConnection } from './room'
import { awarenessMessage, permissionDeniedMessage, roleMessage, storedMessage, syncStep1Message } from './messages'
import { rewriteAwarenessUpdate } from './awarenessIdentity'
import { isRedundantUpdate } from './redundant'
import { dropPending, encodeIntegratedState, isIntegrated, pendingBytes } from './integrated'
import { frameOf, rawSocketOf } from './frame'
import { frameWriter } from './socketWrite'
import { gzippedMessage } from './gzipped'
import type { ClientOptions } from './clientOptions'
import { GZIP_FROM_BYTES } from '../http/compression'
import type { ConnectionIdentity, ConnectionRegistry, LiveConnection } from './registry'

/** A frame we could not make sense of; closes only the connection that sent it. */
class MalformedMessage extends Error {
  override name = 'MalformedMessage'
}

/** Close code for a client that does not read fast enough (RFC 6455 "try again later"). */
const TRY_AGAIN_LATER = 1013

let nextId = 0

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data))
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
}

export interface ConnectionOptions {
  pingIntervalMs: number
  /** Outgoing bytes allowed to queue up before a slow client is dropped. */
  maxBufferedBytes: number
  /** Where open connections are listed for live access changes. */
  registry: ConnectionRegistry
  /** Bytes of not-yet-applicable updates (missing dependencies) a document may hold in memory. */
  maxPendingBytes: number
}

/**
 * One WebSocket editing (or reading) one document as one signed-in person: the y-websocket sync
 * and awareness protocol, write permission per message, the server-side identity in awareness,
 * the "stored" acknowledgement, keepalive. Nothing thrown here may reach the process.
 */
export class Connection implements RoomConnection, LiveConnection {
  readonly id = (++nextId).toString(36)
  private closed = false
  private alive = true
  private readonly pingTimer: NodeJS.Timeout
  private readonly log: Logger
  private _role: Role
  private _identity: ConnectionIdentity
  /** Where prebuilt frames are written (see frame.ts); null: through ws.send. */
  private readonly socket: Socket | null
  /** Writes a frame to `socket` (see socketWrite.ts). */
  private readonly writeFrame: ((frame: Uint8Array) => void) | null
  /** Messages waiting, in order, behind one being gzipped (null: none is), and their bytes. */
  private held: Uint8Array[] | null = null
  private heldBytes = 0

  constructor(
    private readonly ws: WebSocket,
    private readonly room: Room,
    identity: ConnectionIdentity,
    role: Role,
    log: Logger,
    private readonly opts: ConnectionOptions,
    /** What the client said, in its sync URL, that it takes beyond plain y-websocket. */
    private readonly client: ClientOptions,
  ) {
    this._identity = identity
    this._role = role
    this.log = log.child({ conn: this.id, user: identity.userId })
    this.socket = rawSocketOf(ws)
    this.writeFrame = this.socket && frameWriter(this.socket)
    ws.on('message', (data, isBinary) => this.onMessage(data, isBinary))
    ws.on('close', (code) => {
      this.log.debug('closed', { code })
      this.detach()
    })
    ws.on('error', (err: Error & { code?: string }) => {
      // ws closes the socket itself after a protocol error (1009 for a frame over maxPayload).
      const msg = err.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH' ? 'message too large' : 'socket error'
      this.log.warn(msg, { err })
    })
    ws.on('pong', () => {
      this.alive = true
    })
    this.pingTimer = setInterval(() => this.heartbeat(), opts.pingIntervalMs)

    room.addConnection(this)
    opts.registry.add(this)
    // The role first, so the client knows whether it may edit before any content arrives.
    this.send(roleMessage(role))
    this.send(syncStep1Message(room.doc))
    const states = [...room.awareness.getStates().keys()]
    if (states.length > 0) this.send(awarenessMessage(room.awareness, states))
    this.log.debug('opened')
  }

  get docId(): string {
    return this.room.docId
  }

  get role(): Role {
    return this._role
  }

  get identity(): ConnectionIdentity {
    return this._identity
  }

  /** Attribution of the updates this connection sends (server-side identity). */
  get author(): { userId: string; orgId: string } {
    return { userId: this._identity.userId, orgId: this._identity.orgId }
  }

  /** A changed grant: from the next message on, edits are allowed or dropped; the client is told. */
  setRole(role: Role): void {
    if (this.closed || role === this._role) return
    this.log.info('role changed', { from: this._role, to: role })
    const couldEdit = can(this._role, 'edit')
    this._role = role
    this.send(roleMessage(role))
    // Allowed to edit again: what was refused meanwhile, and what was typed on top of it (held
    // back waiting for it), are asked for now, as on connecting; before, nothing of it arrived
    // until the page was reloaded.
    if (!couldEdit && can(role, 'edit')) this.send(syncStep1Message(this.room.doc))
  }

  /** A renamed person or organization: used for the awareness states this connection sends next. */
  setIdentity(identity: ConnectionIdentity): void {
    this._identity = identity
  }

  send(message: Uint8Array): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN || !this.reads(message[0])) return
    if (this.held) this.heldBytes += message.byteLength
    // What waits behind a gzipped message counts as queued: a client asking for sync after sync
    // while one is compressed is as slow a reader as one whose socket is full.
    const queued = this.ws.bufferedAmount + this.heldBytes
    if (queued > this.opts.maxBufferedBytes) {
      this.log.warn('client too slow; closing', { buffered: queued })
      this.close(TRY_AGAIN_LATER, 'too slow')
      return
    }
    if (this.held) {
      this.held.push(message)
      return
    }
    // A failed write surfaces as a socket error, which ws turns into a close.
    if (this.writeFrame) this.writeFrame(frameOf(message))
    else this.ws.send(message)
  }

  /**
   * Whether the client reads messages of `type` (all types are under 128: one byte): y-websocket's
   * always, Accord's own only if it said so; gzipped ones only if it asked for them.
   */
  private reads(type: number): boolean {
    if (type === MessageType.gzipped) return this.client.gzip
    return this.client.accord || !isAccordMessage(type)
  }

  /**
   * Like send(), but gzipped when large and the client takes it (compressed in the thread pool;
   * whatever is sent meanwhile follows it, in order).
   */
  private sendLarge(message: Uint8Array): void {
    if (!this.client.gzip || message.byteLength < GZIP_FROM_BYTES || this.held) {
      this.send(message)
      return
    }
    const held: Uint8Array[] = []
    this.held = held
    const release = (first: Uint8Array) => {
      this.held = null
      this.heldBytes = 0
      for (const m of [first, ...held]) this.send(m)
    }
    gzippedMessage(message).then(release, (err: unknown) => {
      this.log.warn('cannot gzip a message; sending it as is', { err, bytes: message.byteLength })
      release(message)
    })
  }

  /**
   * Like send(), but the frames sent this way in one tick leave in one write: the "stored"
   * acknowledgements of one disk sync (several per writer) cost one system call, not one each.
   */
  private sendWithinTick(message: Uint8Array): void {
    const socket = this.socket
    // ws corks only inside its own synchronous sends, so a cork seen here is ours, until the tick ends.
    if (socket && socket.writableCorked === 0) {
      socket.cork()
      process.nextTick(() => socket.uncork())
    }
    this.send(message)
  }

  /** Leaves the room at once (no more frames in or out), then runs the closing handshake. */
  close(code: number, reason: string): void {
    if (this.closed) return
    this.detach()
    try {
      this.ws.close(code, reason)
    } catch (err) {
      this.log.warn('close failed; terminating', { err })
      this.ws.terminate()
    }
  }

  private detach(): void {
    if (this.closed) return
    this.closed = true
    clearInterval(this.pingTimer)
    this.opts.registry.remove(this)
    this.room.removeConnection(this)
  }

  private heartbeat(): void {
    if (!this.alive) {
      this.log.info('no pong; terminating')
      this.ws.terminate()
      return
    }
    this.alive = false
    try {
      this.ws.ping()
    } catch (err) {
      this.log.debug('ping failed', { err })
    }
  }

  private onMessage(data: RawData, isBinary: boolean): void {
    if (this.closed) return
    try {
      if (!isBinary) throw new MalformedMessage('text frame')
      const decoder = decoding.createDecoder(toBytes(data))
      const type = decoding.readVarUint(decoder)
      switch (type) {
        case MessageType.sync:
          this.onSync(decoder)
          break
        case MessageType.awareness:
          this.onAwareness(decoding.readVarUint8Array(decoder))
          break
        case MessageType.queryAwareness:
          this.send(awarenessMessage(this.room.awareness, [...this.room.awareness.getStates().keys()]))
          break
        default:
          throw new MalformedMessage(`unknown message type ${type}`)
      }
    } catch (err) {
      if (this.room.failed) return // the room is going down with 4503 already
      this.log.warn('malformed message; closing connection', { err })
      this.close(CloseCode.malformedMessage, CloseReason.malformedMessage)
    }
  }

  private onSync(decoder: decoding.Decoder): void {
    const syncType = decoding.readVarUint(decoder)
    switch (syncType) {
      case syncProtocol.messageYjsSyncStep1: {
        // Content goes out only once stored: commit what the doc holds first.
        if (!this.room.flush()) return
        const encoder = encoding.createEncoder()
        encoding.writeVarUint(encoder, MessageType.sync)
        // As writeSyncStep2, but only what was applied: pending structs are nobody's business.
        encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2)
        encoding.writeVarUint8Array(encoder, encodeIntegratedState(this.room.doc, decoding.readVarUint8Array(decoder)))
        this.sendLarge(encoding.toUint8Array(encoder))
        return
      }
      case syncProtocol.messageYjsSyncStep2:
      case syncProtocol.messageYjsUpdate: {
        const update = decoding.readVarUint8Array(decoder)
        if (!can(this._role, 'edit')) {
          this.refuseWrite(syncType, update)
          return
        }
        // Origin = this connection: the room appends, then broadcasts to everyone but us.
        // A structural change may be followed by the server's repair of duplicate ids.
        this.room.applyFromClient(update, this, syncType === syncProtocol.messageYjsUpdate, () => !this.room.failed && !this.closed)
        if (this.room.failed || this.closed) return // not stored: no acknowledgement
        // Whatever of it waits for dependencies that have not arrived is in memory only, unstored:
        // not acknowledged (its digest would claim otherwise); a later sync step 2 covers it.
        if (!isIntegrated(this.room.doc, update)) {
          if (pendingBytes(this.room.doc) > this.opts.maxPendingBytes) {
            dropPending(this.room.doc)
            throw new MalformedMessage('too much content with missing dependencies')
          }
          return
        }
        this.acknowledgeWhenStored(syncType, update)
        return
      }
      default:
        throw new MalformedMessage(`unknown sync message type ${syncType}`)
    }
  }

  /**
   * Tells the client "stored" once this turn's group commit is on disk, with the state vector then
   * stored; a client that does not read Accord's messages is not told (nor waited for).
   */
  private acknowledgeWhenStored(syncType: number, update: Uint8Array): void {
    if (!this.client.accord) return
    this.room.whenStored((stored) => this.sendWithinTick(storedMessage(stored, syncType, update)))
  }

  /**
   * A write from a connection that may not edit: never applied, stored or broadcast. A write
   * that would change nothing (the handshake's sync step 2) is acknowledged as stored, since it
   * is; anything else is answered with "permission denied". The connection stays open.
   */
  private refuseWrite(syncType: number, update: Uint8Array): void {
    if (isRedundantUpdate(this.room.doc, update)) {
      this.acknowledgeWhenStored(syncType, update)
      return
    }
    this.log.info('write refused: read-only', { role: this._role, bytes: update.byteLength })
    this.send(permissionDeniedMessage(READ_ONLY_REASON))
  }

  /**
   * Awareness states carry the identity the server knows (name, organization, colour), never
   * the one the client claims; a connection may not overwrite another connection's states.
   */
  private onAwareness(update: Uint8Array): void {
    const awareness = this.room.awareness
    const rewritten = rewriteAwarenessUpdate(update, this._identity.user, (clientId) => {
      if (clientId === awareness.clientID) return false
      const owner = this.room.awarenessOwner(clientId)
      // The same person may take over their own client id (a reconnect); nobody else may.
      return owner === undefined || owner === this || owner.author?.userId === this._identity.userId
    })
    if (rewritten) awarenessProtocol.applyAwarenessUpdate(awareness, rewritten, this)
  }
}
