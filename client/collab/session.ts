import * as Y from 'yjs'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { encodeAwarenessUpdate } from 'y-protocols/awareness'
import { WebsocketProvider } from 'y-websocket'
import { IndexeddbPersistence } from 'y-indexeddb'
import { messageYjsSyncStep1, messageYjsSyncStep2, messageYjsUpdate } from 'y-protocols/sync'
import { readAuthMessage } from 'y-protocols/auth'
import { accordParams, CloseCode, MessageType, SYNC_PATH, closeCodeName, type CloseCodeName, type ThreadsChanged } from '../../shared/protocol'
import { digest32 } from '../../shared/digest'
import { readStoredAck } from '../../shared/storedAck'
import type { Identity } from '../auth/session'
import { gunzipping, gzipParams } from './gunzippingSocket'
import { batchingRemoteChanges, type BatchingSocket } from './batchedRemoteChanges'
import { scheduleLocalChanges, writeLocalChanges } from './waitingLocalChanges'
import { afterNextFrame } from '../ui/afterFrame'
import { editShown, TYPING_MS } from '../ui/quietMoments'
import { isRole, type Role } from '../../shared/roles'
import { LostTextRestorer } from '../../shared/collab/lostTextRestorer'

/** Origin of our own re-typing of words a co-author's concurrent move dropped (a local edit). */
const RESTORED_ORIGIN = Symbol('restored words')

export type SyncState =
  | { kind: 'connecting' }
  | { kind: 'saving'; pending: number }
  | { kind: 'saved' }
  | { kind: 'offline'; pending: number }
  | { kind: 'storage'; pending: number }
  | { kind: 'refused'; reason: CloseCodeName | 'other' }

interface PendingUpdate {
  seq: number
  digest: number
}

/** Updates reach the browser copy (IndexedDB) merged: remote ones (the server has them) within… */
const COPY_BATCH_MS = 1000
/** …and local ones within this, out of the keystroke's own task. */
const LOCAL_COPY_DELAY_MS = 50

/** Without a browser copy yet and no first sync by then, the copy is opened anyway. */
const COPY_OPEN_FALLBACK_MS = 3000

/**
 * The name of a person's browser copy of a draft (IndexedDB). One person's: in a browser several
 * people sign in to, the edits one of them made offline went out under the next one's name.
 */
export function copyNameOf(userId: string, docId: string): string {
  return `accord:${userId}:${docId}`
}

/** The localStorage key noting that this browser keeps a person's copy of the draft. */
function copyKeyOf(userId: string, docId: string): string {
  return `accord:copy:${userId}:${docId}`
}

/** Whether this browser has kept a copy of the draft for this person before (then it is opened at once). */
function hasCopy(userId: string, docId: string): boolean {
  try {
    return localStorage.getItem(copyKeyOf(userId, docId)) !== null
  } catch {
    return true // unknown: open it at once, as if there were one
  }
}

/** Our awareness state (the caret moves with every keystroke) goes out at most this often. */
const AWARENESS_INTERVAL_MS = 100
/** An unchanged state is still re-sent this long after the last send (others drop it after 30 s). */
const AWARENESS_RENEW_MS = 10_000

type AwarenessChange = { added: number[]; updated: number[]; removed: number[] }

function syncUrl(): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws'
  return `${scheme}://${location.host}${SYNC_PATH}`
}

/**
 * One open draft: its Y.Doc, the browser copy (IndexedDB) and the WebSocket provider, and the
 * bookkeeping behind "Saved": every local update waits in `pending` until the server
 * acknowledges having stored it (by digest, or as part of a sync step 2 after a reconnect).
 */
