import type { Db } from './connection'

export interface VisitRow {
  doc_id: string
  user_id: string
  since: string | null
  seen_at: string
}

/** The `document_visits` table: one row per person and draft. */
export class VisitsRepo {
  private readonly stmts

  constructor(db: Db) {
    this.stmts = {
      get: db.prepare<[string, string], VisitRow>('SELECT * FROM document_visits WHERE doc_id = ? AND user_id = ?'),
      put: db.prepare(
        `INSERT INTO document_visits (doc_id, user_id, since, seen_at) VALUES (@doc_id, @user_id, @since, @seen_at)
         ON CONFLICT (doc_id, user_id) DO UPDATE SET since = excluded.since, seen_at = excluded.seen_at`,
      ),
      seen: db.prepare<[string, string, string]>('UPDATE document_visits SET seen_at = ? WHERE doc_id = ? AND user_id = ?'),
    }
  }

  get(docId: string, userId: string): VisitRow | undefined {
    return this.stmts.get.get(docId, userId)
  }

  put(row: VisitRow): void {
    this.stmts.put.run(row)
  }

  /** The person was in the draft until `at` (their connection to it closed). */
  seen(docId: string, userId: string, at: string): void {
    this.stmts.seen.run(at, docId, userId)
  }
}
