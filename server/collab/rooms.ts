import type * as Y from 'yjs'
import type { Logger } from '../logger'
import type { DocumentStore } from '../storage/documentStore'
import type { DocJSON } from '../../shared/schema'
import { docJSONOf } from '../../shared/ydoc'
import { CloseCode, CloseReason } from '../../shared/protocol'
import type { Broadcaster } from './broadcaster'
import { loadDoc } from './loadDoc'
import { Room, type RoomHooks } from './room'

export interface RoomsOptions {
  store: DocumentStore
  broadcaster: Broadcaster
  log: Logger
  idleUnloadMs: number
  compactAfterUpdates: number
  /** A room over compactAfterUpdates is compacted once it has stored nothing for this long. */
  compactQuietMs: number
}

/**
 * Past this many times compactAfterUpdates a room is compacted even while edits keep coming,
 * so that a draft edited without pause still has a bounded log (and load time).
 */
export const COMPACT_BACKLOG_FACTOR = 10

/** Thrown by acquire() once the server is shutting down. */
export class ShuttingDown extends Error {
  override name = 'ShuttingDown'
}

/** Told what happens in rooms (versions take automatic checkpoints from it). Called synchronously: defer real work. */
export interface RoomListener {
  /** An update was stored. */
  onAppended?(room: Room): void
  /** The last connection left; the room stays loaded until it is unloaded as idle. */
  onLastLeft?(room: Room): void
}

/** The registry of loaded rooms: loading, compaction, idle unloading and failure handling. */
export class Rooms implements RoomHooks {
  private readonly rooms = new Map<string, Room>()
  private readonly idleTimers = new Map<Room, NodeJS.Timeout>()
  private readonly compactionQueued = new Set<Room>()
  /** Rooms over the threshold, waiting for a quiet spell. */
  private readonly quietTimers = new Map<Room, NodeJS.Timeout>()
  /** Set by closeAll(): no room may be loaded after shutdown began. */
  private closed = false
  private readonly listeners: RoomListener[] = []

  constructor(private readonly opts: RoomsOptions) {}

  get(docId: string): Room | undefined {
    return this.rooms.get(docId)
  }

  get size(): number {
    return this.rooms.size
  }

  /**
   * The loaded room for `docId`, loading it if needed. Throws (StorageError) if the stored
   * content cannot be read; then nothing is cached and the caller must refuse the connection.
   * The caller adds a connection right away (idle timers are cancelled here).
   */
  acquire(docId: string): Room {
    if (this.closed) throw new ShuttingDown()
    const existing = this.rooms.get(docId)
    if (existing) {
      this.cancelIdle(existing)
      return existing
    }
    const loaded = loadDoc(this.opts.store, docId)
    const room = new Room(docId, loaded, this.opts.store, this.opts.broadcaster, this, this.opts.log)
    this.rooms.set(docId, room)
    this.opts.log.debug('room loaded', { docId, seq: loaded.lastSeq, logLength: loaded.logLength })
    if (room.logLength > this.opts.compactAfterUpdates) this.compactWhenQuiet(room)
    return room
  }

  /** The document tree, from the live room if loaded, else straight from the store. */
  snapshot(docId: string): DocJSON {
    return this.read(docId, docJSONOf)
  }

  /**
   * Runs `fn` on the document: the live room's if loaded (its pending updates committed first,
   * so `fn` sees only stored content), else a copy loaded from the store.
   */
  read<T>(docId: string, fn: (doc: Y.Doc) => T): T {
    const room = this.rooms.get(docId)
    if (room?.flush()) return fn(room.doc)
    const { doc } = loadDoc(this.opts.store, docId)
    try {
      return fn(doc)
    } finally {
      doc.destroy()
    }
  }

  listen(listener: RoomListener): void {
    this.listeners.push(listener)
  }

  /** Sends a frame of our own (not a document update) to everyone who has the document open. */
  sendToRoom(docId: string, message: Uint8Array): void {
    this.opts.broadcaster.broadcast(docId, message)
  }

  onAppended(room: Room): void {
    if (room.logLength > this.opts.compactAfterUpdates * COMPACT_BACKLOG_FACTOR) this.queueCompaction(room)
    else if (room.logLength > this.opts.compactAfterUpdates) this.compactWhenQuiet(room)
    this.notify((l) => l.onAppended?.(room))
  }

  onStorageFailure(room: Room, err: unknown): void {
    this.opts.log.error('append failed; closing room', { docId: room.docId, err })
    // Deferred: we are inside the doc's update handler and must not destroy it from there.
    queueMicrotask(() => this.fail(room))
  }