export class CollabSession {
  readonly ydoc = new Y.Doc()
  readonly provider: WebsocketProvider
  /** The browser copy; null until opened (see openCopy). */
  private persistence: IndexeddbPersistence | null = null
  private copyFallbackTimer: ReturnType<typeof setTimeout> | null = null
  private pending: PendingUpdate[] = []
  private seq = 0
  /** For each sync step 2 we sent and that is not yet acknowledged: the last local seq it covers. */
  private step2Boundaries: number[] = []
  private lastClose: number | null = null
  private refused: SyncState | null = null
  private listeners = new Set<() => void>()
  /** Told when the server says a review thread changed (null: after a reconnect, anything may have). */
  private threadListeners = new Set<(event: ThreadsChanged | null) => void>()
  private preferenceListeners = new Set<() => void>()
  private state: SyncState = { kind: 'connecting' }
  /** This connection's role as the server decided it (null until told). */
  role: Role | null = null
  /** The draft's title as the server last announced a rename (null: as loaded). */
  title: string | null = null
  /** Set when the server dropped a change because this connection may not edit. */
  writeRefused = false
  /** Updates not yet written to the browser copy, in order. */
  private forCopy: Uint8Array[] = []
  private copyTimer: ReturnType<typeof setTimeout> | null = null
  private copyDue = 0
  private wholeStateTimer: ReturnType<typeof setTimeout> | null = null
  private applyingStep2 = false
  private updatesMuted = false
  private awarenessTimer: ReturnType<typeof setTimeout> | null = null
  private awarenessSentAt = 0
  private awarenessSent = ''
  /** Local updates not yet handed to the provider, in order (see sendSoon). */
  private toSend: Uint8Array[] = []
  private sendScheduled = false
  /** The provider's socket, holding co-authors' changes while we type. */
  private remoteBatch: BatchingSocket | null = null
  private lastLocalEdit = -Infinity
  private destroyed = false
  private readonly lostText: LostTextRestorer

  private readonly userId: string

  constructor(
    readonly docId: string,
    identity: Identity,
  ) {
    this.userId = identity.userId
    this.ydoc.on('update', this.storeInCopy)
    this.ydoc.on('afterTransactionCleanup', this.muteUpdates)
    this.ydoc.on('beforeObserverCalls', this.unmuteUpdates)
    this.ydoc.on('afterAllTransactions', this.unmuteUpdates)
    document.addEventListener('visibilitychange', this.onPageHide)
    window.addEventListener('pagehide', this.leave)
    const typing = () => performance.now() - this.lastLocalEdit < TYPING_MS
    // A batch in one transaction whose origin is the provider's, as each of its updates has;
    // the typing still waiting is written before (inside, it would be taken for the provider's).
    const together = (handOnAll: () => void) => {
      writeLocalChanges(this.ydoc)
      this.ydoc.transact(handOnAll, this.provider)
    }
    // The provider's sockets: gzipped messages unpacked, co-authors' changes batched while we type.
    const inUse = (socket: BatchingSocket) => (this.remoteBatch = socket)
    const AccordSocket = function (url: string | URL, protocols?: string | string[]) {
      return inUse(batchingRemoteChanges(gunzipping(new WebSocket(url, protocols)), typing, together))
    }
    // disableBc: other tabs sync through the server, so every "stored" ack matches what we sent.
    this.provider = new WebsocketProvider(syncUrl(), docId, this.ydoc, {
      maxBackoffTime: 5000,
      disableBc: true,
      // Accord's own messages (stored, role, threads); the first sync of the 300-article law
      // gzipped (772 KB as is, 225 KB gzipped).
      params: { ...accordParams(), ...gzipParams() },
      WebSocketPolyfill: AccordSocket as unknown as typeof WebSocket,
    })
    this.provider.awareness.setLocalStateField('user', {
      name: identity.name,
      organization: identity.organization,
      color: identity.color,
    })
    this.lostText = new LostTextRestorer(this.ydoc, (origin) => origin === this.provider, RESTORED_ORIGIN)
    scheduleLocalChanges(this.ydoc, this.ownEditShownSoon)
    this.installHandlers()
    this.throttleAwareness()
    this.ydoc.off('update', this.provider._updateHandler)
    this.ydoc.on('update', this.sendSoon)
    this.ydoc.on('update', this.onUpdate)
    this.provider.on('status', this.recompute)
    this.provider.on('sync', this.recompute)
    // Thread notices sent while we were away are lost: (re)connected means "look again" — once
    // the frame showing the text is painted (starting the request took ~25 ms of a cold open).
    this.provider.on('sync', (synced: boolean) => {
      if (!synced) return
      afterNextFrame(() => this.threadListeners.forEach((l) => l(null)))
      if (this.preferenceListeners.size > 0) afterNextFrame(() => this.preferenceListeners.forEach((l) => l()))
    })
    if (hasCopy(this.userId, docId) || !navigator.onLine) this.openCopy()
    else this.copyFallbackTimer = setTimeout(this.openCopy, COPY_OPEN_FALLBACK_MS)
    this.provider.on('connection-close', (event) => {
      this.openCopy() // the server is not there: what the browser has may be all there is
      this.lastClose = event?.code ?? null
      this.step2Boundaries = []
      this.recompute()
    })
    window.addEventListener('offline', this.onOffline)
    window.addEventListener('online', this.onOnline)
    this.provider.on('closed', ({ code }) => {
      const name = closeCodeName(code)
      this.refused = { kind: 'refused', reason: name ?? 'other' }
      this.recompute()
    })
  }

