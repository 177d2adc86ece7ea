import {
  ErrorCode,
  type InvitationCreated,
  type InvitationInfo,
  type OrganizationSummary,
  type PendingInvitation,
} from '../../shared/api'
import type { Db } from '../db/connection'
import type { InvitationRow, InvitationsRepo } from '../db/invitationsRepo'
import type { OrganizationsRepo } from '../db/organizationsRepo'
import type { UserRecord, UsersRepo } from '../db/usersRepo'
import { hashPassword } from '../auth/passwords'
import { newLink, usableLink } from '../auth/oneTimeLinks'
import { HttpError } from '../errors'
import type { Logger } from '../logger'
import { emailTaken, withUniqueEmail } from './accounts'

export interface InvitationsDeps {
  db: Db
  invitations: InvitationsRepo
  users: UsersRepo
  organizations: OrganizationsRepo
  log: Logger
  passwordCost: number
  invitationTtlMs: number
}

const used = () => new HttpError(410, ErrorCode.invitationUsed, 'this invitation has been used')
const refusals = {
  invalid: () => new HttpError(404, ErrorCode.invitationInvalid, 'no such invitation'),
  expired: () => new HttpError(410, ErrorCode.invitationExpired, 'this invitation has expired'),
  used,
}

/**
 * One-time invitation links: an administrator invites an email into an organization; the link
 * holds a random token of which only the hash is stored; accepting it creates the account and
 * uses the invitation up in the same transaction.
 */
export class Invitations {
  constructor(private readonly deps: InvitationsDeps) {}

  create(
    actor: UserRecord,
    input: { email: string; organizationId: string; isAdmin: boolean },
    baseUrl: string,
    now = Date.now(),
  ): InvitationCreated {
    const organization = this.deps.organizations.get(input.organizationId)
    if (!organization) throw new HttpError(404, ErrorCode.notFound, 'no such organization')
    if (this.deps.users.findByEmail(input.email)) throw emailTaken()
    const link = newLink(baseUrl, 'invite', this.deps.invitationTtlMs, now)
    // A new link for the address replaces any still pending: two live links, one used, left the other listed as valid.
    const replaced = this.deps.invitations.deletePendingFor(input.email)
    this.deps.invitations.create({
      id: link.id,
      token_hash: link.tokenHash,
      email: input.email,
      org_id: organization.id,
      is_admin: input.isAdmin ? 1 : 0,
      created_by: actor.id,
      created_at: link.createdAt,
      expires_at: link.expiresAt,
    })
    this.deps.log.info('invitation created', { invitation: link.id, by: actor.id, org: organization.id, replaced })
    return { id: link.id, url: link.url, email: input.email, organization, expiresAt: link.expiresAt, replaced }
  }

  pending(now = Date.now()): PendingInvitation[] {
    return this.deps.invitations.pending(new Date(now).toISOString()).map((row) => ({
      id: row.id,
      email: row.email,
      organization: this.organizationOf(row),
      isAdmin: row.is_admin === 1,
      expiresAt: row.expires_at,
      createdAt: row.created_at,
    }))
  }

  revoke(id: string): void {
    if (!this.deps.invitations.delete(id)) throw new HttpError(404, ErrorCode.notFound, 'no such invitation')
    this.deps.log.info('invitation revoked', { invitation: id })
  }

  /** What a link is for; 404 / 410 when it cannot be used. */
  info(token: string, now = Date.now()): InvitationInfo {
    const row = this.usable(token, now)
    return { email: row.email, organization: this.organizationOf(row), expiresAt: row.expires_at }
  }

  /** Creates the invited person's account; the invitation is used up in the same transaction. */
  async accept(token: string, input: { displayName: string; password: string }, now = Date.now()): Promise<UserRecord> {
    this.usable(token, now) // fail fast, before the slow hash
    const hash = await hashPassword(input.password, this.deps.passwordCost)
    const { db, users, invitations } = this.deps
    const userId = withUniqueEmail(() =>
      db.transaction(() => {
        const row = this.usable(token, Date.now())
        if (!invitations.markUsed(row.id, new Date().toISOString())) throw used()
        invitations.deletePendingFor(row.email) // any other link for the address is moot now
        return users.create({
          email: row.email,
          displayName: input.displayName,
          passwordHash: hash,
          orgId: row.org_id,
          isAdmin: row.is_admin === 1,
        })
      }).immediate(),
    )
    this.deps.log.info('invitation accepted', { user: userId })
    return users.get(userId)!
  }

  /** Also used up when its address has an account meanwhile (an invitation from before replacing began). */
  private usable(token: string, now: number): InvitationRow {
    const row = usableLink(token, now, (hash) => this.deps.invitations.findByTokenHash(hash), refusals)
    if (this.deps.users.findByEmail(row.email)) throw used()
    return row
  }

  private organizationOf(row: InvitationRow): OrganizationSummary {
    return this.deps.organizations.get(row.org_id) ?? { id: row.org_id, name: '', shortName: '', color: '#000000' }
  }
}
