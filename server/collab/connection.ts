import * as Y from 'yjs'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import * as awarenessProtocol from 'y-protocols/awareness'
import type { RawData, WebSocket } from 'ws'
import { CloseCode, CloseReason, MessageType } from '../../shared/protocol'
import type { Logger } from '../logger'
import type { Room, RoomConnection } from './room'
import { awarenessMessage, storedMessage, syncStep1Message } from './messages'

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
}

/**
 * One WebSocket editing one document: the y-websocket sync and awareness protocol, the "stored"
 * acknowledgement, keepalive. Nothing thrown here may reach the process.
 */
export class Connection implements RoomConnection {
  readonly id = (++nextId).toString(36)
  private closed = false
  private alive = true
  private readonly pingTimer: NodeJS.Timeout
  private readonly log: Logger

  constructor(
    private readonly ws: WebSocket,
    private readonly room: Room,
    log: Logger,
    private readonly opts: ConnectionOptions,
  ) {
    this.log = log.child({ conn: this.id })
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
    this.send(syncStep1Message(room.doc))
    const states = [...room.awareness.getStates().keys()]
    if (states.length > 0) this.send(awarenessMessage(room.awareness, states))
    this.log.debug('opened')
  }

  send(message: Uint8Array): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return
    if (this.ws.bufferedAmount > this.opts.maxBufferedBytes) {
      this.log.warn('client too slow; closing', { buffered: this.ws.bufferedAmount })
      this.close(TRY_AGAIN_LATER, 'too slow')
      return
    }
    this.ws.send(message, (err) => {
      if (err) this.log.debug('send failed', { err })
    })
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
          awarenessProtocol.applyAwarenessUpdate(this.room.awareness, decoding.readVarUint8Array(decoder), this)
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
        const encoder = encoding.createEncoder()
        encoding.writeVarUint(encoder, MessageType.sync)
        syncProtocol.writeSyncStep2(encoder, this.room.doc, decoding.readVarUint8Array(decoder))
        this.send(encoding.toUint8Array(encoder))
        return
      }
      case syncProtocol.messageYjsSyncStep2:
      case syncProtocol.messageYjsUpdate: {
        const update = decoding.readVarUint8Array(decoder)
        // Origin = this connection: the room appends, then broadcasts to everyone but us.
        Y.applyUpdate(this.room.doc, update, this)
        if (this.room.failed || this.closed) return // not stored: no acknowledgement
        // An update whose dependencies have not arrived yet waits in memory, unstored: it is
        // not acknowledged (its digest would claim otherwise); a later sync step 2 covers it.
        const pending = this.room.doc.store.pendingStructs !== null || this.room.doc.store.pendingDs !== null
        if (syncType === syncProtocol.messageYjsUpdate && pending) return
        this.send(storedMessage(this.room.doc, syncType, update))
        return
      }
      default:
        throw new MalformedMessage(`unknown sync message type ${syncType}`)
    }
  }
}
