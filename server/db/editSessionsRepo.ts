import type { Db } from './connection'

/** Edits of one person less than this far apart belong to the same editing session. */
export const EDIT_SESSION_GAP_MS = 10 * 60 * 1000

export interface EditSessionRow {
  id: number
  doc_id: string
  user_id: string
  org_id: string
  started_at: string
  ended_at: string
  updates: number
  /** JSON array of article ids. */
  articles: string
}

export interface EditRecord {
  docId: string
  userId: string
  orgId: string
  /** Ids of the articles the update touched (possibly none). */
  articles: readonly string[]
  at: Date
}

/**
 * The `edit_sessions` table: who edited a document, when, and which articles, grouped into
 * sessions. Kept beside the update log (which compaction empties) for the activity view.
 */
export class EditSessionsRepo {
  private readonly stmts

  constructor(db: Db) {
    this.stmts = {
      latest: db.prepare<[string, string], EditSessionRow>(
        'SELECT * FROM edit_sessions WHERE doc_id = ? AND user_id = ? ORDER BY ended_at DESC, id DESC LIMIT 1',
      ),
      insert: db.prepare(
        'INSERT INTO edit_sessions (doc_id, user_id, org_id, started_at, ended_at, updates, articles) VALUES (?, ?, ?, ?, ?, 1, ?)',
      ),
      extend: db.prepare('UPDATE edit_sessions SET ended_at = ?, updates = updates + 1, articles = ? WHERE id = ?'),
      list: db.prepare<[string, number], EditSessionRow>(
        'SELECT * FROM edit_sessions WHERE doc_id = ? ORDER BY ended_at DESC, id DESC LIMIT ?',
      ),
      overlapping: db.prepare<[string, string, string], EditSessionRow>(
        'SELECT * FROM edit_sessions WHERE doc_id = ? AND ended_at > ? AND started_at <= ? ORDER BY started_at, id',
      ),
    }
  }

  /** Counts one stored update into the person's current session, or starts a new one. Call inside the append's transaction. */
  record(edit: EditRecord): void {
    const at = edit.at.toISOString()
    const last = this.stmts.latest.get(edit.docId, edit.userId)
    if (last && last.org_id === edit.orgId && edit.at.getTime() - Date.parse(last.ended_at) < EDIT_SESSION_GAP_MS) {
      const known = parseArticles(last.articles)
      const merged = [...known, ...edit.articles.filter((id) => !known.includes(id))]
      this.stmts.extend.run(at, merged.length === known.length ? last.articles : JSON.stringify(merged), last.id)
      return
    }
    this.stmts.insert.run(edit.docId, edit.userId, edit.orgId, at, at, JSON.stringify([...new Set(edit.articles)]))
  }

  /** Newest first. */
  list(docId: string, limit = 200): EditSessionRow[] {
    return this.stmts.list.all(docId, limit)
  }

  /** Sessions with edits after `from` and not after `to` (ISO times), oldest first. */
  overlapping(docId: string, from: string, to: string): EditSessionRow[] {
    return this.stmts.overlapping.all(docId, from, to)
  }
}

export function parseArticles(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json)
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
  } catch {
    return []
  }
}
