import fs from 'node:fs'
import Database from 'better-sqlite3'
import { JOURNAL_SUFFIX, type Db } from '../db/connection'
import { EditSessionsRepo } from '../db/editSessionsRepo'
import { SYNC_INTERVAL_MS, WalSync } from './walSync'
import { WalCheckpointer, type CheckpointResult } from './walCheckpointer'
import { readJournal, type JournalRecord, type UpdateJournal } from './updateJournal'
import { openJournal, type JournalKind } from './openJournal'
import { StorageError, type AppendEntry, type Attribution, type DocumentStore, type StoredDocument } from './documentStore'

const toBytes = (buf: Buffer): Uint8Array => new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength)

type Insert = (records: readonly JournalRecord[]) => void

/**
 * The connection journaled updates move into the log through: synchronous=NORMAL, so a move
 * returns without waiting for the disk, and WalSync makes it durable off the event loop before
 * anyone is told. Every other write keeps the main connection's synchronous=FULL.
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

type LogRow = { docId: string; seq: number; data: Uint8Array; at: string; userId: string | null; orgId: string | null; articles: string | null }

const logRow = ({ docId, seq, at, entry: { update, attribution } }: JournalRecord): LogRow => ({
  docId,
  seq,
  data: update,
  at: new Date(at).toISOString(),
  userId: attribution?.userId ?? null,
  orgId: attribution?.orgId ?? null,
  articles: attribution && attribution.articles.length > 0 ? JSON.stringify(attribution.articles) : null,
})

/** Log rows in one transaction through `sql`, which takes a LogRow's named parameters. */
function rowWriter(db: Db, sql: string): Insert {
  const insert = db.prepare<[LogRow]>(sql)
  return db.transaction((records: readonly JournalRecord[]) => {
    for (const record of records) insert.run(logRow(record))
  }).immediate
}

/** The rows of updates: their bytes, when, by whom, which articles they touched (for the activity fold), numbered by the store. */
const INSERT_ROWS = `INSERT INTO doc_updates (doc_id, seq, data, created_at, user_id, org_id, articles)
  VALUES (@docId, @seq, @data, @at, @userId, @orgId, @articles)`

/**
 * The same for journaled records, which may outlive what they belong to: a document deleted
 * meanwhile, rows that a compaction has folded into the state already, or rows moved before (a
 * replay after a crash between moving and emptying the journal) are skipped.
 */
const MOVE_ROWS = `INSERT OR IGNORE INTO doc_updates (doc_id, seq, data, created_at, user_id, org_id, articles)
  SELECT @docId, @seq, @data, @at, @userId, @orgId, @articles
  WHERE EXISTS (SELECT 1 FROM documents WHERE id = @docId)
    AND @seq > COALESCE((SELECT seq FROM doc_state WHERE doc_id = @docId), 0)`

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
  insert: Insert
  move: Insert
  compact: Compact
}

const writers = (db: Db): Writers => ({ insert: rowWriter(db, INSERT_ROWS), move: rowWriter(db, MOVE_ROWS), compact: compacter(db) })

/** The group-commit side of a file database: the journal, the connection its records move through, the disk sync, checkpoints. */
interface CommitSide extends Omit<Writers, 'insert'> {
  db: Db
  journal: UpdateJournal
  wal: WalSync
  checkpointer: WalCheckpointer
}

const warnCheckpointError = (message: string) => process.emitWarning(`WAL checkpoint failed: ${message}`)

export interface StoreOptions {
  /** A failed background checkpoint loses nothing (the WAL keeps it); it is reported here. */
  onCheckpointError?: (message: string) => void
  /** How commits are journaled (default `mapped`: see MappedJournal). */
  journal?: JournalKind
  /** Why the journal is written, not mapped, when `mapped` was asked for. */
  onJournalFallback?: (why: string) => void
}

