import * as Y from 'yjs'
import * as awarenessProtocol from 'y-protocols/awareness'
import type { Logger } from '../logger'
import type { AppendEntry, DocumentStore } from '../storage/documentStore'
import type { Broadcaster, Peer } from './broadcaster'
import type { LoadedDoc } from './loadDoc'
import { awarenessMessage, syncUpdateMessage } from './messages'
import { touchedArticles } from './touchedArticles'
import { isServerOrigin } from './origins'
import { encodeIntegratedState } from './integrated'

/** What a Room needs from a connection. */
export interface RoomConnection extends Peer {
  readonly id: string
  /** Who the updates of this connection are attributed to. */
  readonly author: { userId: string; orgId: string } | null
  close(code: number, reason: string): void
}

/** Decisions that belong to the registry (compaction, unloading, failure), not to one room. */
export interface RoomHooks {
  onAppended(room: Room): void
  onStorageFailure(room: Room, err: unknown): void
  onEmpty(room: Room): void
}

type AwarenessChange = { added: number[]; updated: number[]; removed: number[] }

/** An update applied to the doc, waiting for the turn's group commit. */
interface PendingUpdate extends AppendEntry {
  origin: RoomConnection | undefined
}

/** A committed batch waiting for the disk, with the acknowledgements that go out after it. */
interface CommittedBatch {
  batch: PendingUpdate[]
  callbacks: (() => void)[]
}

/**
 * One loaded document: its Y.Doc, the awareness of its editors and their connections.
 * Every update is appended to the store before anyone else sees it.
 *
 * Group commit: the updates applied within one event-loop turn are appended in one
 * transaction at the end of the turn (setImmediate); once that commit is on disk (synced off
 * the event loop, see WalSync) they are broadcast as one merged message per recipient and
 * acknowledged, in commit order. Nothing leaves the room before it is durable: whatever reads
 * the doc to send or store it calls flush() first, which syncs at once.
 */
export class Room {
  readonly doc: Y.Doc
  readonly awareness: awarenessProtocol.Awareness
  readonly connections = new Set<RoomConnection>()
  /** Awareness client ids each connection has announced, removed when it leaves. */
  private readonly awarenessIds = new Map<RoomConnection, Set<number>>()
  lastSeq: number
  /** Logged updates not yet folded into the stored state. */
  logLength: number
  /** Set when an append failed: nothing more is stored, broadcast or acknowledged. */
  failed = false
  destroyed = false
  /** Articles touched by the transaction being cleaned up (afterTransaction runs before update). */
  private touched: { transaction: Y.Transaction; articles: string[] } | null = null
  /** Applied, not yet committed (the doc holds them; nobody has seen them). */
  private pending: PendingUpdate[] = []
  /** Run once the pending updates are durable (acknowledgements). */
  private afterCommit: (() => void)[] = []
  /** Committed, not yet known to be on disk: not broadcast or acknowledged yet. In order. */
  private unpublished: CommittedBatch[] = []
  private flushTimer: NodeJS.Immediate | null = null

  constructor(
    readonly docId: string,
    loaded: LoadedDoc,
    private readonly store: DocumentStore,
    private readonly broadcaster: Broadcaster,
    private readonly hooks: RoomHooks,
    private readonly log: Logger,
  ) {
    this.doc = loaded.doc
    this.lastSeq = loaded.lastSeq
    this.logLength = loaded.logLength
    this.awareness = new awarenessProtocol.Awareness(this.doc)
    // The server is not an editor: it has no awareness state of its own.
    this.awareness.setLocalState(null)
    this.doc.on('afterTransaction', this.onAfterTransaction)
    this.doc.on('update', this.onUpdate)
    this.awareness.on('update', this.onAwarenessUpdate)
  }

  /** Before Yjs garbage-collects deleted content: which articles this transaction touched. */
  private onAfterTransaction = (transaction: Y.Transaction): void => {
    if (this.failed || this.destroyed) return
    if (!this.authorOf(transaction.origin)) {
      this.touched = null
      return
    }
    try {
      this.touched = { transaction, articles: touchedArticles(transaction) }
    } catch (err) {
      // Attribution of articles is a nicety: never lose an update over it.
      this.log.warn('cannot tell the articles an update touched', { docId: this.docId, err })
      this.touched = { transaction, articles: [] }
    }
  }

  /** Persistence rule: queue for this turn's commit; the commit comes before any fan-out. */
  private onUpdate = (update: Uint8Array, origin: unknown, _doc: Y.Doc, transaction: Y.Transaction): void => {
    if (this.failed || this.destroyed) return
    const conn = this.connections.has(origin as RoomConnection) ? (origin as RoomConnection) : undefined
    const touched = this.touched?.transaction === transaction ? this.touched.articles : []
    this.touched = null
    const author = this.authorOf(origin)
    this.pending.push({ update, origin: conn, attribution: author ? { ...author, articles: touched } : null })
    this.flushTimer ??= setImmediate(() => {
      this.flushTimer = null
      this.commitPending()
    })
  }

  /** Runs `fn` once everything applied so far is durable: now if nothing waits; never if storing fails. */
  whenStored(fn: () => void): void {
    if (this.pending.length > 0) this.afterCommit.push(fn)
    else if (this.unpublished.length > 0) this.unpublished[this.unpublished.length - 1].callbacks.push(fn)
    else fn()
  }

