import { ErrorCode, type PasswordResetCreated, type PasswordResetInfo } from '../../shared/api'
import type { ValidationIssue } from '../../shared/validation'
import type { Db } from '../db/connection'
import type { PasswordResetRow, PasswordResetsRepo } from '../db/passwordResetsRepo'
import type { UserRecord, UsersRepo } from '../db/usersRepo'
import type { AuthContext, Sessions } from '../auth/sessions'
import type { LiveAccess } from '../collab/liveAccess'
import { hashPassword } from '../auth/passwords'
import { hashToken, newRowId, randomToken, TOKEN_PATTERN } from '../auth/tokens'
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
const expired = () => new HttpError(410, ErrorCode.resetLinkExpired, 'this password reset link has expired')
const used = () => new HttpError(410, ErrorCode.resetLinkUsed, 'this password reset link has been used or replaced by a newer one')

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
    const token = randomToken()
    const id = newRowId()
    const at = new Date(now).toISOString()
    const expiresAt = new Date(now + this.deps.resetTtlMs).toISOString()
    db.transaction(() => {
      resets.purgeExpired(at)
      resets.useAllOf(userId, at)
      resets.create({ id, token_hash: hashToken(token), user_id: userId, created_by: actor.id, created_at: at, expires_at: expiresAt })
    }).immediate()
    this.deps.log.info('password reset link created', { reset: id, user: userId, by: actor.id })
    return { url: `${baseUrl}/reset/${token}`, expiresAt }
  }

  /** Whose password a link sets; 404 / 410 when it cannot be used. */
  info(token: string, now = Date.now()): PasswordResetInfo {
    const { row, person } = this.usable(token, now)
    return { email: person.email, displayName: person.displayName, expiresAt: row.expires_at }
  }

  /** Sets the new password and uses the link up; every session of the person ends. */
  async reset(token: string, password: string, now = Date.now()): Promise<UserRecord> {
    const { row } = this.usable(token, now) // fail fast, before the slow hash
    const hash = await hashPassword(password, this.deps.passwordCost)
    this.deps.db.transaction(() => {
      this.usable(token, Date.now())
      if (!this.deps.resets.markUsed(row.id, new Date().toISOString())) throw used()
      this.store(row.user_id, hash, null)
    }).immediate()
    this.deps.live.sessionsEndedOf(row.user_id, null)
    this.deps.log.info('password set with a reset link', { reset: row.id, user: row.user_id })
    return this.deps.users.get(row.user_id)!
  }

  /**
   * Sets a person's password (also the admin CLI's reset-password): their unused links stop
   * working and their sessions but `keep` end.
   */
  async set(userId: string, password: string, keep: string | null = null): Promise<void> {
    const hash = await hashPassword(password, this.deps.passwordCost)
    this.deps.db.transaction(() => this.store(userId, hash, keep)).immediate()
    this.deps.live.sessionsEndedOf(userId, keep)
  }

  /** Inside the caller's transaction. */
  private store(userId: string, hash: string, keep: string | null): void {
    if (!this.deps.users.get(userId)) throw personNotFound()
    this.deps.users.setPasswordHash(userId, hash)
    this.deps.resets.useAllOf(userId, new Date().toISOString())
    this.deps.sessions.endAllOf(userId, 'password_changed', keep)
  }

  private usable(token: string, now: number): { row: PasswordResetRow; person: UserRecord } {
    const row = TOKEN_PATTERN.test(token) ? this.deps.resets.findByTokenHash(hashToken(token)) : undefined
    if (!row) throw invalid()
    if (row.used_at !== null) throw used()
    if (Date.parse(row.expires_at) <= now) throw expired()
    const person = this.deps.users.get(row.user_id)
    if (!person) throw invalid()
    // Deactivated after the link was made: the link must not let them back in.
    if (person.deactivatedAt) throw accountDeactivated()
    return { row, person }
  }
}
