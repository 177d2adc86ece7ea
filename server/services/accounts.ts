import { ErrorCode, type OrganizationInput } from '../../shared/api'
import type { Db } from '../db/connection'
import type { AccessRepo } from '../db/accessRepo'
import type { OrganizationsRepo } from '../db/organizationsRepo'
import type { ValidationIssue } from '../../shared/validation'
import type { UserRecord, UsersRepo } from '../db/usersRepo'
import { dummyHash, hashPassword, verifyPassword } from '../auth/passwords'
import { Throttle } from '../auth/throttle'
import { HttpError } from '../errors'
import type { Logger } from '../logger'

export interface AccountsDeps {
  db: Db
  users: UsersRepo
  organizations: OrganizationsRepo
  access: AccessRepo
  log: Logger
  passwordCost: number
  signInMaxPerAccount: number
  signInMaxPerAddress: number
  signInWindowMs: number
}

/** A new administrator and the organization they belong to (created, or found by name). */
export interface NewAdmin {
  email: string
  password: string
  displayName: string
  organization: OrganizationInput
}

/** 409 'taken', as POST /api/organizations answers, naming the organization that has each name. */
function refuseTakenOrganizationNames(organizations: OrganizationsRepo, input: OrganizationInput): void {
  const clashes = organizations.clashingOrganizations(input)
  if (clashes.length === 0) return
  const details: ValidationIssue[] = clashes.map(({ field, org }) => ({
    path: field,
    problem: 'taken',
    message: `another organization has this ${field === 'name' ? 'name' : 'short name'}: "${org.name}" [${org.shortName}]`,
  }))
  throw new HttpError(409, ErrorCode.validation, details.map((d) => d.message).join('; '), details)
}

/** The right password (or a reset link) of a deactivated account: said only to whoever holds it. */
export const accountDeactivated = (status = 403) =>
  new HttpError(status, ErrorCode.accountDeactivated, 'this account has been deactivated by an administrator')

const invalidCredentials = () => new HttpError(401, ErrorCode.invalidCredentials, 'wrong email or password')

/** SQLite's unique constraint on users.email. */
function isEmailTaken(err: unknown): boolean {
  const e = err as { code?: string; message?: string }
  return e?.code === 'SQLITE_CONSTRAINT_UNIQUE' && (e.message ?? '').includes('users.email')
}

export const emailTaken = () => new HttpError(409, ErrorCode.emailTaken, 'an account with this email exists')

/** Runs a write that gives a person an email: another account's address is refused as 409 email_taken. */
export function withUniqueEmail<T>(write: () => T): T {
  try {
    return write()
  } catch (err) {
    throw isEmailTaken(err) ? emailTaken() : err
  }
}

/**
 * People and their passwords: the first administrator, further administrators (CLI), signing in
 * with throttling, confirming one's password before changing it. Passwords are hashed before any
 * transaction (scrypt is slow and async).
 */
export class Accounts {
  private readonly byAccount: Throttle
  private readonly byAddress: Throttle
  private dummy: Promise<string> | undefined

  constructor(private readonly deps: AccountsDeps) {
    this.byAccount = new Throttle(deps.signInMaxPerAccount, deps.signInWindowMs)
    this.byAddress = new Throttle(deps.signInMaxPerAddress, deps.signInWindowMs)
  }

  needsSetup(): boolean {
    return this.deps.users.count() === 0
  }

  /** The first administrator of a fresh installation (only while nobody exists). */
  async setup(input: NewAdmin): Promise<UserRecord> {
    if (!this.needsSetup()) throw new HttpError(409, ErrorCode.setupDone, 'the installation is already set up')
    const hash = await hashPassword(input.password, this.deps.passwordCost)
    const { db, users, organizations } = this.deps
    const userId = db.transaction(() => {
      // Checked again inside the transaction: two concurrent setups cannot both succeed.
      if (users.count() > 0) throw new HttpError(409, ErrorCode.setupDone, 'the installation is already set up')
      const org = organizations.create(input.organization)
      const id = users.create({ email: input.email, displayName: input.displayName, passwordHash: hash, orgId: org.id, isAdmin: true })
      this.claimOwnerless(id)
      return id
    }).immediate()
    this.deps.log.info('first administrator created', { user: userId })
    return this.deps.users.get(userId)!
  }

