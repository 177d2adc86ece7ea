import * as Y from 'yjs'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import WebSocket from 'ws'
import { MessageType } from '../../shared/protocol'
import { syncUrlOf } from './clients'

/**
 * A sync client written frame by frame, for tests that send exactly one message type and look at
 * what comes back: it keeps a mirror of the document from the server's sync messages and counts
 * every kind of answer.
 */
export class RawSyncClient {
  /** The document as the server has sent it. */
  readonly mirror = new Y.Doc()
  roles: string[] = []
  denied: string[] = []
  acks = 0
  /** Sync step 2 messages received (answers to our step 1). */
  step2s = 0
  /** Awareness messages received. */
  awareness = 0
  readonly closed: Promise<number>

  private constructor(readonly ws: WebSocket) {
    this.closed = new Promise((resolve) => ws.once('close', (code) => resolve(code)))
    ws.on('message', (data: Buffer) => this.receive(new Uint8Array(data)))
  }

  /** Opens a connection (resolving once it is open) or rejects with the close code / HTTP status. */
  static open(wsUrl: string, docId: string, cookie?: string): Promise<RawSyncClient> {
    const ws = new WebSocket(syncUrlOf(wsUrl, docId), cookie ? { headers: { Cookie: cookie } } : {})
    ws.on('error', () => {})
    const client = new RawSyncClient(ws)
    return new Promise((resolve, reject) => {
      ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)))
      ws.once('open', () => resolve(client))
      ws.once('close', (code) => reject(new Error(`closed ${code}`)))
    })
  }

  private receive(frame: Uint8Array): void {
    const decoder = decoding.createDecoder(frame)
    const type = decoding.readVarUint(decoder)
    if (type === MessageType.sync) {
      const syncType = decoding.peekVarUint(decoder)
      if (syncType === syncProtocol.messageYjsSyncStep2) this.step2s++
      // Applied to the mirror only; the client's own answer to the server's step 1 is not sent.
      syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), this.mirror, 'server')
    } else if (type === MessageType.awareness) this.awareness++
    else if (type === MessageType.stored) this.acks++
    else if (type === MessageType.role) this.roles.push(decoding.readVarString(decoder))
    else if (type === MessageType.auth && decoding.readVarUint(decoder) === 0) this.denied.push(decoding.readVarString(decoder))
  }

  send(frame: Uint8Array): void {
    this.ws.send(frame)
  }

  /** Resolves once the server has handled every frame sent before (its pong follows them). */
  handled(): Promise<void> {
    return new Promise((resolve) => {
      this.ws.once('pong', () => resolve())
      this.ws.ping()
    })
  }

  close(): void {
    this.ws.terminate()
    this.mirror.destroy()
  }
}

export function frame(type: number, write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, type)
  write(e)
  return encoding.toUint8Array(e)
}

export function syncFrame(syncType: number, body: Uint8Array): Uint8Array {
  return frame(MessageType.sync, (e) => {
    encoding.writeVarUint(e, syncType)
    encoding.writeVarUint8Array(e, body)
  })
}