/**
 * DocumentStore on better-sqlite3 (tables doc_state and doc_updates), with an update journal in
 * front of the log for group commits (see UpdateJournal): a commit is journaled, and the
 * journaled updates move into doc_updates in one transaction right before each disk sync, so
 * they are in the database, and on disk, before anyone is acknowledged. Everything that reads
 * the log through the store moves them first; other readers of doc_updates (the activity fold,
 * the document list) see an update once it is acknowledged.
 */
export class SqliteDocumentStore implements DocumentStore {
  private readonly stmts
  /** Writes on the main connection (synchronous=FULL: on disk when they return). */
  private readonly main: Writers
  /** Opened at the first group commit (the admin CLI never needs it); in-memory databases have none. */
  private side: CommitSide | null = null
  /** Whether what an earlier process left in the journal has been moved into the log. */
  private replayed = false
  /** Journaled, not yet in doc_updates, in commit order. */
  private journaled: JournalRecord[] = []
  /** The last seq given out per document, once asked for (journaled rows are not in the table yet). */
  private readonly lastSeqs = new Map<string, number>()
  /** Beside the database file: the update journal of its group commits. */
  private readonly journalPath: string

  constructor(
    private readonly db: Db,
    private readonly options: StoreOptions = {},
  ) {
    this.stmts = {
      state: db.prepare<[string], { state: Buffer; seq: number }>('SELECT state, seq FROM doc_state WHERE doc_id = ?'),
      updates: db.prepare<[string, number], { seq: number; data: Buffer }>(
        'SELECT seq, data FROM doc_updates WHERE doc_id = ? AND seq > ? ORDER BY seq',
      ),
      countSince: db.prepare<[string, number], { n: number }>(
        'SELECT COUNT(*) AS n FROM doc_updates WHERE doc_id = ? AND seq > ?',
      ),
      // After the document's newest row or, when compaction left none, the seq its state covers;
      // compaction deletes only rows up to a seq that never decreases, so a seq is never reused.
      lastSeq: db.prepare<[string, string], { seq: number }>(
        'SELECT COALESCE((SELECT MAX(seq) FROM doc_updates WHERE doc_id = ?), (SELECT seq FROM doc_state WHERE doc_id = ?), 0) AS seq',
      ),
    }
    this.main = writers(db)
    this.journalPath = db.name + JOURNAL_SUFFIX
  }

  /** Moves into the database what an earlier process left in the journal (at start; otherwise at first use). */
  recover(): void {
    try {
      this.replay()
    } catch (err) {
      throw new StorageError('cannot replay the update journal', { cause: err })
    }
  }

  load(docId: string): StoredDocument {
    try {
      this.moveJournaled()
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
      this.moveJournaled()
      // One transaction with synchronous=FULL: on disk when this returns.
      const [record] = this.number(docId, [{ update, attribution }])
      this.main.insert([record])
      this.lastSeqs.set(docId, record.seq)
      return record.seq
    } catch (err) {
      throw new StorageError(`cannot append to document ${docId}`, { cause: err })
    }
  }

  commit(docId: string, entries: readonly AppendEntry[]): number {
    try {
      const side = this.openSide()
      const records = this.number(docId, entries)
      if (side) {
        side.journal.append(records)
        this.journaled.push(...records)
        side.wal.noteCommit()
      } else this.main.insert(records)
      const last = records[records.length - 1].seq
      this.lastSeqs.set(docId, last)
      return last
    } catch (err) {
      throw new StorageError(`cannot append to document ${docId}`, { cause: err })
    }
  }

  /** `entries` as the next records of `docId`, numbered after the last seq given out (after the replay: a journal left by a crash holds seqs too). */
  private number(docId: string, entries: readonly AppendEntry[]): JournalRecord[] {
    let seq = this.lastSeqs.get(docId) ?? this.stmts.lastSeq.get(docId, docId)!.seq
    const at = Date.now() // formatted only when moved: new Date() costs ~20 µs on a cold wake-up
    return entries.map((entry) => ({ docId, seq: ++seq, at, entry }))
  }

