import Database from 'better-sqlite3'
import type { Db } from '../db/connection'
import { EditSessionsRepo } from '../db/editSessionsRepo'
import { WalSync } from './walSync'
import { WalCheckpointer, type CheckpointResult } from './walCheckpointer'
import { StorageError, type AppendEntry, type Attribution, type DocumentStore, type StoredDocument } from './documentStore'

const toBytes = (buf: Buffer): Uint8Array => new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength)

type Append = (docId: string, entries: readonly AppendEntry[]) => number

/**
 * The connection group commits go through: synchronous=NORMAL, so a commit returns without
 * waiting for the disk, and WalSync makes it durable off the event loop before anyone is told.
 * Every other write keeps the main connection's synchronous=FULL.
 */
function openCommitConnection(db: Db): Db {
  const commits = new Database(db.name)
  try {
    commits.pragma('synchronous = NORMAL')
    commits.pragma('foreign_keys = ON')
    commits.pragma('busy_timeout = 5000')
    // WalCheckpointer copies the WAL from a worker thread instead of inside our commits.
    commits.pragma('wal_autocheckpoint = 0')
    return commits
  } catch (err) {
    commits.close()
    throw err
  }
}

type LogRow = { docId: string; data: Uint8Array; at: string; userId: string | null; orgId: string | null; articles: string | null }

/**
 * The row of one update: its bytes, when, by whom, and which articles it touched (for the
 * activity fold). Its seq follows the document's newest row or, when compaction left none, the
 * seq its state covers; compaction deletes only rows up to a seq that never decreases, so a
 * remaining newest row is the last seq given out, and a seq is never reused.
 */
function inserter(db: Db): (docId: string, entry: AppendEntry, at: string) => number {
  const insert = db.prepare<[LogRow], { seq: number }>(
    `INSERT INTO doc_updates (doc_id, seq, data, created_at, user_id, org_id, articles)
     VALUES (@docId, COALESCE((SELECT MAX(seq) FROM doc_updates WHERE doc_id = @docId), (SELECT seq FROM doc_state WHERE doc_id = @docId), 0) + 1,
             @data, @at, @userId, @orgId, @articles)
     RETURNING seq`,
  )
  return (docId, { update, attribution }, at) => {
    const articles = attribution && attribution.articles.length > 0 ? JSON.stringify(attribution.articles) : null
    const row = insert.get({ docId, data: update, at, userId: attribution?.userId ?? null, orgId: attribution?.orgId ?? null, articles })
    if (!row) throw new Error(`the update log of ${docId} returned no seq for the inserted row`)
    return row.seq
  }
}

/**
 * One transaction on `db` for several updates: their rows and nothing else. The activity
 * view and the document's updated_at are folded from these rows later (EditSessionsRepo.fold),
 * so a commit writes as few pages as it can.
 */
function appender(db: Db): Append {
  const insert = inserter(db)
  const many = db.transaction((docId: string, entries: readonly AppendEntry[]): number => {
    const at = new Date().toISOString()
    let seq = 0
    for (const entry of entries) seq = insert(docId, entry, at)
    return seq
  }).immediate
  // One row is one statement, atomic on its own: SQLite's implicit transaction saves the
  // BEGIN and COMMIT round trips (~15% of a commit when updates arrive one per turn).
  return (docId, entries) => (entries.length === 1 ? insert(docId, entries[0], new Date().toISOString()) : many(docId, entries))
}

type Compact = (docId: string, state: Uint8Array, upToSeq: number) => void

/**
 * One transaction on `db`: the activity of the rows about to go is counted, the state replaced
 * and the rows deleted. Atomic on either connection: whether or not a power cut takes it back,
 * the stored document is the same.
 */
function compacter(db: Db): Compact {
  const editSessions = new EditSessionsRepo(db)
  const upsertState = db.prepare(
    `INSERT INTO doc_state (doc_id, state, seq, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(doc_id) DO UPDATE SET state = excluded.state, seq = excluded.seq, updated_at = excluded.updated_at`,
  )
  const deleteUpTo = db.prepare('DELETE FROM doc_updates WHERE doc_id = ? AND seq <= ?')
  return db.transaction((docId: string, state: Uint8Array, upToSeq: number) => {
    editSessions.fold(docId)
    upsertState.run(docId, state, upToSeq, new Date().toISOString())
    deleteUpTo.run(docId, upToSeq)
  }).immediate
}

/** What the store writes through one connection. */
interface Writers {
  append: Append
  compact: Compact
}

const writers = (db: Db): Writers => ({ append: appender(db), compact: compacter(db) })

