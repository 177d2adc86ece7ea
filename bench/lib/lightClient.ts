/**
 * A protocol-level receiver: a real WebSocket client that does the sync handshake of its
 * server's protocol (y-websocket for Accord and @y/websocket-server, Hocuspocus' own for
 * Hocuspocus), then reads every document update it is sent and reports the benchmark
 * markers in it without applying it to a Y.Doc. 200 Y.Docs applying every update would make
 * the 2-core machine measure the load generator instead of the server.
 */
import WebSocket from 'ws'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { ClientSpec } from './clients'
import { accordParams } from '../../shared/protocol'

/** Every benchmark edit carries `~bench~<writer>:<seq>:<sent-at ms>~` (see bench/fanout/worker.ts). */
export const MARKER_PREFIX = '~bench~'
const MARKER = Buffer.from(MARKER_PREFIX)
const TILDE = 0x7e

export function marker(writerId: number, seq: number, sentAt: number): string {
  return `${MARKER_PREFIX}${writerId}:${seq}:${sentAt.toFixed(3)}~`
}

export function parseMarker(text: string): [writerId: number, seq: number, sentAt: number] | null {
  if (!text.startsWith(MARKER_PREFIX)) return null
  const [w, s, t] = text.slice(MARKER_PREFIX.length, -1).split(':')
  return [Number(w), Number(s), Number(t)]
}

/** Calls `found` for every marker in `bytes` from `offset` on. */
export function scanMarkers(bytes: Buffer, offset: number, found: (writerId: number, seq: number, sentAt: number) => void): void {
  let at = bytes.indexOf(MARKER, offset)
  while (at !== -1) {
    const end = bytes.indexOf(TILDE, at + MARKER.length)
    if (end === -1) return
    const [w, s, t] = bytes.toString('latin1', at + MARKER.length, end).split(':')
    found(Number(w), Number(s), Number(t))
    at = bytes.indexOf(MARKER, end + 1)
  }
}

const SYNC = 0
const STEP1 = 0
const STEP2 = 1
const UPDATE = 2
const HOCUSPOCUS_AUTH = 2
const HOCUSPOCUS_PING = 9
const HOCUSPOCUS_PONG = 10
/** An empty state vector, and the update of an empty document. */
const EMPTY_SV = new Uint8Array([0])
const EMPTY_UPDATE = new Uint8Array([0, 0])

export interface LightClient {
  synced: Promise<void>
  /** Whether the server closed this connection (a light client does not reconnect). */
  readonly closedByServer: boolean
  destroy(): void
}

export function connectLight(spec: ClientSpec, onMarker: (writerId: number, seq: number, sentAt: number) => void): LightClient {
  const hocuspocus = spec.kind === 'hocuspocus'
  const url = spec.kind === 'accord' ? `ws://127.0.0.1:${spec.port}/sync/${spec.doc}?${new URLSearchParams(accordParams())}` : hocuspocus ? `ws://127.0.0.1:${spec.port}` : `ws://127.0.0.1:${spec.port}/${spec.doc}`
  const ws = new WebSocket(url, spec.cookie ? { headers: { Cookie: spec.cookie } } : {})
  let resolveSynced!: () => void
  const synced = new Promise<void>((r) => (resolveSynced = r))

  const frame = (write: (encoder: encoding.Encoder) => void) => {
    const encoder = encoding.createEncoder()
    if (hocuspocus) encoding.writeVarString(encoder, spec.doc)
    write(encoder)
    ws.send(encoding.toUint8Array(encoder))
  }

  ws.on('open', () => {
    if (hocuspocus) {
      frame((e) => {
        encoding.writeVarUint(e, HOCUSPOCUS_AUTH)
        encoding.writeVarUint(e, 0) // token
        encoding.writeVarString(e, '')
        encoding.writeVarString(e, '4.7.0')
      })
    }
    frame((e) => {
      encoding.writeVarUint(e, SYNC)
      encoding.writeVarUint(e, STEP1)
      encoding.writeVarUint8Array(e, EMPTY_SV)
    })
  })
  ws.on('message', (data: Buffer) => {
    if (hocuspocus && data.length === 1 && data[0] === HOCUSPOCUS_PING) {
      ws.send(new Uint8Array([HOCUSPOCUS_PONG]))
      return
    }
    const decoder = decoding.createDecoder(data)
    if (hocuspocus) decoding.readVarString(decoder)
    if (decoding.readVarUint(decoder) !== SYNC) return // awareness, auth, Accord's acks…
    const syncType = decoding.readVarUint(decoder)
    if (syncType === UPDATE) scanMarkers(data, decoder.pos, onMarker)
    else if (syncType === STEP2) resolveSynced()
    else if (syncType === STEP1) {
      frame((e) => {
        encoding.writeVarUint(e, SYNC)
        encoding.writeVarUint(e, STEP2)
        encoding.writeVarUint8Array(e, EMPTY_UPDATE)
      })
    }
  })
  ws.on('error', (err) => console.error(`light client: ${err.message}`))
  let destroyed = false
  let closedByServer = false
  ws.on('close', (code) => {
    if (destroyed) return
    closedByServer = true
    console.error(`light client: closed by the server (${code})`)
  })
  return {
    synced,
    get closedByServer() {
      return closedByServer
    },
    destroy: () => {
      destroyed = true
      ws.terminate()
    },
  }
}