  private installHandlers(): void {
    const handlers = this.provider.messageHandlers
    const handleSync = handlers[MessageType.sync]
    // Remember which local updates the sync step 2 we answer with covers.
    handlers[MessageType.sync] = (encoder, decoder, provider, emitSynced, messageType) => {
      writeLocalChanges(this.ydoc) // before anything of the server's reaches the Y.Doc (a no-op in a batch: done before it)
      const peek = decoding.clone(decoder)
      const syncType = decoding.readVarUint(peek)
      // What the server knew when it applied a change: words of ours it dropped unknowingly come back.
      if (syncType !== messageYjsSyncStep1) this.lostText.receive(decoding.readVarUint8Array(peek))
      if (syncType !== messageYjsSyncStep2) handleSync(encoder, decoder, provider, emitSynced, messageType)
      else {
        this.applyingStep2 = true
        try {
          handleSync(encoder, decoder, provider, emitSynced, messageType)
        } finally {
          this.applyingStep2 = false
          this.unmuteUpdates()
        }
        this.copyWholeStateSoon()
      }
      if (syncType === messageYjsSyncStep1) this.step2Boundaries.push(this.seq)
    }
    handlers[MessageType.role] = (_encoder, decoder) => {
      const role = decoding.readVarString(decoder)
      this.role = isRole(role) ? role : null
      this.writeRefused = false
      this.listeners.forEach((l) => l())
    }
    handlers[MessageType.auth] = (_encoder, decoder) => {
      readAuthMessage(decoder, this.ydoc, () => {
        this.writeRefused = true
        this.listeners.forEach((l) => l())
      })
    }
    handlers[MessageType.renamed] = (_encoder, decoder) => {
      this.title = decoding.readVarString(decoder)
      this.listeners.forEach((l) => l())
    }
    handlers[MessageType.threads] = (_encoder, decoder) => {
      let event: ThreadsChanged | null = null
      try {
        event = JSON.parse(decoding.readVarString(decoder)) as ThreadsChanged
      } catch {
        // An unreadable notice still means "something changed": listeners fetch everything.
      }
      this.threadListeners.forEach((l) => l(event))
    }
    handlers[MessageType.preferences] = () => {
      this.preferenceListeners.forEach((l) => l())
    }
    handlers[MessageType.stored] = (_encoder, decoder) => {
      const ack = readStoredAck(decoder)
      if (ack.syncType === messageYjsSyncStep2) {
        const boundary = this.step2Boundaries.shift()
        if (boundary !== undefined) this.pending = this.pending.filter((p) => p.seq > boundary)
      } else if (ack.syncType === messageYjsUpdate) {
        const index = this.pending.findIndex((p) => p.digest === ack.digest)
        if (index >= 0) this.pending.splice(index, 1)
      }
      this.recompute()
    }
  }

  /**
   * y-indexeddb writes every update, remote ones included, inside the keystroke's task (25
   * writes a second with five people typing, and a full re-encode of the document every 500).
   * Here updates are merged and written in order, one write at a time: local ones within
   * LOCAL_COPY_DELAY_MS (after the frame that shows the keystroke), remote ones, which the
   * server keeps anyway, within COPY_BATCH_MS; and at once when the page is hidden or closed.
   */
  private storeInCopy = (update: Uint8Array, origin: unknown) => {
    if (this.fromCopy(origin)) return // loaded from the copy itself
    this.forCopy.push(update)
    const delay = origin === this.provider ? COPY_BATCH_MS : LOCAL_COPY_DELAY_MS
    if (this.copyTimer && this.copyDue <= Date.now() + delay) return
    if (this.copyTimer) clearTimeout(this.copyTimer)
    this.copyDue = Date.now() + delay
    this.copyTimer = setTimeout(this.flushCopy, delay)
  }

  private flushCopy = () => {
    if (this.copyTimer) clearTimeout(this.copyTimer)
    this.copyTimer = null
    if (this.forCopy.length === 0) return
    if (!this.persistence?.db) {
      // IndexedDB not open yet: keep them (y-indexeddb itself would drop them).
      this.copyDue = Date.now() + COPY_BATCH_MS
      this.copyTimer = setTimeout(this.flushCopy, COPY_BATCH_MS)
      return
    }
    const merged = this.forCopy.length === 1 ? this.forCopy[0] : Y.mergeUpdates(this.forCopy)
    this.forCopy = []
    this.persistence._storeUpdate(merged, null)
  }