  whenDurable(): Promise<void> {
    if (!this.side) return Promise.resolve()
    return this.side.wal.whenDurable().catch((err: unknown) => {
      throw new StorageError('cannot store the update log on disk', { cause: err })
    })
  }

  syncNow(): void {
    try {
      this.side?.wal.syncNow()
    } catch (err) {
      throw new StorageError('cannot store the update log on disk', { cause: err })
    }
  }

  /**
   * Closes the group-commit side (before the main connection): moves what is journaled, syncs,
   * and empties the journal. Whatever nobody waited for was never acknowledged; SQLite
   * checkpoints and syncs as the connections close. Resolves once the checkpointer's connection
   * is closed too.
   */
  close(): Promise<void> {
    const side = this.side
    if (!side) return Promise.resolve()
    side.wal.close()
    try {
      this.moveJournaled()
    } catch {
      // Stays in the journal for the next start.
    }
    const checkpointerClosed = side.checkpointer.close()
    side.db.close()
    side.journal.close()
    this.side = null
    return checkpointerClosed
  }

  /** Copies the WAL into the database file now, off the event loop (null: no group commit yet, or it failed). */
  checkpoint(): Promise<CheckpointResult | null> {
    return this.side ? this.side.checkpointer.checkpoint() : Promise.resolve(null)
  }

  /**
   * Through the group-commit connection once it is open: a compaction changes nothing anyone
   * was told, so it need not block the event loop for a disk sync (the next one covers it).
   * Inside a transaction of the main connection (a new document's first state), as part of it.
   */
  compact(docId: string, state: Uint8Array, upToSeq: number): void {
    try {
      const inMain = this.db.inTransaction
      // Not inside the main connection's transaction: the other connection would wait for it.
      if (!inMain) this.moveJournaled()
      const { compact } = this.side && !inMain ? this.side : this.main
      compact(docId, state, upToSeq)
    } catch (err) {
      throw new StorageError(`cannot compact document ${docId}`, { cause: err })
    }
  }

  countSince(docId: string, seq: number): number {
    this.moveJournaled()
    return this.stmts.countSince.get(docId, seq)?.n ?? 0
  }

  /**
   * Moves the journaled updates into doc_updates (one transaction on the group-commit
   * connection) and empties the journal. Runs before every disk sync, and before anything reads
   * the log. If it fails, they stay journaled, and the next move tries again.
   */
  private moveJournaled(): void {
    this.replay()
    const side = this.side
    if (!side || this.journaled.length === 0) return
    side.move(this.journaled)
    this.journaled = []
    side.journal.clear()
    side.checkpointer.noteCommit()
  }

  /**
   * A crash can leave updates in the journal that never reached doc_updates: they were
   * broadcast, so they are kept (synchronous=FULL: on disk before the journal is emptied).
   */
  private replay(): void {
    if (this.replayed || this.db.memory) return
    const left = readJournal(this.journalPath)
    if (left.length > 0) {
      this.main.move(left)
      // Removed, not truncated: a mapping of it that a process still holds stays valid.
      fs.rmSync(this.journalPath)
    }
    this.replayed = true
  }

  private openSide(): CommitSide | null {
    if (this.side || this.db.memory) return this.side
    this.replay()
    const db = openCommitConnection(this.db)
    try {
      const journal = openJournal(this.journalPath, this.options.journal ?? 'mapped', this.options.onJournalFallback)
      const checkpointer = new WalCheckpointer(this.db.name, this.options.onCheckpointError ?? warnCheckpointError)
      const wal = new WalSync(`${this.db.name}-wal`, SYNC_INTERVAL_MS, () => this.moveJournaled())
      this.side = { db, move: rowWriter(db, MOVE_ROWS), compact: compacter(db), journal, wal, checkpointer }
      return this.side
    } catch (err) {
      db.close()
      throw err
    }
  }
}
