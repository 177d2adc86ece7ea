import * as Y from 'yjs'
import * as awarenessProtocol from 'y-protocols/awareness'
import type { Logger } from '../logger'
import type { AppendEntry, DocumentStore } from '../storage/documentStore'
import type { Broadcaster, Peer } from './broadcaster'
import type { LoadedDoc } from './loadDoc'
import { awarenessMessage, syncUpdateMessage } from './messages'
import { touchedPlaces } from './touchedPlaces'
import { isServerOrigin } from './origins'
import { encodeIntegratedState, hasPending } from './integrated'
import { applyUpdateAndRepair } from './duplicateIds'
import { encodeStateVectorOf } from './stateVector'

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
  /** The doc's state right after it (Yjs's transaction.afterState, computed for every transaction). */
  stateAfter: Map<number, number>
}

/** The updates of `entries` as one. */
function mergedUpdate(entries: readonly PendingUpdate[]): Uint8Array {
  return entries.length === 1 ? entries[0].update : Y.mergeUpdates(entries.map((e) => e.update))
}

/** Whether `transaction`, which deleted nothing, added anything (Yjs's own test before it emits an update). */
function addedAnything(transaction: Y.Transaction): boolean {
  for (const [client, clock] of transaction.afterState) if (transaction.beforeState.get(client) !== clock) return true
  return false
}

/**
 * What to store and pass on for `transaction`, which applied a client's update `sent` and
 * deleted nothing: its bytes as sent; or, when some of them now wait for dependencies (never
 * stored or passed on, see integrated.ts), only what was applied; null if it changed nothing.
 */
function appliedOf(doc: Y.Doc, transaction: Y.Transaction, sent: Uint8Array): Uint8Array | null {
  if (!addedAnything(transaction)) return null
  return hasPending(doc) ? encodeIntegratedState(doc, Y.encodeStateVector(transaction.beforeState)) : sent
}

/** Runs once what was applied is on disk, with the state vector that is then stored. */
export type StoredCallback = (storedStateVector: Uint8Array) => void

/** A committed (and broadcast) batch waiting for the disk, with the acknowledgements that go out after it. */
interface CommittedBatch {
  callbacks: StoredCallback[]
  /** The doc's state right after this batch's commit: what is stored once it is on disk. */
  stateAfter: Map<number, number>
}

