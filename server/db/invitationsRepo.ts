import type { Db } from './connection'

export interface InvitationRow {
  id: string
  token_hash: string
  email: string
  org_id: string
  is_admin: number
  created_by: string | null
  created_at: string
  expires_at: string
  used_at: string | null
}

/** The `invitations` table: one-time links, stored by the SHA-256 of their token. */
export class InvitationsRepo {
  private readonly stmts

  constructor(db: Db) {
    this.stmts = {
      get: db.prepare<[string], InvitationRow>('SELECT * FROM invitations WHERE id = ?'),
      byTokenHash: db.prepare<[string], InvitationRow>('SELECT * FROM invitations WHERE token_hash = ?'),
      pending: db.prepare<[string], InvitationRow>(
        'SELECT * FROM invitations WHERE used_at IS NULL AND expires_at > ? ORDER BY created_at DESC, id',
      ),
      insert: db.prepare(
        `INSERT INTO invitations (id, token_hash, email, org_id, is_admin, created_by, created_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      markUsed: db.prepare('UPDATE invitations SET used_at = ? WHERE id = ? AND used_at IS NULL'),
      delete: db.prepare('DELETE FROM invitations WHERE id = ?'),
      deletePendingFor: db.prepare('DELETE FROM invitations WHERE used_at IS NULL AND lower(email) = lower(?)'),
    }
  }

  get(id: string): InvitationRow | undefined {
    return this.stmts.get.get(id)
  }

  findByTokenHash(hash: string): InvitationRow | undefined {
    return this.stmts.byTokenHash.get(hash)
  }

  pending(now: string): InvitationRow[] {
    return this.stmts.pending.all(now)
  }

  create(row: Omit<InvitationRow, 'used_at'>): void {
    this.stmts.insert.run(row.id, row.token_hash, row.email, row.org_id, row.is_admin, row.created_by, row.created_at, row.expires_at)
  }

  /** False if it was already used (the caller's transaction must then roll back). */
  markUsed(id: string, now: string): boolean {
    return this.stmts.markUsed.run(now, id).changes > 0
  }

  delete(id: string): boolean {
    return this.stmts.delete.run(id).changes > 0
  }

  /** Deletes the unused invitations for `email` (in any case); how many there were. */
  deletePendingFor(email: string): number {
    return this.stmts.deletePendingFor.run(email).changes
  }
}
