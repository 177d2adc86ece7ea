import type { Db } from './connection'

export interface PreferenceRow {
  doc_id: string
  block_id: string
  group_key: string
  org_id: string
  option: string
  stated_by: string
  stated_at: string
}

/** The `alternative_preferences` table: one row per draft, group and organization. */
export class PreferencesRepo {
  private readonly stmts

  constructor(db: Db) {
    this.stmts = {
      ofDocument: db.prepare<[string], PreferenceRow>('SELECT * FROM alternative_preferences WHERE doc_id = ? ORDER BY block_id, group_key, org_id'),
      upsert: db.prepare(
        `INSERT INTO alternative_preferences (doc_id, block_id, group_key, org_id, option, stated_by, stated_at)
         VALUES (@doc_id, @block_id, @group_key, @org_id, @option, @stated_by, @stated_at)
         ON CONFLICT (doc_id, block_id, group_key, org_id)
         DO UPDATE SET option = excluded.option, stated_by = excluded.stated_by, stated_at = excluded.stated_at`,
      ),
      remove: db.prepare<[string, string, string, string]>('DELETE FROM alternative_preferences WHERE doc_id = ? AND block_id = ? AND group_key = ? AND org_id = ?'),
    }
  }

  ofDocument(docId: string): PreferenceRow[] {
    return this.stmts.ofDocument.all(docId)
  }

  /** States or replaces the organization's preference in the group. */
  upsert(row: PreferenceRow): void {
    this.stmts.upsert.run(row)
  }

  /** Whether there was a preference to withdraw. */
  remove(docId: string, blockId: string, groupKey: string, orgId: string): boolean {
    return this.stmts.remove.run(docId, blockId, groupKey, orgId).changes > 0
  }
}
