import { ErrorCode, type DocumentNews, type DocumentSummary, type Grant, type PutGrantInput } from '../../shared/api'
import { DOCUMENT_ID_PATTERN } from '../../shared/ids'
import { ACTION_WORDS, aRole, can, ROLE_RANK, type DocumentAction, type Role } from '../../shared/roles'
import type { Db } from '../db/connection'
import type { AccessRepo, GrantRow, Principal } from '../db/accessRepo'
import type { DocumentRecord, DocumentsRepo } from '../db/documentsRepo'
import type { OrganizationsRepo } from '../db/organizationsRepo'
import type { EditSessionsRepo } from '../db/editSessionsRepo'
import type { VisitsRepo } from '../db/visitsRepo'
import { toPerson, type UserRecord, type UsersRepo } from '../db/usersRepo'
import type { LiveAccess } from '../collab/liveAccess'
import { documentNotFound, forbidden, HttpError } from '../errors'
import type { Logger } from '../logger'

export interface DocumentAccessDeps {
  db: Db
  documents: DocumentsRepo
  access: AccessRepo
  users: UsersRepo
  organizations: OrganizationsRepo
  live: LiveAccess
  log: Logger
  visits: VisitsRepo
  editSessions: EditSessionsRepo
}

/** A document the viewer may act on, with their role. */
export interface Authorized {
  doc: DocumentRecord
  role: Role
}

/**
 * Who may do what with a document (shared/roles.ts decides, this applies it) and sharing.
 * An unknown document is 404; a known one without the right is 403, with no access at all
 * too — the WebSocket answers 4404 and 4403 alike. Document ids are random, so telling
 * "exists" from "not yours" reveals nothing guessable, and lets the client ask for access.
 */
export class DocumentAccess {
  constructor(private readonly deps: DocumentAccessDeps) {}

  roleOf(user: UserRecord, docId: string): Role | null {
    return this.deps.access.roleOf(docId, user.id, user.organization.id)
  }

  /** The document if `user` may `action` it; 404 if unknown, 403 otherwise. */
  authorize(user: UserRecord, docId: string, action: DocumentAction): Authorized {
    const doc = DOCUMENT_ID_PATTERN.test(docId) ? this.deps.documents.get(docId) : undefined
    if (!doc) throw documentNotFound()
    const role = this.roleOf(user, docId)
    if (!can(role, action)) throw forbidden(role ? `${aRole(role)} may not ${ACTION_WORDS[action]}` : 'no access to this document')
    return { doc, role: role! }
  }

  summary(doc: DocumentRecord, role: Role): DocumentSummary {
    const organizations = this.deps.access.organizationsByDocument(doc.id).get(doc.id) ?? []
    return { id: doc.id, title: doc.title, language: doc.language, createdAt: doc.createdAt, updatedAt: doc.updatedAt, role, organizations }
  }

  /** The drafts shared with the user or their organization, most recently changed first, with what others did since the user last left each. */
  list(user: UserRecord): DocumentSummary[] {
    const roles = this.deps.access.rolesOfViewer(user.id, user.organization.id)
    if (roles.size === 0) return []
    const organizations = this.deps.access.organizationsByDocument()
    const news = this.news(user, roles)
    return this.deps.documents
      .list()
      .filter((doc) => roles.has(doc.id))
      .map((doc) => ({
        id: doc.id,
        title: doc.title,
        language: doc.language,
        createdAt: doc.createdAt,
        updatedAt: doc.updatedAt,
        role: roles.get(doc.id)!,
        organizations: organizations.get(doc.id) ?? [],
        news: news.get(doc.id),
      }))
  }

  /** Others' edits and comments since the user last left each draft they may read, where there are any. */
  private news(user: UserRecord, roles: ReadonlyMap<string, Role>): Map<string, DocumentNews> {
    for (const docId of this.deps.visits.visited(user.id)) if (roles.has(docId)) this.deps.editSessions.fold(docId)
    const news = new Map<string, DocumentNews>()
    for (const row of this.deps.visits.news(user.id)) {
      if (roles.has(row.doc_id) && (row.edited || row.comments > 0 || row.decided > 0)) {
        news.set(row.doc_id, { edited: row.edited === 1, comments: row.comments, decided: row.decided, mentioned: row.mentioned })
      }
    }
    return news
  }

  grants(docId: string): Grant[] {
    const out: Grant[] = []
    for (const row of this.deps.access.grants(docId)) {
      const grant = this.present(row)
      if (grant) out.push(grant)
    }
    // Strongest first, then organizations before people.
    return out.sort((a, b) => ROLE_RANK[b.role] - ROLE_RANK[a.role] || a.principalType.localeCompare(b.principalType))
  }

  /** Grants or changes a role; refuses to demote the last owner. Open connections follow at once. */
  put(actor: UserRecord, docId: string, input: PutGrantInput): Grant[] {
    const principal: Principal = { type: input.principalType, id: input.principalId }
    const exists = principal.type === 'user' ? this.deps.users.get(principal.id) : this.deps.organizations.get(principal.id)
    if (!exists) throw new HttpError(404, ErrorCode.notFound, `no such ${principal.type}`)
    this.deps.db.transaction(() => {
      const current = this.deps.access.get(docId, principal)
      if (current?.role === 'owner' && input.role !== 'owner') this.keepAnOwner(docId)
      this.deps.access.put(docId, principal, input.role, actor.id)
    }).immediate()
    this.deps.log.info('access granted', { docId, by: actor.id, principalType: principal.type, principal: principal.id, role: input.role })
    this.deps.live.documentChanged(docId)
    return this.grants(docId)
  }

  revoke(actor: UserRecord, docId: string, principal: Principal): void {
    this.deps.db.transaction(() => {
      const current = this.deps.access.get(docId, principal)
      if (!current) throw new HttpError(404, ErrorCode.notFound, 'no such grant')
      if (current.role === 'owner') this.keepAnOwner(docId)
      this.deps.access.delete(docId, principal)
    }).immediate()
    this.deps.log.info('access revoked', { docId, by: actor.id, principalType: principal.type, principal: principal.id })
    this.deps.live.documentChanged(docId)
  }

  private keepAnOwner(docId: string): void {
    if (this.deps.access.ownerCount(docId) <= 1) {
      throw new HttpError(409, ErrorCode.lastOwner, 'a document must keep at least one owner')
    }
  }

  private present(row: GrantRow): Grant | null {
    if (row.principal_type === 'organization') {
      const organization = this.deps.organizations.get(row.principal_id)
      return organization ? { principalType: 'organization', organization, role: row.role } : null
    }
    const user = this.deps.users.get(row.principal_id)
    return user ? { principalType: 'user', user: toPerson(user), role: row.role } : null
  }
}
