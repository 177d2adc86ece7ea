import type { Socket } from 'node:net'
import { constants } from 'node:os'
import { TLSSocket } from 'node:tls'
import { nativeAddon } from '../nativeAddon'

/** The socket-write addon (server/native/socket_write.c), built by npm's install step. */
interface SocketWriteAddon {
  /** Bytes the kernel took from `bytes` written to `fd`, or -errno if none. */
  write(fd: number, bytes: Uint8Array): number
  /**
   * `bytes` sent to each of `fds` in one system call (an io_uring); `results[i]` as write()
   * would return for `fds[i]`, -ECANCELED if not sent. False, nothing sent, without io_uring.
   */
  writeEach(fds: Int32Array, bytes: Uint8Array, results: Int32Array): boolean
}

const loaded = nativeAddon<SocketWriteAddon>('socket_write')
const addon = 'addon' in loaded ? loaded.addon : null

/** The descriptor under a plain TCP socket (not TLS, whose bytes must be encrypted), or null. */
function descriptorOf(socket: Socket): number | null {
  if (socket instanceof TLSSocket) return null
  const fd = (socket as unknown as { _handle?: { fd?: unknown } | null })._handle?.fd
  return typeof fd === 'number' && fd >= 0 ? fd : null
}

/** Frames for idle sockets held during writesTogether(): one frame, many sockets. */
interface Batch {
  /** Tells a socket whether it has a frame held here already (see frameWriter). */
  readonly id: number
  frame: Uint8Array | null
  fds: Int32Array
  sockets: Socket[]
  length: number
}

const { ECANCELED } = constants.errno
let batches = 0
/** Whether io_uring is there (false once writeEach said no or failed: then never asked again). */
let together = addon !== null
let batch: Batch | null = null
let results = new Int32Array(64)

const newBatch = (): Batch => ({ id: ++batches, frame: null, fds: new Int32Array(64), sockets: [], length: 0 })

/**
 * Runs `send`, holding the frames it writes to idle sockets, then writes each to all of them in
 * one system call (writeEach in socket_write.c): written one by one, every write() lets the
 * kernel hand the core to the recipient it just woke, and the rest of the room waits (at N=50
 * the server was switched out ~1.5 times per edit). For a broadcast: one frame, many sockets.
 */
export function writesTogether(send: () => void): void {
  if (!together || batch) {
    send()
    return
  }
  batch = newBatch()
  try {
    send()
  } finally {
    const held = batch
    batch = null
    flush(held)
  }
}

/** Writes what `held` holds: in one call, or one by one without io_uring. */
function flush(held: Batch): void {
  const { frame, sockets, length } = held
  if (length === 0 || !frame) return
  if (results.length < length) results = new Int32Array(held.fds.length)
  // Whether `results` says what became of each send (else each is written here, one by one).
  let sent = false
  try {
    sent = length > 1 && addon!.writeEach(held.fds.subarray(0, length), frame, results)
    if (length > 1 && !sent) together = false
  } catch (err) {
    // The ring failed with sends in flight: what those wrote is unknown, so their connections
    // start over (the clients reconnect and sync); the sends that completed are in `results`.
    together = false
    sent = true
    for (let i = 0; i < length; i++) if (results[i] === -ECANCELED) sockets[i].destroy(err as Error)
  }
  for (let i = 0; i < length; i++) {
    const socket = sockets[i]
    if (socket.destroyed) continue
    const written = sent ? results[i] : addon!.write(held.fds[i], frame)
    if (written === frame.byteLength) continue
    socket.write(written > 0 ? frame.subarray(written) : frame)
  }
}

/**
 * How frames are written to `socket`, decided once per connection: with one system call while
 * the socket is idle (a broadcast goes to every editor of a document, and the stream's own path
 * costs ~1.5 µs of CPU per recipient beyond it), within writesTogether() one for all its idle
 * sockets; what the kernel did not take, and every frame on a busy socket, through
 * `socket.write`, which queues it in order and reports a failed write as the socket's error.
 */
export function frameWriter(socket: Socket): (frame: Uint8Array) => void {
  const fd = addon ? descriptorOf(socket) : null
  if (!addon || fd === null) return (frame) => socket.write(frame)
  /** The batch this socket last had a frame held in. */
  let heldIn = 0
  return (frame) => {
    // A frame already held for this socket (or a batch of other bytes) goes out first.
    if (batch && (heldIn === batch.id || (batch.frame !== null && batch.frame !== frame))) {
      const held = batch
      batch = newBatch()
      flush(held)
    }
    // Idle: open (so `fd` is still this socket's), not corked, and nothing queued in Node or
    // libuv (writableLength counts a write libuv has not finished), so nothing written earlier
    // can come after these bytes.
    if (socket.writableLength === 0 && socket.writableCorked === 0 && socket.writable) {
      if (batch) {
        hold(batch, socket, fd, frame)
        heldIn = batch.id
        return
      }
      const written = addon.write(fd, frame)
      if (written === frame.byteLength) return
      if (written > 0) frame = frame.subarray(written)
    }
    socket.write(frame)
  }
}

function hold(into: Batch, socket: Socket, fd: number, frame: Uint8Array): void {
  into.frame = frame
  if (into.length === into.fds.length) {
    const grown = new Int32Array(into.fds.length * 2)
    grown.set(into.fds)
    into.fds = grown
  }
  into.fds[into.length++] = fd
  into.sockets.push(socket)
}