  /**
   * An administrator created from the command line: into the organization of that name (created
   * if missing). Also owns documents nobody owns, like the first administrator.
   */
  /**
   * An administrator (the admin CLI). An organization with exactly this name is joined as it is
   * (its short name and colour kept: `joined` says so); otherwise a new one is made, unless
   * another organization has the name in another case or the short name — refused (409 'taken')
   * as the API refuses such an organization, since their chips would look alike.
   */
  async createAdmin(input: NewAdmin): Promise<{ user: UserRecord; joined: boolean }> {
    const hash = await hashPassword(input.password, this.deps.passwordCost)
    const { db, users, organizations } = this.deps
    const created = withUniqueEmail(() =>
      db.transaction(() => {
        const existing = organizations.findByName(input.organization.name)
        if (!existing) refuseTakenOrganizationNames(organizations, input.organization)
        const org = existing ?? organizations.create(input.organization)
        const id = users.create({ email: input.email, displayName: input.displayName, passwordHash: hash, orgId: org.id, isAdmin: true })
        this.claimOwnerless(id)
        return { userId: id, joined: existing !== undefined }
      }).immediate(),
    )
    this.deps.log.info('administrator created', { user: created.userId })
    return { user: this.deps.users.get(created.userId)!, joined: created.joined }
  }

  /**
   * Checks email and password. Wrong email and wrong password fail alike, in about the same
   * time (a dummy hash is verified for an unknown email). Throttled per account and per address.
   */
  async signIn(email: string, password: string, address: string): Promise<UserRecord> {
    const accountKey = email.trim().toLowerCase()
    this.refuseIfThrottled(accountKey, address, 'sign-in throttled')
    const user = this.deps.users.findByEmail(accountKey)
    const ok = user
      ? await verifyPassword(password, user.passwordHash)
      : await verifyPassword(password, await this.dummyHash()).then(() => false)
    if (!user || !ok) {
      this.failed(accountKey, address)
      this.deps.log.info('sign-in failed', { address })
      throw invalidCredentials()
    }
    this.byAccount.reset(accountKey)
    // Said only to whoever knows the password: to anyone else the account looks like any other.
    if (user.deactivatedAt) {
      this.deps.log.info('sign-in refused: account deactivated', { user: user.id })
      throw accountDeactivated()
    }
    this.deps.log.info('signed in', { user: user.id })
    return user
  }

  /**
   * A signed-in person's own password, asked again before it is changed. A wrong one counts as a
   * failed sign-in (the same throttles), so a session left open does not let anyone guess it.
   */
  async confirmPassword(user: UserRecord, password: string, address: string): Promise<void> {
    const accountKey = user.email
    this.refuseIfThrottled(accountKey, address, 'password change throttled')
    if (!(await verifyPassword(password, user.passwordHash))) {
      this.failed(accountKey, address)
      this.deps.log.info('password change refused: wrong current password', { user: user.id, address })
      throw new HttpError(403, ErrorCode.wrongPassword, 'the current password is wrong')
    }
    this.byAccount.reset(accountKey)
  }

  private refuseIfThrottled(accountKey: string, address: string, what: string): void {
    const wait = Math.max(this.byAccount.retryAfter(accountKey), this.byAddress.retryAfter(address))
    if (wait <= 0) return
    this.deps.log.warn(what, { address })
    throw new HttpError(429, ErrorCode.tooManyAttempts, 'too many failed sign-ins; try again later', undefined, {
      'Retry-After': String(wait),
    })
  }

  private failed(accountKey: string, address: string): void {
    this.byAccount.fail(accountKey)
    this.byAddress.fail(address)
  }

  private dummyHash(): Promise<string> {
    this.dummy ??= dummyHash(this.deps.passwordCost)
    return this.dummy
  }

  /** Inside the caller's transaction: `userId` owns every document without an owner. */
  private claimOwnerless(userId: string): void {
    for (const docId of this.deps.access.ownerlessDocuments()) {
      this.deps.access.put(docId, { type: 'user', id: userId }, 'owner', userId)
    }
  }
}