/**
 * One loaded document: its Y.Doc, the awareness of its editors and their connections.
 * Every update is appended to the store before anyone else sees it.
 *
 * Group commit: the updates applied within one event-loop turn are appended in one commit at
 * the end of the turn (setImmediate) and then broadcast as one merged message per recipient.
 * Committed means in the store's journal, which a crash of this process cannot take back;
 * whatever reads the doc to send or store it calls flush() first, so nothing leaves the room
 * before it is committed. A power cut could still take back what the OS has not written, so
 * the authors are acknowledged ("stored") only once it is in the database on disk (moved and
 * synced off the hot path, see SqliteDocumentStore and WalSync), in commit order.
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
  private afterCommit: StoredCallback[] = []
  /** Committed and broadcast, not yet known to be on disk: not acknowledged yet. In order. */
  private unacknowledged: CommittedBatch[] = []
  /** Whether a wait for the disk is out (one at a time per room: not a promise per commit). */
  private awaitingDisk = false
  private flushTimer: NodeJS.Immediate | null = null
  /** A client's update being applied as sent (see applyFromClient), and its transaction once begun. */
  private asSent: { update: Uint8Array; origin: RoomConnection; transaction: Y.Transaction | null } | null = null
  /** Whether onUpdate listens: Yjs encodes a transaction's update for its 'update' event only then. */
  private encoding = true

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
    this.doc.on('beforeTransaction', this.onBeforeTransaction)
    this.doc.on('afterTransaction', this.onAfterTransaction)
    this.doc.on('update', this.onUpdate)
    this.awareness.on('update', this.onAwarenessUpdate)
  }

  /**
   * Applies `update` from `conn` (and the repairs it may call for). With `asSent` (a live edit,
   * not a reconnect's sync step 2, whose bytes may repeat much of what is stored), and while
   * nothing waits for dependencies, an update that deletes nothing (typing) is stored and passed
   * on as the client sent it: Yjs then does not encode the transaction again for its 'update'
   * event, ~55 µs right after the process wakes for an edit (p50 at N=50, of ~1.4 ms per update
   * with its 49 sends).
   */
  applyFromClient(update: Uint8Array, conn: RoomConnection, asSent: boolean, mayRepair: () => boolean): void {
    this.asSent = asSent && !hasPending(this.doc) ? { update, origin: conn, transaction: null } : null
    try {
      applyUpdateAndRepair(this.doc, update, conn, mayRepair)
    } finally {
      this.asSent = null
      this.setEncoding(true)
    }
  }

  private onBeforeTransaction = (transaction: Y.Transaction): void => {
    const { asSent } = this
    if (asSent && asSent.transaction === null && transaction.origin === asSent.origin) {
      asSent.transaction = transaction
      this.setEncoding(false)
    } else this.setEncoding(true)
  }

  private setEncoding(on: boolean): void {
    if (on === this.encoding) return
    this.encoding = on
    if (on) this.doc.on('update', this.onUpdate)
    else this.doc.off('update', this.onUpdate)
  }

  /** Before Yjs garbage-collects deleted content: which places (articles, headings, title, preamble) this transaction touched. */
  private onAfterTransaction = (transaction: Y.Transaction): void => {
    if (this.failed || this.destroyed) return
    const articles = this.authorOf(transaction.origin) ? this.placesTouched(transaction) : []
    if (this.asSent?.transaction === transaction) {
      if (transaction.deleteSet.clients.size === 0) {
        // No 'update' event follows (nobody listens to it now): queued here.
        const update = appliedOf(this.doc, transaction, this.asSent.update)
        if (update) this.queue(update, transaction, articles)
        this.touched = null
        return
      }
      // It deleted something: an element's content may be deleted with it that its author never
      // had, which the sent bytes do not name; browsers tell from what a passed-on update deletes
      // whether to type such words again (lostText.ts), so Yjs encodes it (it checks right after this).
      this.asSent = null
      this.setEncoding(true)
    }
    this.touched = { transaction, articles }
  }

  private placesTouched(transaction: Y.Transaction): string[] {
    try {
      return touchedPlaces(transaction)
    } catch (err) {
      // Attribution of places is a nicety: never lose an update over it.
      this.log.warn('cannot tell the places an update touched', { docId: this.docId, err })
      return []
    }
  }

  private onUpdate = (update: Uint8Array, _origin: unknown, _doc: Y.Doc, transaction: Y.Transaction): void => {
    // Queued as sent already (a transaction begun inside its cleanup turned encoding back on).
    if (this.failed || this.destroyed || this.asSent?.transaction === transaction) return
    const touched = this.touched?.transaction === transaction ? this.touched.articles : []
    this.touched = null
    this.queue(update, transaction, touched)
  }

  /** Persistence rule: queue for this turn's commit; the commit comes before any fan-out. */
  private queue(update: Uint8Array, transaction: Y.Transaction, articles: string[]): void {
    const { origin } = transaction
    const conn = this.connections.has(origin as RoomConnection) ? (origin as RoomConnection) : undefined
    const author = this.authorOf(origin)
    this.pending.push({ update, origin: conn, attribution: author ? { ...author, articles } : null, stateAfter: transaction.afterState })
    this.flushTimer ??= setImmediate(() => {
      this.flushTimer = null
      this.commitPending()
    })
  }

  /** Runs `fn` once everything applied so far is durable: now if nothing waits; never if storing fails. */
  whenStored(fn: StoredCallback): void {
    if (this.pending.length > 0) {
      this.afterCommit.push(fn)
      return
    }
    const last = this.unacknowledged.at(-1)
    if (!last) {
      fn(Y.encodeStateVector(this.doc))
      return
    }
    // Nothing was applied since that commit: what it stores is all the doc holds.
    last.callbacks.push(fn)
  }

  /**
   * Commits the pending updates (one transaction) and broadcasts them, without waiting for the
   * disk; their authors are acknowledged once it has them. If the append fails nothing is
   * broadcast or acknowledged and the registry takes the room down (see Rooms.fail).
   */
  private commitPending(): boolean {
    if (this.flushTimer) {
      clearImmediate(this.flushTimer)
      this.flushTimer = null
    }
    if (this.failed || this.destroyed) return false
    if (this.pending.length === 0) return true
    const batch = this.pending
    const callbacks = this.afterCommit
    this.pending = []
    this.afterCommit = []
    try {
      this.lastSeq = this.store.commit(this.docId, batch)
    } catch (err) {
      this.storageFailed(err)
      return false
    }
    this.logLength += batch.length
    this.fanOut(batch)
    this.unacknowledged.push({ callbacks, stateAfter: batch[batch.length - 1].stateAfter })
    this.awaitDisk()
    this.hooks.onAppended(this)
    return true
  }

  /**
   * Acknowledges what is committed now once it is on disk, then waits again for whatever was
   * committed meanwhile. The commits of one disk sync share one wait.
   */
  private awaitDisk(): void {
    if (this.awaitingDisk || this.unacknowledged.length === 0) return
    this.awaitingDisk = true
    const last = this.unacknowledged[this.unacknowledged.length - 1]
    this.store.whenDurable().then(
      () => {
        this.awaitingDisk = false
        this.acknowledgeThrough(last)
        this.awaitDisk()
      },
      (err: unknown) => this.storageFailed(err),
    )
  }

  /**
   * Commits (and broadcasts) everything applied so far, at once: for whatever reads the doc to
   * send or store it. With `durable`, also syncs the log to disk and acknowledges, for what
   * must not return before that (a restore's answer, shutdown). Returns whether the doc holds
   * only stored content.
   */
  flush(options: { durable?: boolean } = {}): boolean {
    if (!this.commitPending()) return false
    if (!options.durable || this.unacknowledged.length === 0) return true
    try {
      this.store.syncNow()
    } catch (err) {
      this.storageFailed(err)
      return false
    }
    this.acknowledgeThrough(this.unacknowledged[this.unacknowledged.length - 1])
    return true
  }

  /**
   * Acknowledges the committed batches up to `last`, in order, once they are on disk, each with
   * the state stored after `last` (which covers them all): one state vector encoded per disk
   * sync, not one per commit.
   */
  private acknowledgeThrough(last: CommittedBatch): void {
    if (this.failed || this.destroyed) return
    const index = this.unacknowledged.indexOf(last)
    if (index < 0) return // already acknowledged by a flush()
    const acknowledged = this.unacknowledged.splice(0, index + 1)
    if (!acknowledged.some((batch) => batch.callbacks.length > 0)) return
    const stored = encodeStateVectorOf(last.stateAfter)
    for (const { callbacks } of acknowledged) for (const fn of callbacks) fn(stored)
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
    if (batch.length === 1) {
      // The usual turn: one update, to everyone but its author.
      this.broadcaster.broadcast(this.docId, syncUpdateMessage(batch[0].update), batch[0].origin)
      return
    }
    const authors = new Set<RoomConnection>()
    for (const e of batch) if (e.origin) authors.add(e.origin)
    this.broadcaster.broadcast(this.docId, syncUpdateMessage(mergedUpdate(batch)), authors)
    for (const author of authors) {
      const others = batch.filter((e) => e.origin !== author)
      if (others.length > 0) author.send(syncUpdateMessage(mergedUpdate(others)))
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

  /** Folds the log into one state row. Safe at any time: after flush() the doc holds exactly what is stored. */
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
    this.unacknowledged = []
    this.doc.off('beforeTransaction', this.onBeforeTransaction)
    this.doc.off('afterTransaction', this.onAfterTransaction)
    this.doc.off('update', this.onUpdate)
    this.awareness.off('update', this.onAwarenessUpdate)
    // Awareness keeps an interval; without destroy() the process never exits.
    this.awareness.destroy()
    this.doc.destroy()
  }
}
