import { ErrorCode, type AccountSummary, type ChangeAccountInput, type ChangedAccount } from '../../shared/api'
import type { ValidationIssue } from '../../shared/validation'
import type { Sessions } from '../auth/sessions'
import type { LiveAccess } from '../collab/liveAccess'
import type { AccessRepo } from '../db/accessRepo'
import type { Db } from '../db/connection'
import type { DocumentsRepo } from '../db/documentsRepo'
import type { OrganizationsRepo } from '../db/organizationsRepo'
import { toAccount, type UserRecord, type UsersRepo } from '../db/usersRepo'
import { HttpError } from '../errors'
import { withUniqueEmail } from './accounts'
import type { Logger } from '../logger'

export interface PeopleDeps {
  db: Db
  users: UsersRepo
  organizations: OrganizationsRepo
  access: AccessRepo
  documents: DocumentsRepo
  sessions: Sessions
  live: LiveAccess
  log: Logger
}

export const personNotFound = () => new HttpError(404, ErrorCode.personNotFound, 'no such person')

/**
 * Administrators change accounts after people joined: their organization, the administrator's
 * right, deactivation. There is always an active administrator left, and none deactivates
 * themselves (they would lock themselves out mid-change). Effects on sessions and open sync
 * connections follow the commit at once. Drafts a deactivated person alone owned pass to their
 * organization as owner: else nobody could share, rename or delete them any more.
 */
export class People {
  constructor(private readonly deps: PeopleDeps) {}

  list(): AccountSummary[] {
    return this.deps.users.list().map(toAccount)
  }

  change(actor: UserRecord, id: string, input: ChangeAccountInput, now = new Date().toISOString()): ChangedAccount {
    const { db, users, organizations, sessions, access } = this.deps
    const { before, after, handedOver } = db.transaction(() => {
      let handedOver: string[] = []
      const before = users.get(id)
      if (!before) throw personNotFound()
      if (input.organizationId !== undefined && input.organizationId !== before.organization.id) {
        if (!organizations.get(input.organizationId)) {
          const issue: ValidationIssue = { path: 'organizationId', problem: 'invalid', message: `no organization ${input.organizationId}` }
          throw new HttpError(400, ErrorCode.validation, issue.message, [issue])
        }
        users.setOrganization(id, input.organizationId)
      }
      if (input.isAdmin !== undefined && input.isAdmin !== before.isAdmin) users.setAdmin(id, input.isAdmin)
      if (input.email !== undefined && input.email !== before.email) {
        const email = input.email
        withUniqueEmail(() => users.setEmail(id, email))
      }
      if (input.active === false && !before.deactivatedAt) {
        if (id === actor.id) throw new HttpError(409, ErrorCode.selfDeactivation, 'administrators cannot deactivate their own account')
        users.setDeactivated(id, now)
        sessions.endAllOf(id, 'deactivated')
        handedOver = access.ownedOnlyBy(id)
        for (const docId of handedOver) access.put(docId, { type: 'organization', id: before.organization.id }, 'owner', actor.id, now)
      }
      if (input.active === true && before.deactivatedAt) {
        users.setDeactivated(id, null)
        sessions.forgetEndedOf(id)
      }
      // Checked after the change, inside the transaction: two administrators removing each
      // other's right at once cannot both succeed.
      if (users.countActiveAdmins() === 0) {
        throw new HttpError(409, ErrorCode.lastAdministrator, `${before.displayName} is the only active administrator; make someone else one first`)
      }
      return { before, after: users.get(id)!, handedOver }
    }).immediate()
    this.takeEffect(actor, before, after, handedOver)
    const titles = handedOver.map((docId) => ({ id: docId, title: this.deps.documents.get(docId)?.title ?? '' }))
    return { ...toAccount(after), handedOver: titles }
  }

  /** After the commit: what changed reaches open connections now, not at their next upgrade. */
  private takeEffect(actor: UserRecord, before: UserRecord, after: UserRecord, handedOver: string[]): void {
    const { live, log } = this.deps
    const by = actor.id
    if (after.deactivatedAt && !before.deactivatedAt) {
      log.info('account deactivated', { user: after.id, by })
      live.personDeactivated(after.id)
      for (const docId of handedOver) {
        log.info('draft handed to the organization of its deactivated only owner', { docId, user: after.id, organization: before.organization.id, by })
        live.documentChanged(docId)
      }
    }
    if (!after.deactivatedAt && before.deactivatedAt) log.info('account reactivated', { user: after.id, by })
    if (after.email !== before.email) log.info('sign-in email changed', { user: after.id, by })
    if (after.isAdmin !== before.isAdmin) log.info(after.isAdmin ? 'administrator right granted' : 'administrator right removed', { user: after.id, by })
    if (after.organization.id !== before.organization.id) {
      log.info('person moved to another organization', { user: after.id, from: before.organization.id, to: after.organization.id, by })
      live.personChanged(after.id)
    }
  }
}
