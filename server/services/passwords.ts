import { ErrorCode, type PasswordResetCreated, type PasswordResetInfo } from '../../shared/api'
import type { ValidationIssue } from '../../shared/validation'
import type { Db } from '../db/connection'
import type { PasswordResetRow, PasswordResetsRepo } from '../db/passwordResetsRepo'
import type { UserRecord, UsersRepo } from '../db/usersRepo'
import type { AuthContext, Sessions } from '../auth/sessions'
import type { LiveAccess } from '../collab/liveAccess'
import { hashPassword } from '../auth/passwords'
import { newLink, usableLink } from '../auth/oneTimeLinks'
import { HttpError } from '../errors'
import type { Logger } from '../logger'
import { accountDeactivated, type Accounts } from './accounts'
import { personNotFound } from './people'

export interface PasswordsDeps {
  db: Db
  users: UsersRepo
  resets: PasswordResetsRepo
  sessions: Sessions
  accounts: Accounts
  live: LiveAccess
  log: Logger
  passwordCost: number
  resetTtlMs: number
}

const invalid = () => new HttpError(404, ErrorCode.resetLinkInvalid, 'no such password reset link')
const refusals = {
  invalid,
  expired: () => new HttpError(410, ErrorCode.resetLinkExpired, 'this password reset link has expired'),
  used: () => new HttpError(410, ErrorCode.resetLinkUsed, 'this password reset link has been used or replaced by a newer one'),
}

function samePassword(): HttpError {
  const issue: ValidationIssue = { path: 'newPassword', problem: 'same', message: 'the new password is the same as the current one' }
  return new HttpError(400, ErrorCode.validation, issue.message, [issue])
}

/**
 * Changing passwords: one's own (the current one asked again), or through a one-time link an
 * administrator makes for a person who forgot theirs. A new password ends the person's other
 * sessions, and with them their open connections: whoever knew the old one is out.
 */
export class Passwords {
  constructor(private readonly deps: PasswordsDeps) {}

  /** The signed-in person's own password; the session that changed it stays. */
  async change(auth: AuthContext, input: { currentPassword: string; newPassword: string }, address: string): Promise<void> {
    await this.deps.accounts.confirmPassword(auth.user, input.currentPassword, address)
    if (input.newPassword === input.currentPassword) throw samePassword()
    await this.set(auth.user.id, input.newPassword, auth.sessionId)
    this.deps.log.info('password changed', { user: auth.user.id })
  }

  /** A one-time link for `userId` (administrators); the person's earlier links stop working. */
  createReset(actor: UserRecord, userId: string, baseUrl: string, now = Date.now()): PasswordResetCreated {
    const { db, users, resets } = this.deps
    const person = users.get(userId)
    if (!person) throw personNotFound()
    if (person.deactivatedAt) throw accountDeactivated(409)
    const link = newLink(baseUrl, 'reset', this.deps.resetTtlMs, now)
    db.transaction(() => {
      resets.purgeExpired(link.createdAt)
      resets.useAllOf(userId, link.createdAt)
      resets.create({ id: link.id, token_hash: link.tokenHash, user_id: userId, created_by: actor.id, created_at: link.createdAt, expires_at: link.expiresAt })
    }).immediate()
    this.deps.log.info('password reset link created', { reset: link.id, user: userId, by: actor.id })
    return { url: link.url, expiresAt: link.expiresAt }
  }

  /** Whose password a link sets; 404 / 410 when it cannot be used. */
  info(token: string, now = Date.now()): PasswordResetInfo {
    const { row, person } = this.usable(token, now)
    return { email: person.email, displayName: person.displayName, expiresAt: row.expires_at }
  }

  /** Sets the new password and uses the link up (with any other of the person's); every session of the person ends. */
  async reset(token: string, password: string, now = Date.now()): Promise<UserRecord> {
    const { row } = this.usable(token, now) // fail fast, before the slow hash
    // Checked again in the write's transaction: of two uses at once, the second finds it used.
    await this.write(row.user_id, password, null, () => this.usable(token, Date.now()))
    this.deps.log.info('password set with a reset link', { reset: row.id, user: row.user_id })
    return this.deps.users.get(row.user_id)!
  }

  /**
   * Sets a person's password (also the admin CLI's reset-password): their unused links stop
   * working and their sessions but `keep` end.
   */
  set(userId: string, password: string, keep: string | null = null): Promise<void> {
    return this.write(userId, password, keep)
  }

  /** Hashes first (slow, async), then in one transaction, after `check`, stores it; then closes the ended sessions' connections. */
  private async write(userId: string, password: string, keep: string | null, check: () => void = () => undefined): Promise<void> {
    const hash = await hashPassword(password, this.deps.passwordCost)
    const { db, users, resets, sessions } = this.deps
    db.transaction(() => {
      check()
      if (!users.get(userId)) throw personNotFound()
      users.setPasswordHash(userId, hash)
      resets.useAllOf(userId, new Date().toISOString())
      sessions.endAllOf(userId, 'password_changed', keep)
    }).immediate()
    this.deps.live.sessionsEndedOf(userId, keep)
  }

  private usable(token: string, now: number): { row: PasswordResetRow; person: UserRecord } {
    const row = usableLink(token, now, (hash) => this.deps.resets.findByTokenHash(hash), refusals)
    const person = this.deps.users.get(row.user_id)
    if (!person) throw invalid()
    // Deactivated after the link was made: the link must not let them back in.
    if (person.deactivatedAt) throw accountDeactivated()
    return { row, person }
  }
}
