import type { AppendEntry, Attribution, DocumentStore, StoredDocument } from './documentStore'

/** First and longest pause after a failure of a document's storage. */
const FIRST_PAUSE_MS = 250
const LONGEST_PAUSE_MS = 10_000

/**
 * A DocumentStore that remembers which documents' storage just failed. While a document is
 * "cooling down", new sync connections to it are refused at once with 4503 (see upgrade.ts)
 * instead of reloading it and failing again: during an outage (disk full, read-only) reconnecting
 * browsers cost a refusal each, not a load. The pause doubles on each failure up to 10 s and
 * ends with the next successful append, so recovery waits at most that long.
 */
export class StorageHealth implements DocumentStore {
  private readonly failing = new Map<string, { until: number; pauseMs: number }>()

  constructor(private readonly inner: DocumentStore) {}

  load(docId: string): StoredDocument {
    try {
      return this.inner.load(docId)
    } catch (err) {
      this.failed(docId)
      throw err
    }
  }

  append(docId: string, update: Uint8Array, attribution: Attribution | null): number {
    return this.watch(docId, () => this.inner.append(docId, update, attribution))
  }

  commit(docId: string, entries: readonly AppendEntry[]): number {
    return this.watch(docId, () => this.inner.commit(docId, entries))
  }

  whenDurable(): Promise<void> {
    return this.inner.whenDurable()
  }

  syncNow(): void {
    this.inner.syncNow()
  }

  /** A write to `docId`: a failure starts (or lengthens) its pause, a success ends it. */
  private watch(docId: string, write: () => number): number {
    let seq: number
    try {
      seq = write()
    } catch (err) {
      this.failed(docId)
      throw err
    }
    this.failing.delete(docId)
    return seq
  }

  compact(docId: string, state: Uint8Array, upToSeq: number): void {
    this.inner.compact(docId, state, upToSeq)
  }

  countSince(docId: string, seq: number): number {
    return this.inner.countSince(docId, seq)
  }

  /** Records a failure to load or store `docId` (also a document that cannot be decoded). */
  failed(docId: string, now = Date.now()): void {
    const previous = this.failing.get(docId)
    const pauseMs = previous ? Math.min(LONGEST_PAUSE_MS, previous.pauseMs * 2) : FIRST_PAUSE_MS
    this.failing.set(docId, { until: now + pauseMs, pauseMs })
  }

  /** True while new connections to `docId` should be refused without trying the store. */
  coolingDown(docId: string, now = Date.now()): boolean {
    const entry = this.failing.get(docId)
    return !!entry && now < entry.until
  }
}
