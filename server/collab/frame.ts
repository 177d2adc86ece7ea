import { Socket } from 'node:net'
import type { WebSocket } from 'ws'

/**
 * Broadcast frames built once and written straight to each socket. `ws.send` frames every
 * message anew for each recipient (header, cork, writev, completion callback); one update goes
 * to every editor of a document, so the frame is built once and the same bytes are written to
 * each socket (≈20% less CPU per recipient, measured with 200 connections).
 */

/** A complete unmasked binary WebSocket frame for `payload` (RFC 6455 §5.2: FIN, opcode 2). */
export function binaryFrame(payload: Uint8Array): Buffer {
  const length = payload.byteLength
  const header = length < 126 ? 2 : length < 65536 ? 4 : 10
  const frame = Buffer.allocUnsafe(header + length)
  frame[0] = 0x82
  if (length < 126) frame[1] = length
  else if (length < 65536) {
    frame[1] = 126
    frame.writeUInt16BE(length, 2)
  } else {
    frame[1] = 127
    frame.writeUInt32BE(Math.floor(length / 2 ** 32), 2)
    frame.writeUInt32BE(length >>> 0, 6)
  }
  frame.set(payload, header)
  return frame
}

let lastMessage: Uint8Array | null = null
let lastFrame: Buffer | null = null

/** The frame of `message`, built once for a run of sends of the same message (a broadcast). */
export function frameOf(message: Uint8Array): Buffer {
  if (message !== lastMessage) {
    lastFrame = binaryFrame(message)
    lastMessage = message
  }
  return lastFrame!
}

/**
 * The TCP socket under a server-side `ws` connection, when frames may be written to it
 * directly: no extension (permessage-deflate is off) transforms frames, and `ws` writes its
 * own frames synchronously, so ours and its stay in order. Null otherwise (then use ws.send).
 * `_socket` is ws's internal field (ws 8); checked, not assumed.
 */
export function rawSocketOf(ws: WebSocket): Socket | null {
  const socket = (ws as unknown as { _socket?: unknown })._socket
  return ws.extensions === '' && socket instanceof Socket ? socket : null
}
