import type { AccountSummary, OrganizationSummary, PersonSummary, UserSummary } from '../../shared/api'
import { newRowId } from '../auth/tokens'
import type { Db } from './connection'
import { toOrganization, type OrganizationRow } from './organizationsRepo'

/** A user with their organization, as the server works with them (never sent as is: it holds the hash). */
export interface UserRecord {
  id: string
  email: string
  displayName: string
  isAdmin: boolean
  organization: OrganizationSummary
  passwordHash: string
  /** When an administrator deactivated the account; null while active. */
  deactivatedAt: string | null
}

interface UserJoinRow {
  id: string
  email: string
  display_name: string
  password_hash: string
  is_admin: number
  deactivated_at: string | null
  org_id: string
  org_name: string
  org_short_name: string
  org_color: string
  org_created_at: string
}

const SELECT = `
  SELECT u.id, u.email, u.display_name, u.password_hash, u.is_admin, u.deactivated_at, u.org_id,
         o.name AS org_name, o.short_name AS org_short_name, o.color AS org_color, o.created_at AS org_created_at
  FROM users u JOIN organizations o ON o.id = u.org_id`

function toRecord(row: UserJoinRow): UserRecord {
  const org: OrganizationRow = {
    id: row.org_id,
    name: row.org_name,
    short_name: row.org_short_name,
    color: row.org_color,
    created_at: row.org_created_at,
  }
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    isAdmin: row.is_admin === 1,
    organization: toOrganization(org),
    passwordHash: row.password_hash,
    deactivatedAt: row.deactivated_at,
  }
}

export function toUserSummary(user: UserRecord): UserSummary {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    isAdmin: user.isAdmin,
    organization: user.organization,
  }
}

export function toAccount(user: UserRecord): AccountSummary {
  return { ...toUserSummary(user), deactivatedAt: user.deactivatedAt }
}

export function toPerson(user: UserRecord): PersonSummary {
  return { id: user.id, displayName: user.displayName, organization: user.organization }
}

export interface NewUser {
  email: string
  displayName: string
  passwordHash: string
  orgId: string
  isAdmin: boolean
}

/** The `users` table. Emails are stored lower-cased (the API schema lower-cases them). */
export class UsersRepo {
  private readonly stmts

  constructor(db: Db) {
    this.stmts = {
      get: db.prepare<[string], UserJoinRow>(`${SELECT} WHERE u.id = ?`),
      byEmail: db.prepare<[string], UserJoinRow>(`${SELECT} WHERE u.email = ?`),
      list: db.prepare<[], UserJoinRow>(`${SELECT} ORDER BY u.display_name COLLATE NOCASE, u.id`),
      count: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM users'),
      withAccessTo: db.prepare<[string], UserJoinRow>(
        `${SELECT} WHERE u.deactivated_at IS NULL AND EXISTS (
           SELECT 1 FROM document_access a WHERE a.doc_id = ?
             AND ((a.principal_type = 'user' AND a.principal_id = u.id) OR (a.principal_type = 'organization' AND a.principal_id = u.org_id)))
         ORDER BY u.display_name COLLATE NOCASE, u.id`,
      ),
      insert: db.prepare(
        'INSERT INTO users (id, email, display_name, password_hash, org_id, is_admin, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      idsOfOrg: db.prepare<[string], { id: string }>('SELECT id FROM users WHERE org_id = ?'),
      setOrg: db.prepare('UPDATE users SET org_id = ? WHERE id = ?'),
      setAdmin: db.prepare('UPDATE users SET is_admin = ? WHERE id = ?'),
      setDisplayName: db.prepare('UPDATE users SET display_name = ? WHERE id = ?'),
      setEmail: db.prepare('UPDATE users SET email = ? WHERE id = ?'),
      setDeactivated: db.prepare('UPDATE users SET deactivated_at = ? WHERE id = ?'),
      setPasswordHash: db.prepare('UPDATE users SET password_hash = ? WHERE id = ?'),
      activeAdmins: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM users WHERE is_admin = 1 AND deactivated_at IS NULL'),
    }
  }

  get(id: string): UserRecord | undefined {
    const row = this.stmts.get.get(id)
    return row ? toRecord(row) : undefined
  }

  findByEmail(email: string): UserRecord | undefined {
    const row = this.stmts.byEmail.get(email.trim().toLowerCase())
    return row ? toRecord(row) : undefined
  }

  list(): UserRecord[] {
    return this.stmts.list.all().map(toRecord)
  }

  /** The active people who may open the document (a grant to them or their organization), by name. */
  withAccessTo(docId: string): UserRecord[] {
    return this.stmts.withAccessTo.all(docId).map(toRecord)
  }

  count(): number {
    return this.stmts.count.get()?.n ?? 0
  }

  create(input: NewUser, now = new Date().toISOString()): string {
    const id = newRowId()
    this.stmts.insert.run(id, input.email.trim().toLowerCase(), input.displayName, input.passwordHash, input.orgId, input.isAdmin ? 1 : 0, now)
    return id
  }

  setOrganization(id: string, orgId: string): void {
    this.stmts.setOrg.run(orgId, id)
  }

  /** Throws SQLite's unique-constraint error when another account has it (see withUniqueEmail). */
  setEmail(id: string, email: string): void {
    this.stmts.setEmail.run(email.trim().toLowerCase(), id)
  }

  setDisplayName(id: string, displayName: string): void {
    this.stmts.setDisplayName.run(displayName, id)
  }

  setAdmin(id: string, isAdmin: boolean): void {
    this.stmts.setAdmin.run(isAdmin ? 1 : 0, id)
  }

  setPasswordHash(id: string, hash: string): void {
    this.stmts.setPasswordHash.run(hash, id)
  }

  /** `at`: when the account was deactivated; null reactivates it. */
  setDeactivated(id: string, at: string | null): void {
    this.stmts.setDeactivated.run(at, id)
  }

  countActiveAdmins(): number {
    return this.stmts.activeAdmins.get()?.n ?? 0
  }

  idsOfOrganization(orgId: string): string[] {
    return this.stmts.idsOfOrg.all(orgId).map((r) => r.id)
  }
}
