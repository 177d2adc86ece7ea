import {
  CSRF_HEADER,
  type CreateDocumentInput,
  type DocumentSummary,
  type Grant,
  type InvitationCreated,
  type OrganizationInput,
  type OrganizationSummary,
  type PrincipalType,
  type SessionInfo,
  type UserSummary,
} from '../../shared/api'
import type { Role } from '../../shared/roles'

/** Accounts over the real HTTP API: first administrator, organizations, invitations, grants. */

export const TEST_PASSWORD = 'correct horse battery staple'

export const SESSION_COOKIE = 'accord_session'

/** A signed-in person, and fetch bound to their session. */
export interface Account {
  baseUrl: string
  user: UserSummary
  email: string
  password: string
  /** `accord_session=<token>`, ready for a Cookie header (or connectClient's `cookie`). */
  cookie: string
  csrfToken: string
  /**
   * fetch(baseUrl + path) with the session cookie; on state-changing methods also the CSRF
   * header; a string body is sent as JSON.
   */
  api(path: string, init?: RequestInit): Promise<Response>
  /** api() that expects 2xx and returns the parsed JSON body (undefined for 204). */
  json<T>(path: string, init?: RequestInit): Promise<T>
}

let counter = 0
/** A fresh, unique email address. */
export function uniqueEmail(name = 'person'): string {
  return `${name.toLowerCase().replace(/[^a-z0-9]+/g, '.')}.${Date.now().toString(36)}${(++counter).toString(36)}@example.org`
}

const jsonInit = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
})

async function expectOk(res: Response, what: string): Promise<void> {
  if (!res.ok) throw new Error(`${what} failed: ${res.status} ${await res.text()}`)
}

/** The session cookie (name=value) a response set. */
export function sessionCookieOf(res: Response): string {
  for (const header of res.headers.getSetCookie()) {
    const [pair] = header.split(';')
    if (pair.startsWith(`${SESSION_COOKIE}=`) && pair.length > SESSION_COOKIE.length + 1) return pair
  }
  throw new Error(`no ${SESSION_COOKIE} cookie in the response`)
}

/** Binds an account to the session a response (setup, sign-in, accept) just started. */
export async function accountFrom(baseUrl: string, res: Response, email: string, password: string): Promise<Account> {
  await expectOk(res, 'starting a session')
  const info = (await res.json()) as SessionInfo
  if (!info.user || !info.csrfToken) throw new Error('no session in the response')
  return bindAccount(baseUrl, { user: info.user, email, password, cookie: sessionCookieOf(res), csrfToken: info.csrfToken })
}

export function bindAccount(
  baseUrl: string,
  session: { user: UserSummary; email: string; password: string; cookie: string; csrfToken: string },
): Account {
  const api = (path: string, init: RequestInit = {}) => {
    const method = (init.method ?? 'GET').toUpperCase()
    const headers = new Headers(init.headers)
    headers.set('Cookie', session.cookie)
    if (!['GET', 'HEAD'].includes(method) && !headers.has(CSRF_HEADER)) headers.set(CSRF_HEADER, session.csrfToken)
    if (typeof init.body === 'string' && !headers.has('Content-Type')) headers.set('Content-Type', 'application/json')
    return fetch(`${baseUrl}${path}`, { ...init, method, headers })
  }
  const json = async <T>(path: string, init?: RequestInit): Promise<T> => {
    const res = await api(path, init)
    await expectOk(res, `${init?.method ?? 'GET'} ${path}`)
    return (res.status === 204 ? undefined : await res.json()) as T
  }
  return { baseUrl, ...session, api, json }
}

export interface SetupOptions {
  email?: string
  password?: string
  displayName?: string
  organization?: OrganizationInput
}

export const SECRETARIAT: OrganizationInput = { name: 'Secretariat', shortName: 'SEC', color: '#1f5fa8' }

/** The first administrator of a fresh server (POST /api/auth/setup), signed in. */
export async function setupAdmin(baseUrl: string, options: SetupOptions = {}): Promise<Account> {
  const email = options.email ?? uniqueEmail('admin')
  const password = options.password ?? TEST_PASSWORD
  const res = await fetch(
    `${baseUrl}/api/auth/setup`,
    jsonInit('POST', {
      email,
      password,
      displayName: options.displayName ?? 'Ada Admin',
      organization: options.organization ?? SECRETARIAT,
    }),
  )
  return accountFrom(baseUrl, res, email, password)
}

export async function signIn(baseUrl: string, email: string, password = TEST_PASSWORD): Promise<Account> {
  const res = await fetch(`${baseUrl}/api/auth/sign-in`, jsonInit('POST', { email, password }))
  return accountFrom(baseUrl, res, email, password)
}

export async function signOut(account: Account): Promise<void> {
  await account.json('/api/auth/sign-out', { method: 'POST' })
}

