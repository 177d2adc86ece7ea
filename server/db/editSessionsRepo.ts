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
  /** JSON object: when each of them was last edited in the session; null for sessions folded before migration 16. */
  place_times: string | null
}

/** An attributed row of the update log, as fold() reads it. */
interface LoggedEdit {
  seq: number
  created_at: string
  user_id: string | null
  org_id: string | null
  /** JSON array of the article ids the update touched, or null. */
  articles: string | null
}

/** A session being extended by fold(), written back once at the end. */
interface OpenSession {
  id: number
  orgId: string
  endedAt: string
  updates: number
  articles: string[]
  times: Record<string, string>
  changed: boolean
}

/**
 * The `edit_sessions` table: who edited a document, when, and which articles, grouped into
 * sessions, for the activity view and the comparison's organizations. It is a projection of the
 * update log: each logged update carries its author and articles, and fold() counts the rows
 * not yet counted (documents.activity_seq) into sessions. The hot path (one INSERT per group
 * commit) never touches this table; fold() runs before it is read and before compaction
 * deletes rows, so nothing is missed and a crash loses nothing (the rows are still there).
 */
export class EditSessionsRepo {
  private readonly stmts
  private readonly foldTx: (docId: string) => void

  constructor(db: Db) {
    this.stmts = {
      unfolded: db.prepare<[string, string], LoggedEdit>(
        `SELECT seq, created_at, user_id, org_id, articles FROM doc_updates
         WHERE doc_id = ? AND seq > (SELECT activity_seq FROM documents WHERE id = ?) ORDER BY seq`,
      ),
      folded: db.prepare('UPDATE documents SET activity_seq = ?, updated_at = MAX(updated_at, ?) WHERE id = ?'),
      latest: db.prepare<[string, string], EditSessionRow>(
        'SELECT * FROM edit_sessions WHERE doc_id = ? AND user_id = ? ORDER BY ended_at DESC, id DESC LIMIT 1',
      ),
      insert: db.prepare(
        'INSERT INTO edit_sessions (doc_id, user_id, org_id, started_at, ended_at, updates, articles, place_times) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      extend: db.prepare('UPDATE edit_sessions SET ended_at = ?, updates = ?, articles = ?, place_times = ? WHERE id = ?'),
      list: db.prepare<[string, number], EditSessionRow>(
        'SELECT * FROM edit_sessions WHERE doc_id = ? ORDER BY ended_at DESC, id DESC LIMIT ?',
      ),
      articleTimes: db.prepare<[string], Pick<EditSessionRow, 'ended_at' | 'articles' | 'place_times'>>('SELECT ended_at, articles, place_times FROM edit_sessions WHERE doc_id = ?'),
      overlapping: db.prepare<[string, string, string], EditSessionRow>(
        'SELECT * FROM edit_sessions WHERE doc_id = ? AND ended_at > ? AND started_at <= ? ORDER BY started_at, id',
      ),
    }
    this.foldTx = db.transaction((docId: string) => this.foldRows(docId))
  }

  /**
   * Counts the logged updates not yet counted into their authors' sessions, and moves the
   * document's updated_at to the newest of them. Idempotent; one transaction (nested in the
   * caller's, if any).
   */
  fold(docId: string): void {
    this.foldTx(docId)
  }

  private foldRows(docId: string): void {
    const rows = this.stmts.unfolded.all(docId, docId)
    if (rows.length === 0) return
    const open = new Map<string, OpenSession | null>()
    for (const row of rows) {
      if (!row.user_id || !row.org_id) continue
      const articles = row.articles ? parseArticles(row.articles) : []
      if (!open.has(row.user_id)) open.set(row.user_id, this.latest(docId, row.user_id))
      const session = open.get(row.user_id)
      if (session && session.orgId === row.org_id && Date.parse(row.created_at) - Date.parse(session.endedAt) < EDIT_SESSION_GAP_MS) {
        session.endedAt = row.created_at
        session.updates++
        for (const id of articles) {
          if (!session.articles.includes(id)) session.articles.push(id)
          session.times[id] = row.created_at
        }
        session.changed = true
        continue
      }
      if (session?.changed) this.write(session)
      const unique = [...new Set(articles)]
      const times = Object.fromEntries(unique.map((id) => [id, row.created_at]))
      const id = Number(this.stmts.insert.run(docId, row.user_id, row.org_id, row.created_at, row.created_at, 1, JSON.stringify(unique), JSON.stringify(times)).lastInsertRowid)
      open.set(row.user_id, { id, orgId: row.org_id, endedAt: row.created_at, updates: 1, articles: unique, times, changed: false })
    }
    for (const session of open.values()) if (session?.changed) this.write(session)
    const last = rows[rows.length - 1]
    this.stmts.folded.run(last.seq, last.created_at, docId)
  }

  private latest(docId: string, userId: string): OpenSession | null {
    const row = this.stmts.latest.get(docId, userId)
    if (!row) return null
    return { id: row.id, orgId: row.org_id, endedAt: row.ended_at, updates: row.updates, articles: parseArticles(row.articles), times: placeTimes(row), changed: false }
  }

  private write(session: OpenSession): void {
    this.stmts.extend.run(session.endedAt, session.updates, JSON.stringify(session.articles), JSON.stringify(session.times), session.id)
  }

  /** Newest first (call fold() first for the latest edits). */
  list(docId: string, limit = 200): EditSessionRow[] {
    return this.stmts.list.all(docId, limit)
  }

  /**
   * When each article was last edited, as far as sessions tell (call fold() first); in a session
   * folded before migration 16, its end stands for all of its articles.
   */
  lastEdits(docId: string): Record<string, string> {
    const out: Record<string, string> = {}
    for (const row of this.stmts.articleTimes.all(docId)) {
      const times = placeTimes(row)
      for (const id of parseArticles(row.articles)) {
        const at = times[id] ?? row.ended_at
        if (!out[id] || out[id] < at) out[id] = at
      }
    }
    return out
  }

  /** Sessions with edits after `from` and not after `to` (ISO times), oldest first (call fold() first). */
  overlapping(docId: string, from: string, to: string): EditSessionRow[] {
    return this.stmts.overlapping.all(docId, from, to)
  }
}

/** When each place of a session was last edited in it: {} for a session folded before migration 16 (its end stands for all). */
export function placeTimes(row: Pick<EditSessionRow, 'place_times'>): Record<string, string> {
  if (!row.place_times) return {}
  try {
    const value: unknown = JSON.parse(row.place_times)
    if (!value || typeof value !== 'object' || Array.isArray(value)) return {}
    return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'))
  } catch {
    return {}
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
