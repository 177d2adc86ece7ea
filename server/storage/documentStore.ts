/**
 * Where document content lives: a compacted state plus an append-only log of Yjs updates.
 * Kept behind an interface so SQLite can be swapped for PostgreSQL without touching collab/.
 * Methods are synchronous; an async implementation must keep the same ordering guarantees
 * (a commit is in the log, safe from a crash of the process, before the caller broadcasts it;
 * it is on disk before the caller acknowledges it).
 */
export interface StoredDocument {
  /** The compacted state (a Yjs update), or null if the document was never compacted. */
  state: Uint8Array | null
  /** Updates logged after `state`, in order. */
  updates: Uint8Array[]
  /** Sequence number of the last update covered by state + updates (0 if none). */
  lastSeq: number
}

/** Who sent an update (server-side identity) and which articles it touched. */
export interface Attribution {
  userId: string
  orgId: string
  /** Ids of the articles the update changed, inserted or deleted. */
  articles: readonly string[]
}

export interface AppendEntry {
  update: Uint8Array
  attribution: Attribution | null
}

/** Sequence numbers are per document: increasing, never reused (not even after compaction). */
export interface DocumentStore {
  load(docId: string): StoredDocument
  /**
   * Appends one update with its author and articles (which the activity view counts later);
   * durable when it returns. Returns its sequence number.
   */
  append(docId: string, update: Uint8Array, attribution: Attribution | null): number
  /**
   * Group commit without waiting for the disk: appends the updates, which a crash of this
   * process cannot take back once this returns (they may be broadcast), but which are durable
   * only once whenDurable() resolves. Returns the sequence number of the last one.
   */
  commit(docId: string, entries: readonly AppendEntry[]): number
  /** Resolves once every commit made so far is on disk; rejects (StorageError) if that failed. */
  whenDurable(): Promise<void>
  /** Every commit made so far is on disk when this returns (blocks; for a restore's answer and shutdown). */
  syncNow(): void
  /**
   * Atomically replaces the state and deletes the logged updates with seq ≤ upToSeq (their
   * activity is kept). upToSeq never goes below an earlier compaction's: new seqs follow it.
   */
  compact(docId: string, state: Uint8Array, upToSeq: number): void
  /** How many updates are logged after `seq`. */
  countSince(docId: string, seq: number): number
}

/** Thrown when the store cannot load, append or compact; the message never holds content. */
export class StorageError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'StorageError'
  }
}
