import type { Socket } from 'node:net'
import { TLSSocket } from 'node:tls'
import { nativeAddon } from '../nativeAddon'

/** The socket-write addon (server/native/socket_write.c), built by npm's install step. */
interface SocketWriteAddon {
  /** Bytes the kernel took from `bytes` written to `fd`, or -errno if none. */
  write(fd: number, bytes: Uint8Array): number
}

const loaded = nativeAddon<SocketWriteAddon>('socket_write')
const addon = 'addon' in loaded ? loaded.addon : null

/** The descriptor under a plain TCP socket (not TLS, whose bytes must be encrypted), or null. */
function descriptorOf(socket: Socket): number | null {
  if (socket instanceof TLSSocket) return null
  const fd = (socket as unknown as { _handle?: { fd?: unknown } | null })._handle?.fd
  return typeof fd === 'number' && fd >= 0 ? fd : null
}

/**
 * How frames are written to `socket`, decided once per connection: with one system call while
 * the socket is idle (a broadcast goes to every editor of a document, and the stream's own path
 * costs ~1.5 µs of CPU per recipient beyond it); what the kernel did not take, and every frame on
 * a busy socket, through `socket.write`, which queues it in order and reports a failed write as
 * the socket's error.
 */
export function frameWriter(socket: Socket): (frame: Uint8Array) => void {
  const fd = addon ? descriptorOf(socket) : null
  if (!addon || fd === null) return (frame) => socket.write(frame)
  return (frame) => {
    // Idle: open (so `fd` is still this socket's), not corked, and nothing queued in Node or
    // libuv (writableLength counts a write libuv has not finished), so nothing written earlier
    // can come after these bytes.
    if (socket.writableLength === 0 && socket.writableCorked === 0 && socket.writable) {
      const written = addon.write(fd, frame)
      if (written === frame.byteLength) return
      if (written > 0) frame = frame.subarray(written)
    }
    socket.write(frame)
  }
}