  /**
   * Commits the pending updates (one transaction) without waiting for the disk; they are
   * published when it has them. If the append fails nothing is broadcast or acknowledged and
   * the registry takes the room down (see Rooms.fail).
   */
  private commitPending(): boolean {
    if (this.flushTimer) {
      clearImmediate(this.flushTimer)
      this.flushTimer = null
    }
    if (this.failed || this.destroyed) return false
    if (this.pending.length === 0) return true
    const committed: CommittedBatch = { batch: this.pending, callbacks: this.afterCommit }
    this.pending = []
    this.afterCommit = []
    try {
      this.lastSeq = this.store.commit(this.docId, committed.batch)
    } catch (err) {
      this.storageFailed(err)
      return false
    }
    this.logLength += committed.batch.length
    this.unpublished.push(committed)
    this.store.whenDurable().then(
      () => this.publishThrough(committed),
      (err: unknown) => this.storageFailed(err),
    )
    return true
  }

  /**
   * Commits and syncs everything applied so far, at once, and publishes it: for whatever
   * reads the doc to send or store it. Returns whether the doc now holds only durable content.
   */
  flush(): boolean {
    if (!this.commitPending()) return false
    if (this.unpublished.length === 0) return true
    try {
      this.store.syncNow()
    } catch (err) {
      this.storageFailed(err)
      return false
    }
    this.publishThrough(this.unpublished[this.unpublished.length - 1])
    return true
  }

  /** Broadcasts and acknowledges the committed batches up to `last`, in order, once durable. */
  private publishThrough(last: CommittedBatch): void {
    if (this.failed || this.destroyed) return
    const index = this.unpublished.indexOf(last)
    if (index < 0) return // already published by a flush()
    for (const { batch, callbacks } of this.unpublished.splice(0, index + 1)) {
      this.fanOut(batch)
      for (const fn of callbacks) fn()
    }
    this.hooks.onAppended(this)
  }

  /** Who a change is attributed to: the connection's person, or the person a server-made change (a restore) acts for. */
  private authorOf(origin: unknown): { userId: string; orgId: string } | null {
    if (this.connections.has(origin as RoomConnection)) return (origin as RoomConnection).author
    return isServerOrigin(origin) ? origin.author : null
  }

  private storageFailed(err: unknown): void {
    if (this.failed || this.destroyed) return
    this.failed = true
    this.hooks.onStorageFailure(this, err)
  }

  /**
   * One message for everyone with every update of the batch (encoded once), except that the
   * authors of the batch get the others' updates only (their own they have).
   */
  private fanOut(batch: PendingUpdate[]): void {
    const merged = (entries: PendingUpdate[]) => (entries.length === 1 ? entries[0].update : Y.mergeUpdates(entries.map((e) => e.update)))
    const authors = new Set<RoomConnection>()
    for (const e of batch) if (e.origin) authors.add(e.origin)
    this.broadcaster.broadcast(this.docId, syncUpdateMessage(merged(batch)), authors)
    for (const author of authors) {
      const others = batch.filter((e) => e.origin !== author)
      if (others.length > 0) author.send(syncUpdateMessage(merged(others)))
    }
  }

  private onAwarenessUpdate = ({ added, updated, removed }: AwarenessChange, origin: unknown): void => {
    const conn = this.connections.has(origin as RoomConnection) ? (origin as RoomConnection) : undefined
    if (conn) {
      const ids = this.awarenessIds.get(conn)
      for (const id of [...added, ...updated]) {
        // A client id moves with its person to a new connection (a reconnect the server has
        // not noticed yet): the old connection must not remove it when it finally closes.
        for (const [other, otherIds] of this.awarenessIds) if (other !== conn) otherIds.delete(id)
        ids?.add(id)
      }
      for (const id of removed) ids?.delete(id)
    }
    const changed = [...added, ...updated, ...removed]
    if (changed.length > 0) this.broadcaster.broadcast(this.docId, awarenessMessage(this.awareness, changed), conn)
  }

  /** The connection that announced awareness client `clientId`, if any. */
  awarenessOwner(clientId: number): RoomConnection | undefined {
    for (const [conn, ids] of this.awarenessIds) if (ids.has(clientId)) return conn
    return undefined
  }

  addConnection(conn: RoomConnection): void {
    this.connections.add(conn)
    this.awarenessIds.set(conn, new Set())
    this.broadcaster.join(this.docId, conn)
  }

  removeConnection(conn: RoomConnection): void {
    if (!this.connections.delete(conn)) return
    this.broadcaster.leave(this.docId, conn)
    const ids = this.awarenessIds.get(conn)
    this.awarenessIds.delete(conn)
    if (ids && ids.size > 0 && !this.destroyed) {
      // Tell the others this editor is gone (origin null: not attributed to anyone).
      awarenessProtocol.removeAwarenessStates(this.awareness, [...ids], null)
    }
    if (this.connections.size === 0) this.hooks.onEmpty(this)
  }

  /** Folds the log into one state row. Safe at any time: after flush() the doc holds exactly what is stored, on disk. */
  compact(): void {
    if (!this.flush() || this.logLength === 0) return
    const state = encodeIntegratedState(this.doc) // never what waits, unstored, for dependencies
    this.store.compact(this.docId, state, this.lastSeq)
    this.logLength = 0
    this.log.debug('compacted', { docId: this.docId, seq: this.lastSeq, bytes: state.byteLength })
  }

  closeConnections(code: number, reason: string): void {
    for (const conn of [...this.connections]) conn.close(code, reason)
  }

  destroy(): void {
    if (this.destroyed) return
    this.destroyed = true
    // Uncommitted updates die with the room: never stored, broadcast or acknowledged.
    if (this.flushTimer) clearImmediate(this.flushTimer)
    this.flushTimer = null
    this.pending = []
    this.afterCommit = []
    this.unpublished = []
    this.doc.off('afterTransaction', this.onAfterTransaction)
    this.doc.off('update', this.onUpdate)
    this.awareness.off('update', this.onAwarenessUpdate)
    // Awareness keeps an interval; without destroy() the process never exits.
    this.awareness.destroy()
    this.doc.destroy()
  }
}
