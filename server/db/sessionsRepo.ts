import type { Db } from './connection'

export interface SessionRow {
  id_hash: string
  user_id: string
  csrf_token: string
  created_at: string
  expires_at: string
  last_seen_at: string
  /** Why the server ended the session (it then never opens again); null while it is live. */
  ended_reason?: string | null
}

/** The `sessions` table: only the SHA-256 of each session token is stored. */
export class SessionsRepo {
  private readonly stmts

  constructor(db: Db) {
    this.stmts = {
      get: db.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE id_hash = ?'),
      insert: db.prepare(
        'INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, expires_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      refresh: db.prepare('UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE id_hash = ?'),
      delete: db.prepare('DELETE FROM sessions WHERE id_hash = ?'),
      purge: db.prepare('DELETE FROM sessions WHERE expires_at <= ?'),
      endAllOf: db.prepare('UPDATE sessions SET ended_reason = ? WHERE user_id = ? AND ended_reason IS NULL AND id_hash IS NOT ?'),
      dropEndedOf: db.prepare('DELETE FROM sessions WHERE user_id = ? AND ended_reason IS NOT NULL'),
    }
  }

  get(idHash: string): SessionRow | undefined {
    return this.stmts.get.get(idHash)
  }

  create(row: SessionRow): void {
    this.stmts.insert.run(row.id_hash, row.user_id, row.csrf_token, row.created_at, row.expires_at, row.last_seen_at)
  }

  refresh(idHash: string, lastSeenAt: string, expiresAt: string): void {
    this.stmts.refresh.run(lastSeenAt, expiresAt, idHash)
  }

  delete(idHash: string): boolean {
    return this.stmts.delete.run(idHash).changes > 0
  }

  /** Ends every live session of a user but `except`, keeping the rows (until they expire) to say why. */
  endAllOf(userId: string, reason: string, except: string | null = null): number {
    return this.stmts.endAllOf.run(reason, userId, except).changes
  }

  /** Forgets the ended sessions of a user (reactivated: their old cookies are no news any more). */
  dropEndedOf(userId: string): number {
    return this.stmts.dropEndedOf.run(userId).changes
  }

  /** Removes expired sessions; returns how many. */
  purgeExpired(now: string): number {
    return this.stmts.purge.run(now).changes
  }
}