/** DocumentStore on better-sqlite3 (tables doc_state and doc_updates). */
export class SqliteDocumentStore implements DocumentStore {
  private readonly stmts
  /** Writes on the main connection (synchronous=FULL: on disk when they return). */
  private readonly main: Writers
  /** Opened at the first group commit (the admin CLI never needs it); in-memory databases have none. */
  private commits: (Writers & { db: Db; wal: WalSync; checkpointer: WalCheckpointer }) | null = null

  constructor(
    private readonly db: Db,
    /** A failed background checkpoint loses nothing (the WAL keeps it); it is reported here. */
    private readonly onCheckpointError: (message: string) => void = (message) => process.emitWarning(`WAL checkpoint failed: ${message}`),
  ) {
    this.stmts = {
      state: db.prepare<[string], { state: Buffer; seq: number }>('SELECT state, seq FROM doc_state WHERE doc_id = ?'),
      updates: db.prepare<[string, number], { seq: number; data: Buffer }>(
        'SELECT seq, data FROM doc_updates WHERE doc_id = ? AND seq > ? ORDER BY seq',
      ),
      countSince: db.prepare<[string, number], { n: number }>(
        'SELECT COUNT(*) AS n FROM doc_updates WHERE doc_id = ? AND seq > ?',
      ),
    }
    this.main = writers(db)
  }

  load(docId: string): StoredDocument {
    try {
      // One read transaction, so a concurrent compaction cannot slip between the two reads.
      return this.db.transaction(() => {
        const stateRow = this.stmts.state.get(docId)
        // Rows ≤ the state's seq were folded into it; anything left over is skipped.
        const rows = this.stmts.updates.all(docId, stateRow?.seq ?? 0)
        return {
          state: stateRow ? toBytes(stateRow.state) : null,
          updates: rows.map((r) => toBytes(r.data)),
          lastSeq: rows.length ? rows[rows.length - 1].seq : (stateRow?.seq ?? 0),
        }
      })()
    } catch (err) {
      throw new StorageError(`cannot load document ${docId}`, { cause: err })
    }
  }

  append(docId: string, update: Uint8Array, attribution: Attribution | null): number {
    try {
      // One statement with synchronous=FULL: on disk when this returns.
      return this.main.append(docId, [{ update, attribution }])
    } catch (err) {
      throw new StorageError(`cannot append to document ${docId}`, { cause: err })
    }
  }

  commit(docId: string, entries: readonly AppendEntry[]): number {
    try {
      if (this.db.memory) return this.main.append(docId, entries)
      this.commits ??= (() => {
        const db = openCommitConnection(this.db)
        const checkpointer = new WalCheckpointer(this.db.name, this.onCheckpointError)
        return { db, ...writers(db), wal: new WalSync(`${this.db.name}-wal`), checkpointer }
      })()
      const seq = this.commits.append(docId, entries)
      this.commits.wal.noteCommit()
      this.commits.checkpointer.noteCommit()
      return seq
    } catch (err) {
      throw new StorageError(`cannot append to document ${docId}`, { cause: err })
    }
  }

  whenDurable(): Promise<void> {
    if (!this.commits) return Promise.resolve()
    return this.commits.wal.whenDurable().catch((err: unknown) => {
      throw new StorageError('cannot sync the update log to disk', { cause: err })
    })
  }

  syncNow(): void {
    try {
      this.commits?.wal.syncNow()
    } catch (err) {
      throw new StorageError('cannot sync the update log to disk', { cause: err })
    }
  }

  /**
   * Closes the group-commit connection (before the main one). Whatever it committed and nobody
   * waited for was never acknowledged; SQLite checkpoints and syncs as the connections close.
   */
  close(): void {
    if (!this.commits) return
    this.commits.wal.close()
    this.commits.checkpointer.close()
    this.commits.db.close()
    this.commits = null
  }

  /** Copies the WAL into the database file now, off the event loop (null: no group commit yet, or it failed). */
  checkpoint(): Promise<CheckpointResult | null> {
    return this.commits ? this.commits.checkpointer.checkpoint() : Promise.resolve(null)
  }

  /**
   * Through the group-commit connection once it is open: a compaction changes nothing anyone
   * was told, so it need not block the event loop for a disk sync (the next one covers it).
   * Inside a transaction of the main connection (a new document's first state), as part of it.
   */
  compact(docId: string, state: Uint8Array, upToSeq: number): void {
    try {
      const { compact } = this.commits && !this.db.inTransaction ? this.commits : this.main
      compact(docId, state, upToSeq)
    } catch (err) {
      throw new StorageError(`cannot compact document ${docId}`, { cause: err })
    }
  }

  countSince(docId: string, seq: number): number {
    return this.stmts.countSince.get(docId, seq)?.n ?? 0
  }
}
