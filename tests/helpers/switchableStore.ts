import { StorageError, type AppendEntry, type Attribution, type DocumentStore, type StoredDocument } from '../../server/storage/documentStore'

/**
 * A document store with a switch, for storage-fault tests: while a document is listed in
 * `failing` (or '*' is), appending to it and compacting it fail as a full or read-only disk
 * would; with `failLoads`, loading fails too. Everything else goes to the real store.
 */
export class SwitchableStore implements DocumentStore {
  readonly failing = new Set<string>()
  failLoads = false
  /** Appends refused while failing, for the test's report. */
  refusedAppends = 0

  constructor(private readonly inner: DocumentStore) {}

  private fails(docId: string): boolean {
    return this.failing.has(docId) || this.failing.has('*')
  }

  load(docId: string): StoredDocument {
    if (this.failLoads && this.fails(docId)) throw new StorageError(`simulated: cannot load document ${docId}`)
    return this.inner.load(docId)
  }

  private refuseWrite(docId: string): void {
    if (!this.fails(docId)) return
    this.refusedAppends++
    throw new StorageError(`simulated: cannot append to document ${docId} (disk full)`)
  }

  append(docId: string, update: Uint8Array, attribution: Attribution | null): number {
    this.refuseWrite(docId)
    return this.inner.append(docId, update, attribution)
  }

  commit(docId: string, entries: readonly AppendEntry[]): number {
    this.refuseWrite(docId)
    return this.inner.commit(docId, entries)
  }

  whenDurable(): Promise<void> {
    return this.inner.whenDurable()
  }

  syncNow(): void {
    this.inner.syncNow()
  }

  compact(docId: string, state: Uint8Array, upToSeq: number): void {
    if (this.fails(docId)) throw new StorageError(`simulated: cannot compact document ${docId} (disk full)`)
    this.inner.compact(docId, state, upToSeq)
  }

  countSince(docId: string, seq: number): number {
    return this.inner.countSince(docId, seq)
  }
}