let orgCounter = 0
/** An organization (administrators only); name, short name and colour default to unique ones. */
export async function createOrganization(admin: Account, input: Partial<OrganizationInput> = {}): Promise<OrganizationSummary> {
  const n = ++orgCounter
  return admin.json<OrganizationSummary>('/api/organizations', {
    method: 'POST',
    body: JSON.stringify({ name: `Ministry ${n}`, shortName: `MIN${n}`, color: '#2a7d4f', ...input }),
  })
}

/** An invitation, with the token taken from its link. */
export async function invite(
  admin: Account,
  input: { email?: string; organizationId: string; isAdmin?: boolean },
): Promise<InvitationCreated & { token: string }> {
  const created = await admin.json<InvitationCreated>('/api/invitations', {
    method: 'POST',
    body: JSON.stringify({ email: input.email ?? uniqueEmail('invitee'), organizationId: input.organizationId, isAdmin: input.isAdmin ?? false }),
  })
  const token = created.url.split('/invite/')[1]
  if (!token) throw new Error(`unexpected invitation url ${created.url}`)
  return { ...created, token }
}

/** Accepts an invitation link as a new person (POST /api/invitations/:token/accept), signed in. */
export async function acceptInvitation(
  baseUrl: string,
  invitation: { token: string; email: string },
  input: { displayName?: string; password?: string } = {},
): Promise<Account> {
  const password = input.password ?? TEST_PASSWORD
  const res = await fetch(
    `${baseUrl}/api/invitations/${invitation.token}/accept`,
    jsonInit('POST', { displayName: input.displayName ?? 'Invited Person', password }),
  )
  return accountFrom(baseUrl, res, invitation.email, password)
}

/** A new member of `organizationId`: invited by `admin`, accepted, signed in. */
export async function createMember(admin: Account, organizationId: string, displayName = 'Member'): Promise<Account> {
  const invitation = await invite(admin, { email: uniqueEmail(displayName), organizationId })
  return acceptInvitation(admin.baseUrl, invitation, { displayName })
}

/** Creates a document as `account` (who becomes its owner). */
export async function createDocument(account: Account, input: Partial<CreateDocumentInput> = {}): Promise<DocumentSummary> {
  return account.json<DocumentSummary>('/api/documents', { method: 'POST', body: JSON.stringify({ title: 'Test law', ...input }) })
}

/** PUT /api/documents/:id/access as `owner`. */
export async function grant(
  owner: Account,
  docId: string,
  principal: { type: PrincipalType; id: string },
  role: Role,
): Promise<Grant[]> {
  return owner.json<Grant[]>(`/api/documents/${docId}/access`, {
    method: 'PUT',
    body: JSON.stringify({ principalType: principal.type, principalId: principal.id, role }),
  })
}

/** DELETE /api/documents/:id/access/:type/:id as `owner`. */
export async function revoke(owner: Account, docId: string, principal: { type: PrincipalType; id: string }): Promise<void> {
  await owner.json(`/api/documents/${docId}/access/${principal.type}/${principal.id}`, { method: 'DELETE' })
}

/** The principal of a person, for grant()/revoke(). */
export const person = (account: Account) => ({ type: 'user' as const, id: account.user.id })
export const organization = (org: { id: string }) => ({ type: 'organization' as const, id: org.id })

/**
 * A cast for role tests: the first administrator (who owns what they create), a drafter (through
 * their organization's grant), a reviewer and an observer (personal grants, in another
 * organization) and a stranger (signed in, in an organization nothing is shared with).
 */
export interface Cast {
  owner: Account
  drafter: Account
  reviewer: Account
  observer: Account
  stranger: Account
  justice: OrganizationSummary
  interior: OrganizationSummary
  health: OrganizationSummary
}

export async function createCast(baseUrl: string): Promise<Cast> {
  const owner = await setupAdmin(baseUrl)
  const justice = await createOrganization(owner, { name: 'Ministry of Justice', shortName: 'MoJ', color: '#8a2be2' })
  const interior = await createOrganization(owner, { name: 'Ministry of Interior', shortName: 'MoI', color: '#2a7d4f' })
  const health = await createOrganization(owner, { name: 'Ministry of Health', shortName: 'MoH', color: '#c0392b' })
  const [drafter, reviewer, observer, stranger] = await Promise.all([
    createMember(owner, justice.id, 'Boris Drafter'),
    createMember(owner, interior.id, 'Rita Reviewer'),
    createMember(owner, interior.id, 'Oleg Observer'),
    createMember(owner, health.id, 'Sam Stranger'),
  ])
  return { owner, drafter, reviewer, observer, stranger, justice, interior, health }
}

/** Shares `docId` (owned by cast.owner): drafter through the Ministry of Justice, reviewer and observer personally. */
export async function shareWithCast(cast: Cast, docId: string): Promise<void> {
  await grant(cast.owner, docId, organization(cast.justice), 'drafter')
  await grant(cast.owner, docId, person(cast.reviewer), 'reviewer')
  await grant(cast.owner, docId, person(cast.observer), 'observer')
}