  onEmpty(room: Room): void {
    if (this.rooms.get(room.docId) !== room || room.destroyed) return
    this.scheduleUnload(room)
    this.notify((l) => l.onLastLeft?.(room))
  }

  /** A room acquired without a connection (a restore on a draft nobody has open) is unloaded when idle. */
  releaseUnused(room: Room): void {
    if (this.rooms.get(room.docId) === room && !room.destroyed && room.connections.size === 0) this.scheduleUnload(room)
  }

  private scheduleUnload(room: Room): void {
    this.cancelIdle(room)
    const timer = setTimeout(() => this.unload(room), this.opts.idleUnloadMs)
    this.idleTimers.set(room, timer)
  }

  private notify(call: (listener: RoomListener) => void): void {
    for (const listener of this.listeners) {
      try {
        call(listener)
      } catch (err) {
        this.opts.log.error('room listener failed', { err })
      }
    }
  }

  /**
   * After a failed append: clients keep their edits and reconnect (4503 is retryable); the next
   * connection reloads exactly what is stored. No compaction: memory may hold unstored updates.
   */
  fail(room: Room): void {
    this.forget(room)
    room.closeConnections(CloseCode.storageUnavailable, CloseReason.storageUnavailable)
    room.destroy()
  }

  /** The document was deleted: close its connections as "no such document", store nothing. */
  drop(docId: string): void {
    const room = this.rooms.get(docId)
    if (!room) return
    this.forget(room)
    room.failed = true
    room.closeConnections(CloseCode.unknownDocument, CloseReason.unknownDocument)
    room.destroy()
  }

  /** Shutdown: close every connection, compact and free every room. */
  closeAll(): void {
    this.closed = true
    for (const room of [...this.rooms.values()]) {
      this.forget(room)
      room.flush({ durable: true }) // this turn's updates: committed, broadcast and acknowledged before the goodbye
      room.closeConnections(CloseCode.serverShutdown, CloseReason.serverShutdown)
      this.compactSafely(room)
      room.destroy()
    }
  }

  private unload(room: Room): void {
    this.idleTimers.delete(room)
    if (this.rooms.get(room.docId) !== room || room.connections.size > 0) return
    this.forget(room)
    this.compactSafely(room)
    room.destroy()
    this.opts.log.debug('room unloaded', { docId: room.docId })
  }

  /**
   * Compaction encodes the whole document and rewrites its state: milliseconds to tens of
   * milliseconds on a long law, during which nobody's edits are passed on. So it waits until
   * the room has stored nothing for a whole compactQuietMs (one timer per room, checked once a
   * period, not re-armed per update: it runs one to two periods after the last commit).
   */
  private compactWhenQuiet(room: Room): void {
    if (this.quietTimers.has(room) || this.compactionQueued.has(room)) return
    const check = (seqThen: number) => {
      if (room.lastSeq === seqThen) {
        this.quietTimers.delete(room)
        this.queueCompaction(room)
      } else {
        this.quietTimers.set(room, setTimeout(check, this.opts.compactQuietMs, room.lastSeq))
      }
    }
    this.quietTimers.set(room, setTimeout(check, this.opts.compactQuietMs, room.lastSeq))
  }

  private queueCompaction(room: Room): void {
    this.cancelQuiet(room)
    if (this.compactionQueued.has(room)) return
    this.compactionQueued.add(room)
    // Off the hot path: the update that crossed the threshold is acknowledged first.
    setImmediate(() => {
      this.compactionQueued.delete(room)
      if (!room.destroyed) this.compactSafely(room)
    })
  }

  /** A failed compaction loses nothing (the log is intact), so it is logged, not fatal. */
  private compactSafely(room: Room): void {
    try {
      room.compact()
    } catch (err) {
      this.opts.log.error('compaction failed', { docId: room.docId, err })
    }
  }

  private cancelIdle(room: Room): void {
    const timer = this.idleTimers.get(room)
    if (timer) clearTimeout(timer)
    this.idleTimers.delete(room)
  }

  private cancelQuiet(room: Room): void {
    const timer = this.quietTimers.get(room)
    if (timer) clearTimeout(timer)
    this.quietTimers.delete(room)
  }

  private forget(room: Room): void {
    this.cancelIdle(room)
    this.cancelQuiet(room)
    this.compactionQueued.delete(room)
    if (this.rooms.get(room.docId) === room) this.rooms.delete(room.docId)
  }
}
