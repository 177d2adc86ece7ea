import type { Db } from '../db/connection'
import { EditSessionsRepo } from '../db/editSessionsRepo'
import { StorageError, type AppendEntry, type Attribution, type DocumentStore, type StoredDocument } from './documentStore'

const toBytes = (buf: Buffer): Uint8Array => new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength)

/** DocumentStore on better-sqlite3 (tables doc_state and doc_updates). */
export class SqliteDocumentStore implements DocumentStore {
  private readonly stmts
  private readonly compactTx
  private readonly appendTx
  private readonly appendManyTx
  private readonly editSessions: EditSessionsRepo

  constructor(private readonly db: Db) {
    this.stmts = {
      state: db.prepare<[string], { state: Buffer; seq: number }>('SELECT state, seq FROM doc_state WHERE doc_id = ?'),
      updates: db.prepare<[string, number], { seq: number; data: Buffer }>(
        'SELECT seq, data FROM doc_updates WHERE doc_id = ? AND seq > ? ORDER BY seq',
      ),
      append: db.prepare('INSERT INTO doc_updates (doc_id, data, created_at, user_id, org_id) VALUES (?, ?, ?, ?, ?)'),
      upsertState: db.prepare(
        `INSERT INTO doc_state (doc_id, state, seq, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(doc_id) DO UPDATE SET state = excluded.state, seq = excluded.seq, updated_at = excluded.updated_at`,
      ),
      deleteUpTo: db.prepare('DELETE FROM doc_updates WHERE doc_id = ? AND seq <= ?'),
      countSince: db.prepare<[string, number], { n: number }>(
        'SELECT COUNT(*) AS n FROM doc_updates WHERE doc_id = ? AND seq > ?',
      ),
    }
    this.editSessions = new EditSessionsRepo(db)
    const appendOne = (docId: string, update: Uint8Array, attribution: Attribution | null, now: Date): number => {
      const info = this.stmts.append.run(docId, update, now.toISOString(), attribution?.userId ?? null, attribution?.orgId ?? null)
      if (attribution) this.editSessions.record({ docId, ...attribution, at: now })
      return Number(info.lastInsertRowid)
    }
    this.appendTx = db.transaction((docId: string, update: Uint8Array, attribution: Attribution | null): number =>
      appendOne(docId, update, attribution, new Date()),
    )
    this.appendManyTx = db.transaction((docId: string, entries: readonly AppendEntry[]): number => {
      const now = new Date()
      let seq = 0
      for (const e of entries) seq = appendOne(docId, e.update, e.attribution, now)
      return seq
    })
    this.compactTx = db.transaction((docId: string, state: Uint8Array, upToSeq: number) => {
      this.stmts.upsertState.run(docId, state, upToSeq, new Date().toISOString())
      this.stmts.deleteUpTo.run(docId, upToSeq)
    })
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
      // One transaction with synchronous=FULL: the update and its activity are on disk together.
      return this.appendTx.immediate(docId, update, attribution)
    } catch (err) {
      throw new StorageError(`cannot append to document ${docId}`, { cause: err })
    }
  }

  appendMany(docId: string, entries: readonly AppendEntry[]): number {
    try {
      // Group commit: the rows of every update and their activity, one transaction, one sync.
      return this.appendManyTx.immediate(docId, entries)
    } catch (err) {
      throw new StorageError(`cannot append to document ${docId}`, { cause: err })
    }
  }

  compact(docId: string, state: Uint8Array, upToSeq: number): void {
    try {
      this.compactTx.immediate(docId, state, upToSeq)
    } catch (err) {
      throw new StorageError(`cannot compact document ${docId}`, { cause: err })
    }
  }

  countSince(docId: string, seq: number): number {
    return this.stmts.countSince.get(docId, seq)?.n ?? 0
  }
}