  /**
   * Yjs encodes every transaction once more for its 'update' listeners. Ours (the provider's
   * sender, the saved-state bookkeeping, the copy) have no use for what the provider itself
   * applies, except the copy, which gets the whole state a moment later instead. So for a sync
   * step 2 (on opening: the whole document, ~700 KB for a long law) they are detached just
   * around that transaction's update; transactions its observers start get them as usual.
   */
  private muteUpdates = (transaction: Y.Transaction) => {
    if (!this.applyingStep2 || this.updatesMuted || transaction.origin !== this.provider) return
    this.updatesMuted = true
    for (const listener of this.updateListeners()) this.ydoc.off('update', listener)
  }

  private unmuteUpdates = () => {
    if (!this.updatesMuted) return
    this.updatesMuted = false
    for (const listener of this.updateListeners()) this.ydoc.on('update', listener)
  }

  private updateListeners(): ((update: Uint8Array, origin: unknown) => void)[] {
    return [this.sendSoon, this.onUpdate, this.storeInCopy]
  }

  private copyWholeStateSoon(): void {
    if (this.wholeStateTimer) clearTimeout(this.wholeStateTimer)
    this.wholeStateTimer = setTimeout(() => {
      this.wholeStateTimer = null
      // Opening the copy stores the whole state itself (y-indexeddb does, before loading it).
      if (!this.persistence) return this.openCopy()
      this.forCopy.push(Y.encodeStateAsUpdate(this.ydoc))
      this.flushCopy()
    }, COPY_BATCH_MS)
  }

  /** Whether a transaction's origin is the browser copy loading what it kept (null origins are local edits). */
  private fromCopy(origin: unknown): boolean {
    return this.persistence !== null && origin === this.persistence
  }

  /**
   * Opens the browser copy (IndexedDB), once. A browser that kept one of this draft before opens
   * it at once, as does one offline: its text (and any edit the server never got) may be all
   * there is. Otherwise there is nothing in it to show, and creating the database was ~30 ms of
   * the page's thread while a long law opened: it waits for the first sync (then the whole state
   * goes in as it opens), for the server to be found missing, or COPY_OPEN_FALLBACK_MS.
   */
  private openCopy = () => {
    if (this.copyFallbackTimer) clearTimeout(this.copyFallbackTimer)
    this.copyFallbackTimer = null
    if (this.persistence || this.destroyed) return
    this.persistence = new IndexeddbPersistence(copyNameOf(this.userId, this.docId), this.ydoc)
    // One IndexedDB write per local update (the offline copy), remote ones merged (see storeInCopy).
    this.ydoc.off('update', this.persistence._storeUpdate)
    try {
      localStorage.setItem(copyKeyOf(this.userId, this.docId), '1')
    } catch {
      // Without localStorage the copy is simply opened at once next time.
    }
  }

  private onPageHide = () => {
    if (document.visibilityState === 'hidden') this.leave()
  }

  /** Hidden or closing: what waits for a frame or a timer goes now (frames and timers may not come). */
  private leave = () => {
    writeLocalChanges(this.ydoc)
    this.flushSend()
    this.flushCopy()
  }

  /**
   * The provider sends each local update inside the transaction that made it, i.e. inside the
   * keystroke's task, before the browser paints it (encoding and the socket write: ~0.3 ms of
   * each keystroke in a long law). Here they leave in the task after the next frame, in order,
   * one message each (acknowledgements match them by digest); at once when the page is hidden,
   * where frames stop.
   */
  private sendSoon = (update: Uint8Array, origin: unknown) => {
    if (origin === this.provider) return
    this.toSend.push(update)
    if (document.visibilityState === 'hidden') return this.flushSend()
    this.ownEditShownSoon()
  }

  /** Also the editor's scheduler for typing that waits to be written into the Y.Doc (waitingLocalChanges). */
  private ownEditShownSoon = () => {
    if (this.sendScheduled) return
    this.sendScheduled = true
    afterNextFrame(this.ownEditShown)
  }

  /**
   * The frame that shows our edit is painted: the edit goes to the server, and co-authors'
   * changes that waited meanwhile may be shown now, while the next key is still tens of
   * milliseconds away (see batchingRemoteChanges).
   */
  private ownEditShown = () => {
    writeLocalChanges(this.ydoc) // typing shown in that frame: its updates join toSend now
    this.flushSend()
    this.remoteBatch?.userEditShown()
    editShown()
  }

  private flushSend = () => {
    this.sendScheduled = false
    for (const update of this.toSend.splice(0)) this.provider._updateHandler(update, this)
  }

