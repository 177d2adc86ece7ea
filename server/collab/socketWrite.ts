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
  /** From now on writeEach() sends nothing and returns false, as where the kernel refuses io_uring. */
  refuseRing(): void
  /** The errno that made the ring unavailable (setting it up, or a submission), 0 if none (or refused). */
  ringError(): number
}

const loaded = nativeAddon<SocketWriteAddon>('socket_write')
const addon = 'addon' in loaded ? loaded.addon : null

/** The descriptor under a plain TCP socket (not TLS, whose bytes must be encrypted), or null. */
function descriptorOf(socket: Socket): number | null {
  if (socket instanceof TLSSocket) return null
  const fd = (socket as unknown as { _handle?: { fd?: unknown } | null })._handle?.fd
  return typeof fd === 'number' && fd >= 0 ? fd : null
}

const { ECANCELED } = constants.errno
/** Whether io_uring is there (false once writeEach said no or failed: then never asked again). */
let together = addon !== null
/** Whether a writesTogether() is running: frames to idle sockets are held meanwhile. */
let holding = false
/** What is held: one frame, for these sockets (and their descriptors, in the same order). */
let heldFrame: Uint8Array | null = null
const heldSockets: Socket[] = []
let heldFds = new Int32Array(64)
/** Counts the flushes, so that a socket can tell whether it has a frame held now (see frameWriter). */
let flushes = 1
let results = new Int32Array(64)

/** Told once if broadcasts go without io_uring after trying it, with the kernel's reason. */
let givenUp: ((why: string) => void) | null = null

export function onIoUringGivenUp(listener: (why: string) => void): void {
  givenUp = listener
}

/**
 * Broadcasts write each frame on its own from now on; said once (`failure`: what the ring threw;
 * else the errno that made it unavailable), unless IO_URING=off asked for it.
 */
function giveUp(failure?: string): void {
  if (!together) return
  together = false
  const code = addon?.ringError() ?? 0
  const why = failure ?? (code !== 0 ? (Object.entries(constants.errno).find(([, value]) => value === code)?.[0] ?? `errno ${code}`) : null)
  if (why) givenUp?.(why)
}

/**
 * No io_uring for this process from now on (IO_URING=off: a kernel whose io_uring is distrusted
 * though allowed): broadcasts then take the path they take where the kernel refuses it, the
 * first one finding out and every frame written one by one.
 */
export function refuseIoUring(): void {
  addon?.refuseRing()
}

/**
 * Runs `send`, holding the frames it writes to idle sockets, then writes each to all of them in
 * one system call (writeEach in socket_write.c): written one by one, every write() lets the
 * kernel hand the core to the recipient it just woke, and the rest of the room waits (at N=50
 * the server was switched out ~1.5 times per edit). For a broadcast: one frame, many sockets.
 */
export function writesTogether(send: () => void): void {
  if (!together || holding) {
    send()
    return
  }
  holding = true
  try {
    send()
  } finally {
    holding = false
    flushHeld()
  }
}

/** Writes what is held, in one call (or one by one without io_uring), and holds nothing after. */
function flushHeld(): void {
  const frame = heldFrame
  const count = heldSockets.length
  heldFrame = null
  flushes++
  if (!frame || count === 0) return
  if (results.length < count) results = new Int32Array(heldFds.length)
  // Whether `results` says what became of each send (else each is written here, one by one).
  let sent = false
  try {
    sent = count > 1 && addon!.writeEach(heldFds.subarray(0, count), frame, results)
    if (count > 1 && !sent) giveUp()
  } catch (err) {
    // The ring failed with sends in flight: what those wrote is unknown, so their connections
    // start over (the clients reconnect and sync); the sends that completed are in `results`.
    giveUp(err instanceof Error ? err.message : String(err))
    sent = true
    for (let i = 0; i < count; i++) if (results[i] === -ECANCELED) heldSockets[i].destroy(err as Error)
  }
  for (let i = 0; i < count; i++) {
    const socket = heldSockets[i]
    if (socket.destroyed) continue
    finishWrite(socket, frame, sent ? results[i] : addon!.write(heldFds[i], frame))
  }
  heldSockets.length = 0
}

/** What the kernel did not take of `frame` (`written`: bytes, or -errno for none) goes through the socket's own queue. */
function finishWrite(socket: Socket, frame: Uint8Array, written: number): void {
  if (written !== frame.byteLength) socket.write(written > 0 ? frame.subarray(written) : frame)
}

function hold(socket: Socket, fd: number, frame: Uint8Array): void {
  heldFrame = frame
  const at = heldSockets.length
  if (at === heldFds.length) {
    const grown = new Int32Array(heldFds.length * 2)
    grown.set(heldFds)
    heldFds = grown
  }
  heldFds[at] = fd
  heldSockets.push(socket)
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
  /** The flush that writes the frame last held for this socket. */
  let heldUntil = 0
  return (frame) => {
    // A frame already held for this socket (or held frames of other bytes) goes out first.
    if (heldFrame && (heldUntil === flushes || heldFrame !== frame)) flushHeld()
    // Idle: open (so `fd` is still this socket's), not corked, and nothing queued in Node or
    // libuv (writableLength counts a write libuv has not finished), so nothing written earlier
    // can come after these bytes.
    if (socket.writableLength === 0 && socket.writableCorked === 0 && socket.writable) {
      if (holding) {
        hold(socket, fd, frame)
        heldUntil = flushes
        return
      }
      finishWrite(socket, frame, addon.write(fd, frame))
      return
    }
    socket.write(frame)
  }
}

