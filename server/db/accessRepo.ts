import type { OrganizationSummary, PrincipalType } from '../../shared/api'
import { isRole, strongerRole, type Role } from '../../shared/roles'
import type { Db } from './connection'
import { toOrganization, type OrganizationRow } from './organizationsRepo'

export interface GrantRow {
  doc_id: string
  principal_type: PrincipalType
  principal_id: string
  role: Role
  granted_by: string | null
  granted_at: string
}

/** Who holds a role on a document: a user directly, or everyone of an organization. */
export interface Principal {
  type: PrincipalType
  id: string
}

/** The `document_access` table: grants of a role on a document to an organization or a user. */
export class AccessRepo {
  private readonly stmts

  constructor(db: Db) {
    this.stmts = {
      rolesOn: db.prepare<[string, string, string], { role: string }>(
        `SELECT role FROM document_access WHERE doc_id = ?
         AND ((principal_type = 'user' AND principal_id = ?) OR (principal_type = 'organization' AND principal_id = ?))`,
      ),
      rolesOfViewer: db.prepare<[string, string], { doc_id: string; role: string }>(
        `SELECT doc_id, role FROM document_access
         WHERE (principal_type = 'user' AND principal_id = ?) OR (principal_type = 'organization' AND principal_id = ?)`,
      ),
      grants: db.prepare<[string], GrantRow>('SELECT * FROM document_access WHERE doc_id = ? ORDER BY granted_at, principal_id'),
      get: db.prepare<[string, string, string], GrantRow>(
        'SELECT * FROM document_access WHERE doc_id = ? AND principal_type = ? AND principal_id = ?',
      ),
      upsert: db.prepare(
        `INSERT INTO document_access (doc_id, principal_type, principal_id, role, granted_by, granted_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(doc_id, principal_type, principal_id) DO UPDATE SET role = excluded.role, granted_by = excluded.granted_by, granted_at = excluded.granted_at`,
      ),
      delete: db.prepare('DELETE FROM document_access WHERE doc_id = ? AND principal_type = ? AND principal_id = ?'),
      owners: db.prepare<[string], { n: number }>("SELECT COUNT(*) AS n FROM document_access WHERE doc_id = ? AND role = 'owner'"),
      soleOwner: db.prepare<[string], { doc_id: string }>(
        `SELECT a.doc_id FROM document_access a
         WHERE a.principal_type = 'user' AND a.principal_id = ? AND a.role = 'owner'
           AND NOT EXISTS (SELECT 1 FROM document_access b WHERE b.doc_id = a.doc_id AND b.role = 'owner'
                           AND NOT (b.principal_type = 'user' AND b.principal_id = a.principal_id))
         ORDER BY a.doc_id`,
      ),
      ownerless: db.prepare<[], { id: string }>(
        "SELECT id FROM documents d WHERE NOT EXISTS (SELECT 1 FROM document_access a WHERE a.doc_id = d.id AND a.role = 'owner')",
      ),
      organizations: db.prepare<[], OrganizationRow & { doc_id: string }>(
        `SELECT a.doc_id, o.* FROM document_access a JOIN organizations o ON o.id = a.principal_id
           WHERE a.principal_type = 'organization'
         UNION
         SELECT a.doc_id, o.* FROM document_access a JOIN users u ON u.id = a.principal_id JOIN organizations o ON o.id = u.org_id
           WHERE a.principal_type = 'user'
         ORDER BY 1, name COLLATE NOCASE`,
      ),
      organizationsOfDoc: db.prepare<[string, string], OrganizationRow & { doc_id: string }>(
        `SELECT a.doc_id, o.* FROM document_access a JOIN organizations o ON o.id = a.principal_id
           WHERE a.principal_type = 'organization' AND a.doc_id = ?
         UNION
         SELECT a.doc_id, o.* FROM document_access a JOIN users u ON u.id = a.principal_id JOIN organizations o ON o.id = u.org_id
           WHERE a.principal_type = 'user' AND a.doc_id = ?
         ORDER BY 1, name COLLATE NOCASE`,
      ),
    }
  }

  /** The effective role of a user (directly or through their organization), or null. */
  roleOf(docId: string, userId: string, orgId: string): Role | null {
    let role: Role | null = null
    for (const row of this.stmts.rolesOn.all(docId, userId, orgId)) {
      if (isRole(row.role)) role = strongerRole(role, row.role)
    }
    return role
  }

  /** Every document the user can open, with their effective role. */
  rolesOfViewer(userId: string, orgId: string): Map<string, Role> {
    const roles = new Map<string, Role>()
    for (const row of this.stmts.rolesOfViewer.all(userId, orgId)) {
      if (isRole(row.role)) roles.set(row.doc_id, strongerRole(roles.get(row.doc_id) ?? null, row.role)!)
    }
    return roles
  }

  grants(docId: string): GrantRow[] {
    return this.stmts.grants.all(docId)
  }

  get(docId: string, principal: Principal): GrantRow | undefined {
    return this.stmts.get.get(docId, principal.type, principal.id)
  }

  put(docId: string, principal: Principal, role: Role, grantedBy: string | null, now = new Date().toISOString()): void {
    this.stmts.upsert.run(docId, principal.type, principal.id, role, grantedBy, now)
  }

  delete(docId: string, principal: Principal): boolean {
    return this.stmts.delete.run(docId, principal.type, principal.id).changes > 0
  }

  ownerCount(docId: string): number {
    return this.stmts.owners.get(docId)?.n ?? 0
  }

  /** Documents whose only owner is this person, by a grant of their own. */
  ownedOnlyBy(userId: string): string[] {
    return this.stmts.soleOwner.all(userId).map((r) => r.doc_id)
  }

  /** Documents nobody owns (the sample seeded before the first administrator existed). */
  ownerlessDocuments(): string[] {
    return this.stmts.ownerless.all().map((r) => r.id)
  }

  /** Organizations with access to each document: granted directly, or through a member's grant. */
  organizationsByDocument(docId?: string): Map<string, OrganizationSummary[]> {
    const rows = docId === undefined ? this.stmts.organizations.all() : this.stmts.organizationsOfDoc.all(docId, docId)
    const out = new Map<string, OrganizationSummary[]>()
    for (const row of rows) {
      let list = out.get(row.doc_id)
      if (!list) out.set(row.doc_id, (list = []))
      list.push(toOrganization(row))
    }
    return out
  }
}
