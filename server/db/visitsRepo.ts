import type { Db } from './connection'

export interface NewsRow {
  doc_id: string
  edited: 0 | 1
  comments: number
  decided: number
  mentioned: number
}

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
      visited: db.prepare<[string], { doc_id: string }>('SELECT doc_id FROM document_visits WHERE user_id = ?'),
      news: db.prepare<[string], NewsRow>(
        `SELECT v.doc_id,
           EXISTS (SELECT 1 FROM edit_sessions s WHERE s.doc_id = v.doc_id AND s.user_id <> v.user_id AND s.ended_at > v.seen_at) AS edited,
           (SELECT COUNT(*) FROM comments c JOIN comment_threads t ON t.id = c.thread_id
             WHERE t.doc_id = v.doc_id AND c.author_id <> v.user_id AND c.deleted_at IS NULL AND c.created_at > v.seen_at) AS comments,
           -- The person's threads others resolved or whose wording they decided since (shared/visit.ts, decidedByOthers).
           (SELECT COUNT(*) FROM comment_threads t
             WHERE t.doc_id = v.doc_id AND t.created_by = v.user_id
               AND ((t.status = 'resolved' AND t.resolved_by <> v.user_id AND t.resolved_at > v.seen_at)
                 OR (t.proposal_decided_by <> v.user_id AND t.proposal_decided_at > v.seen_at))) AS decided,
           -- Of those comments, the ones mentioning the person or their organization (shared/comments/mentions.ts, mentionsViewer).
           (SELECT COUNT(*) FROM comments c JOIN comment_threads t ON t.id = c.thread_id
             WHERE t.doc_id = v.doc_id AND c.author_id <> v.user_id AND c.deleted_at IS NULL AND c.created_at > v.seen_at
               AND (EXISTS (SELECT 1 FROM comment_mentions m WHERE m.comment_id = c.id AND m.user_id = v.user_id)
                 OR EXISTS (SELECT 1 FROM comment_org_mentions o JOIN users u ON u.id = v.user_id WHERE o.comment_id = c.id AND o.org_id = u.org_id))) AS mentioned
         FROM document_visits v WHERE v.user_id = ?`,
      ),
    }
  }

  /** The drafts the person has opened. */
  visited(userId: string): string[] {
    return this.stmts.visited.all(userId).map((row) => row.doc_id)
  }

  /**
   * Per draft the person has opened: whether others edited it, how many comments others wrote,
   * how many of those mention them, and how many of the person's threads others decided, since they last left it (their editing sessions as folded so far: fold them first).
   */
  news(userId: string): NewsRow[] {
    return this.stmts.news.all(userId)
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
