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

/**
 * The descriptor of `socket` when bytes may go straight to it: plain TCP (not TLS), open for
 * writing, not corked, and nothing queued in Node or libuv (writableLength counts a write libuv
 * has not finished until it has), so nothing written earlier can come after them. -1 otherwise.
 */
function idleDescriptor(socket: Socket): number {
  if (socket.writableLength !== 0 || socket.writableCorked !== 0 || !socket.writable || socket instanceof TLSSocket) return -1
  const fd = (socket as unknown as { _handle?: { fd?: unknown } | null })._handle?.fd
  return typeof fd === 'number' ? fd : -1
}

/**
 * Writes `frame` to `socket`: with one system call when the socket is idle (a broadcast goes to
 * every editor of a document, and the stream's own path costs ~1.5 µs of CPU per recipient
 * beyond it); what the kernel did not take, and every frame on a busy socket, through
 * `socket.write`, which queues it in order and reports a failed write as the socket's error.
 */
export function writeFrame(socket: Socket, frame: Uint8Array): void {
  const fd = addon ? idleDescriptor(socket) : -1
  if (fd >= 0) {
    const written = addon!.write(fd, frame)
    if (written === frame.byteLength) return
    if (written > 0) frame = frame.subarray(written)
  }
  socket.write(frame)
}