  /**
   * The stock provider sends every awareness change it sees, its own and every remote one it
   * just received (back to the server, which has it), the moment it happens. Instead: only our
   * own state, at most every AWARENESS_INTERVAL_MS, and only when it changed (or is due for
   * renewal). The caret plugin re-announces the unchanged caret on every remote edit; that is
   * dropped here too.
   */
  private throttleAwareness(): void {
    const { awareness } = this.provider
    awareness.off('update', this.provider._awarenessUpdateHandler)
    awareness.on('update', this.onAwarenessUpdate)
  }

  private onAwarenessUpdate = ({ added, updated, removed }: AwarenessChange) => {
    const own = this.ydoc.clientID
    if (removed.includes(own)) this.sendAwareness() // leaving: at once
    else if ((added.includes(own) || updated.includes(own)) && !this.awarenessTimer) {
      const wait = Math.max(0, this.awarenessSentAt + AWARENESS_INTERVAL_MS - Date.now())
      this.awarenessTimer = setTimeout(() => {
        this.awarenessTimer = null
        this.sendAwareness()
      }, wait)
    }
  }

  private sendAwareness(): void {
    const { awareness, ws } = this.provider
    const state = JSON.stringify(awareness.getLocalState())
    const now = Date.now()
    if (state === this.awarenessSent && now - this.awarenessSentAt < AWARENESS_RENEW_MS) return
    if (!this.provider.wsconnected || !ws || ws.readyState !== ws.OPEN) return // sent on reconnect by the provider
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MessageType.awareness)
    encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(awareness, [this.ydoc.clientID]))
    ws.send(encoding.toUint8Array(encoder))
    this.awarenessSent = state
    this.awarenessSentAt = now
  }

  // The browser knows before the socket does: stop at once, and reconnect when back online.
  private onOffline = () => {
    this.provider.disconnect()
    this.recompute()
  }

  private onOnline = () => {
    if (!this.refused) this.provider.connect()
    this.recompute()
  }

  private onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === this.provider || this.fromCopy(origin)) return
    this.lastLocalEdit = performance.now()
    this.seq += 1
    this.pending.push({ seq: this.seq, digest: digest32(update) })
    this.recompute()
  }

  private recompute = () => {
    const pending = this.pending.length
    let next: SyncState
    if (this.refused) next = this.refused
    else if (this.provider.wsconnected && this.provider.synced) next = pending > 0 ? { kind: 'saving', pending } : { kind: 'saved' }
    else if (this.lastClose === CloseCode.storageUnavailable) next = { kind: 'storage', pending }
    else if (this.lastClose !== null || !navigator.onLine) next = { kind: 'offline', pending }
    else next = { kind: 'connecting' }
    if (JSON.stringify(next) !== JSON.stringify(this.state)) {
      this.state = next
      this.listeners.forEach((l) => l())
    }
  }

  get syncState(): SyncState {
    return this.state
  }

  get unsavedChanges(): number {
    return this.pending.length
  }

  /** Review threads changed on the server (message type 102), or we reconnected (null). */
  onThreadsChanged(listener: (event: ThreadsChanged | null) => void): () => void {
    this.threadListeners.add(listener)
    return () => this.threadListeners.delete(listener)
  }

  /** Stated preferences among alternative wordings changed on the server (message type 105), or we reconnected. */
  onPreferencesChanged(listener: () => void): () => void {
    this.preferenceListeners.add(listener)
    return () => this.preferenceListeners.delete(listener)
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  destroy(): void {
    window.removeEventListener('offline', this.onOffline)
    window.removeEventListener('online', this.onOnline)
    this.ydoc.off('update', this.onUpdate)
    if (this.wholeStateTimer) clearTimeout(this.wholeStateTimer)
    this.ydoc.off('update', this.storeInCopy)
    this.ydoc.off('afterTransactionCleanup', this.muteUpdates)
    this.ydoc.off('beforeObserverCalls', this.unmuteUpdates)
    this.ydoc.off('afterAllTransactions', this.unmuteUpdates)
    this.lostText.destroy()
    document.removeEventListener('visibilitychange', this.onPageHide)
    window.removeEventListener('pagehide', this.leave)
    this.leave()
    scheduleLocalChanges(this.ydoc, null)
    if (this.awarenessTimer) clearTimeout(this.awarenessTimer)
    this.provider.awareness.off('update', this.onAwarenessUpdate)
    // Before the provider closes its socket: that is no reason to open the copy now.
    this.destroyed = true
    if (this.copyFallbackTimer) clearTimeout(this.copyFallbackTimer)
    this.provider.destroy()
    void this.persistence?.destroy()
    this.ydoc.destroy()
  }
}
