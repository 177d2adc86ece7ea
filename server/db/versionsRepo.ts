import type { AutoVersionReason, VersionKind } from '../../shared/api'
import type { Db } from './connection'

/** A row of `versions` without its two blobs (what lists need). */
export interface VersionRow {
  id: string
  doc_id: string
  name: string
  note: string
  kind: VersionKind
  reason: AutoVersionReason | null
  restored_from: string | null
  created_by: string | null
  org_id: string | null
  created_at: string
  /** The update-log seq the version covers: the document changed since iff its log went past it. */
  seq: number
  state_bytes: number
  json_bytes: number
}

export interface NewVersion extends VersionRow {
  /** Y.encodeStateAsUpdate of the document at that moment, deflated. */
  state: Uint8Array
  /** The canonical document JSON, deflated. */
  json: Uint8Array
}

const COLUMNS = 'id, doc_id, name, note, kind, reason, restored_from, created_by, org_id, created_at, seq, state_bytes, json_bytes'

const toBytes = (buf: Buffer): Uint8Array => new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength)

/** The `versions` table: saved versions and automatic checkpoints of documents. */
export class VersionsRepo {
  private readonly stmts

  constructor(db: Db) {
    this.stmts = {
      insert: db.prepare(
        `INSERT INTO versions (${COLUMNS}, state, json)
         VALUES (@id, @doc_id, @name, @note, @kind, @reason, @restored_from, @created_by, @org_id, @created_at, @seq, @state_bytes, @json_bytes, @state, @json)`,
      ),
      list: db.prepare<[string], VersionRow>(`SELECT ${COLUMNS} FROM versions WHERE doc_id = ? ORDER BY created_at DESC, rowid DESC`),
      get: db.prepare<[string, string], VersionRow>(`SELECT ${COLUMNS} FROM versions WHERE doc_id = ? AND id = ?`),
      latest: db.prepare<[string], VersionRow>(`SELECT ${COLUMNS} FROM versions WHERE doc_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1`),
      json: db.prepare<[string, string], { json: Buffer }>('SELECT json FROM versions WHERE doc_id = ? AND id = ?'),
      // The document's own tables, read here only for the seq its content has reached.
      seq: db.prepare<[string, string], { seq: number | null }>(
        `SELECT MAX(seq) AS seq FROM (
           SELECT seq FROM doc_state WHERE doc_id = ?
           UNION ALL SELECT MAX(seq) FROM doc_updates WHERE doc_id = ?
         )`,
      ),
    }
  }

  insert(version: NewVersion): void {
    this.stmts.insert.run(version)
  }

  /** Newest first. */
  list(docId: string): VersionRow[] {
    return this.stmts.list.all(docId)
  }

  get(docId: string, id: string): VersionRow | undefined {
    return this.stmts.get.get(docId, id)
  }

  latest(docId: string): VersionRow | undefined {
    return this.stmts.latest.get(docId)
  }

  /** The deflated JSON of a version. */
  json(docId: string, id: string): Uint8Array | undefined {
    const row = this.stmts.json.get(docId, id)
    return row ? toBytes(row.json) : undefined
  }

  /** The seq of the last update stored for the document (compacted or logged); 0 for a new one. */
  currentSeq(docId: string): number {
    return this.stmts.seq.get(docId, docId)?.seq ?? 0
  }
}
