import type { Db } from './connection'

export interface PasswordResetRow {
  id: string
  token_hash: string
  user_id: string
  created_by: string | null
  created_at: string
  expires_at: string
  used_at: string | null
}

/** The `password_resets` table: one-time links to set a new password, stored by the SHA-256 of their token. */
export class PasswordResetsRepo {
  private readonly stmts

  constructor(db: Db) {
    this.stmts = {
      byTokenHash: db.prepare<[string], PasswordResetRow>('SELECT * FROM password_resets WHERE token_hash = ?'),
      insert: db.prepare(
        `INSERT INTO password_resets (id, token_hash, user_id, created_by, created_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      useAllOf: db.prepare('UPDATE password_resets SET used_at = ? WHERE user_id = ? AND used_at IS NULL'),
      purge: db.prepare('DELETE FROM password_resets WHERE expires_at <= ?'),
    }
  }

  findByTokenHash(hash: string): PasswordResetRow | undefined {
    return this.stmts.byTokenHash.get(hash)
  }

  create(row: Omit<PasswordResetRow, 'used_at'>): void {
    this.stmts.insert.run(row.id, row.token_hash, row.user_id, row.created_by, row.created_at, row.expires_at)
  }

  /** Every unused link of a person stops working (a newer link, or a new password set otherwise). */
  useAllOf(userId: string, now: string): number {
    return this.stmts.useAllOf.run(now, userId).changes
  }

  /** Forgets expired links; returns how many. */
  purgeExpired(now: string): number {
    return this.stmts.purge.run(now).changes
  }
}
