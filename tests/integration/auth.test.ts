import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { ApiError, PendingInvitation, SessionInfo } from '../../shared/api'
import { CloseCode } from '../../shared/protocol'
import { startTestServer, type TestServer, type TestServerOptions } from '../helpers/server'
import {
  acceptInvitation,
  createDocument,
  createMember,
  createOrganization,
  invite,
  SECRETARIAT,
  setupAdmin,
  signIn,
  TEST_PASSWORD,
  uniqueEmail,
  type Account,
} from '../helpers/accounts'
import { connectClient, waitClosedWith } from '../helpers/clients'
import { hashPassword, verifyPassword } from '../../server/auth/passwords'
import { waitFor } from '../helpers/waitFor'

const JSON_HEADERS = { 'Content-Type': 'application/json' }
const errorCode = async (res: Response) => ((await res.json()) as ApiError).error.code
const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify(body) })

describe('accounts and sessions', () => {
  const servers: TestServer[] = []
  const start = async (options: TestServerOptions = {}) => {
    const server = await startTestServer(options)
    servers.push(server)
    return server
  }
  afterAll(async () => {
    for (const s of servers) await s.close()
  })

  it('a fresh installation needs its first administrator; setup works once', async () => {
    const server = await start()
    const before = (await (await fetch(`${server.url}/api/auth/session`)).json()) as SessionInfo
    expect(before).toEqual({ user: null, needsSetup: true, csrfToken: null })

    const admin = await setupAdmin(server.url, { displayName: 'Ada Admin' })
    expect(admin.user).toMatchObject({ displayName: 'Ada Admin', isAdmin: true, organization: { name: 'Secretariat', shortName: 'SEC' } })
    const after = (await (await admin.api('/api/auth/session')).json()) as SessionInfo
    expect(after).toEqual({ user: admin.user, needsSetup: false, csrfToken: admin.csrfToken })
    expect(((await (await fetch(`${server.url}/api/auth/session`)).json()) as SessionInfo).needsSetup).toBe(false)

    const again = await post(`${server.url}/api/auth/setup`, {
      email: uniqueEmail(),
      password: TEST_PASSWORD,
      displayName: 'Eve',
      organization: SECRETARIAT,
    })
    expect(again.status).toBe(409)
    expect(await errorCode(again)).toBe('setup_already_done')
  })

  it('the first administrator owns the seeded sample draft', async () => {
    const server = await start({ seed: true })
    const admin = await setupAdmin(server.url)
    const list = await admin.json<{ title: string; role: string }[]>('/api/documents')
    expect(list).toEqual([expect.objectContaining({ title: 'Model Law On Combating Human Trafficking', role: 'owner' })])
  })

  it('sets an HttpOnly, SameSite=Lax session cookie; Secure only over HTTPS behind a trusted proxy', async () => {
    const plain = await start()
    const setup = await post(`${plain.url}/api/auth/setup`, {
      email: uniqueEmail(),
      password: TEST_PASSWORD,
      displayName: 'Ada',
      organization: SECRETARIAT,
    })
    const cookie = setup.headers.getSetCookie().find((c) => c.startsWith('accord_session='))!
    expect(cookie).toMatch(/; HttpOnly/)
    expect(cookie).toMatch(/; SameSite=Lax/)
    expect(cookie).toMatch(/; Path=\//)
    expect(cookie).not.toMatch(/Secure/)
    // X-Forwarded-Proto is ignored unless the proxy is trusted.
    const email = ((await setup.json()) as SessionInfo).user!.email
    const spoofed = await post(`${plain.url}/api/auth/sign-in`, { email, password: TEST_PASSWORD }, { 'X-Forwarded-Proto': 'https' })
    expect(spoofed.headers.getSetCookie().join()).not.toMatch(/Secure/)

    const proxied = await start({ config: { trustProxy: true } })
    const admin = await setupAdmin(proxied.url)
    const https = await post(`${proxied.url}/api/auth/sign-in`, { email: admin.email, password: TEST_PASSWORD }, { 'X-Forwarded-Proto': 'https' })
    expect(https.status).toBe(200)
    expect(https.headers.getSetCookie().find((c) => c.startsWith('accord_session='))).toMatch(/; Secure/)
  })

  it('wrong email and wrong password fail alike with 401 invalid_credentials', async () => {
    const server = await start()
    const admin = await setupAdmin(server.url)
    const wrongPassword = await post(`${server.url}/api/auth/sign-in`, { email: admin.email, password: 'not the password' })
    const wrongEmail = await post(`${server.url}/api/auth/sign-in`, { email: uniqueEmail('nobody'), password: TEST_PASSWORD })
    for (const res of [wrongPassword, wrongEmail]) {
      expect(res.status).toBe(401)
      expect(res.headers.getSetCookie()).toEqual([])
    }
    expect(await wrongPassword.json()).toEqual(await wrongEmail.json())
    // Emails are case-insensitive.
    const signedIn = await signIn(server.url, admin.email.toUpperCase())
    expect(signedIn.user.id).toBe(admin.user.id)
  })

  it('signing out ends the session and clears the cookie', async () => {
    const server = await start()
    const admin = await setupAdmin(server.url)
    const out = await admin.api('/api/auth/sign-out', { method: 'POST' })
    expect(out.status).toBe(204)
    expect(out.headers.getSetCookie().find((c) => c.startsWith('accord_session='))).toMatch(/^accord_session=;.*Max-Age=0/)
    expect((await admin.api('/api/documents')).status).toBe(401)
    expect(((await (await admin.api('/api/auth/session')).json()) as SessionInfo).user).toBeNull()
    // Signing out without a session is harmless.
    expect((await fetch(`${server.url}/api/auth/sign-out`, { method: 'POST' })).status).toBe(204)
  })

  it('a session in use slides; an unused one expires and counts as none, over HTTP and WebSocket', async () => {
    const ttl = 500
    const server = await start({ config: { sessionTtlMs: ttl } })
    const admin = await setupAdmin(server.url)
    const { id } = await createDocument(admin)
    // Used every 50 ms for two lifetimes: still signed in (each use may push the expiry back).
    const until = Date.now() + 2 * ttl
    while (Date.now() < until) {
      expect((await admin.api('/api/documents')).status).toBe(200)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    // Then left alone for longer than a lifetime.
    const lastUse = Date.now()
    await waitFor(() => Date.now() > lastUse + ttl + 50)
    expect(((await (await admin.api('/api/auth/session')).json()) as SessionInfo).user).toBeNull()
    expect((await admin.api('/api/documents')).status).toBe(401)
    const client = connectClient(server.wsUrl, id, { cookie: admin.cookie })
    try {
      await waitClosedWith(client, CloseCode.unauthorized)
    } finally {
      client.destroy()
    }
  })
})

describe('CSRF protection', () => {
  let server: TestServer
  let admin: Account
  beforeAll(async () => {
    server = await startTestServer()
    admin = await setupAdmin(server.url)
  })
  afterAll(async () => {
    await server?.close()
  })

  it('refuses a state-changing request without the session’s CSRF token (403), accepts it with', async () => {
    const body = JSON.stringify({ title: 'CSRF' })
    const cookieOnly = (method: string, path: string, headers: Record<string, string> = {}) =>
      fetch(`${server.url}${path}`, { method, headers: { ...JSON_HEADERS, Cookie: admin.cookie, ...headers }, body })
    for (const headers of [{}, { 'x-csrf-token': 'wrong' }, { 'x-csrf-token': '' }] as Record<string, string>[]) {
      const res = await cookieOnly('POST', '/api/documents', headers)
      expect(res.status).toBe(403)
      expect(await errorCode(res)).toBe('csrf_token_invalid')
    }
    const ok = await cookieOnly('POST', '/api/documents', { 'x-csrf-token': admin.csrfToken })
    expect(ok.status).toBe(201)
    const { id } = (await ok.json()) as { id: string }
    for (const [method, path] of [
      ['PATCH', `/api/documents/${id}`],
      ['DELETE', `/api/documents/${id}`],
      ['POST', '/api/organizations'],
      ['POST', '/api/invitations'],
      ['POST', '/api/auth/sign-out'],
    ]) {
      const res = await cookieOnly(method, path)
      expect(res.status, `${method} ${path}`).toBe(403)
      expect(await errorCode(res)).toBe('csrf_token_invalid')
    }
    // Reading needs no token.
    expect((await fetch(`${server.url}/api/documents/${id}`, { headers: { Cookie: admin.cookie } })).status).toBe(200)
    // Another session's token does not do.
    const other = await signIn(server.url, admin.email)
    expect((await cookieOnly('DELETE', `/api/documents/${id}`, { 'x-csrf-token': other.csrfToken })).status).toBe(403)
    expect((await cookieOnly('DELETE', `/api/documents/${id}`, { 'x-csrf-token': admin.csrfToken })).status).toBe(204)
  })

  it('pre-session endpoints need a JSON body and, with an Origin, our own', async () => {
    const form = await fetch(`${server.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `email=${encodeURIComponent(admin.email)}&password=${encodeURIComponent(TEST_PASSWORD)}`,
    })
    expect(form.status).toBe(415)
    const crossSite = await post(`${server.url}/api/auth/sign-in`, { email: admin.email, password: TEST_PASSWORD }, { Origin: 'https://evil.example' })
    expect(crossSite.status).toBe(403)
    expect(await errorCode(crossSite)).toBe('csrf_token_invalid')
    const sameSite = await post(`${server.url}/api/auth/sign-in`, { email: admin.email, password: TEST_PASSWORD }, { Origin: server.url })
    expect(sameSite.status).toBe(200)
  })

  it('refuses a cross-site WebSocket even with a valid cookie', async () => {
    const { id } = await createDocument(admin)
    const { default: WebSocket } = await import('ws')
    const ws = new WebSocket(`${server.wsUrl}/${id}`, { headers: { Cookie: admin.cookie }, origin: 'https://evil.example' })
    ws.on('error', () => {})
    const code = await new Promise<number>((resolve) => ws.once('close', (c) => resolve(c)))
    expect(code).toBe(CloseCode.forbidden)
  })
})

describe('organizations, people and invitations', () => {
  let server: TestServer
  let admin: Account
  const servers: TestServer[] = []
  beforeAll(async () => {
    server = await startTestServer()
    admin = await setupAdmin(server.url)
  })
  afterEach(async () => {
    for (const s of servers.splice(0)) await s.close()
  })
  afterAll(async () => {
    await server?.close()
  })

  it('an invitation link is single-use and creates the person in its organization', async () => {
    const org = await createOrganization(admin, { name: 'Ministry of Justice', shortName: 'MoJ', color: '#8a2be2' })
    const email = uniqueEmail('boris')
    const invitation = await invite(admin, { email, organizationId: org.id })
    expect(invitation.url).toBe(`${server.url}/invite/${invitation.token}`)
    expect(invitation.token).toMatch(/^[A-Za-z0-9_-]{43}$/)

    const info = await fetch(`${server.url}/api/invitations/${invitation.token}`)
    expect(info.status).toBe(200)
    expect(await info.json()).toEqual({ email, organization: org, expiresAt: invitation.expiresAt })
    const pending = await admin.json<PendingInvitation[]>('/api/invitations')
    expect(pending.map((p) => p.id)).toContain(invitation.id)

    const boris = await acceptInvitation(server.url, invitation, { displayName: 'Boris' })
    expect(boris.user).toMatchObject({ email, displayName: 'Boris', isAdmin: false, organization: org })
    expect((await signIn(server.url, email)).user.id).toBe(boris.user.id)

    // Used up: neither readable nor acceptable again.
    const reread = await fetch(`${server.url}/api/invitations/${invitation.token}`)
    expect(reread.status).toBe(410)
    expect(await errorCode(reread)).toBe('invitation_used')
    const twice = await post(`${server.url}/api/invitations/${invitation.token}/accept`, { displayName: 'Mallory', password: TEST_PASSWORD })
    expect(twice.status).toBe(410)
    expect(await errorCode(twice)).toBe('invitation_used')
    expect((await admin.json<PendingInvitation[]>('/api/invitations')).map((p) => p.id)).not.toContain(invitation.id)
  })

  it('a second invitation for an address replaces the one pending: the first link is refused, and none is left once the person has an account', async () => {
    const email = uniqueEmail('twice')
    const first = await invite(admin, { email, organizationId: admin.user.organization.id })
    expect(first.replaced).toBe(0)
    const second = await invite(admin, { email: email.toUpperCase(), organizationId: admin.user.organization.id })
    expect(second.replaced).toBe(1)
    const forEmail = async () => (await admin.json<PendingInvitation[]>('/api/invitations')).filter((p) => p.email.toLowerCase() === email)
    expect((await forEmail()).map((p) => p.id)).toEqual([second.id])
    expect((await fetch(`${server.url}/api/invitations/${first.token}`)).status).toBe(404)
    await acceptInvitation(server.url, second, { displayName: 'Twice' })
    expect(await forEmail()).toEqual([])
  })

  it('accepting the same link twice at once creates one account', async () => {
    const invitation = await invite(admin, { organizationId: admin.user.organization.id })
    const attempts = await Promise.all(
      [1, 2, 3].map((n) => post(`${server.url}/api/invitations/${invitation.token}/accept`, { displayName: `Twin ${n}`, password: TEST_PASSWORD })),
    )
    expect(attempts.map((r) => r.status).sort()).toEqual([201, 410, 410])
  })

  it('a wrong or malformed token is 404 invitation_invalid', async () => {
    for (const token of ['A'.repeat(43), 'short', '..%2F..']) {
      const info = await fetch(`${server.url}/api/invitations/${token}`)
      expect(info.status).toBe(404)
      expect(await errorCode(info)).toBe('invitation_invalid')
      const accept = await post(`${server.url}/api/invitations/${token}/accept`, { displayName: 'X', password: TEST_PASSWORD })
      expect(accept.status).toBe(404)
      expect(await errorCode(accept)).toBe('invitation_invalid')
    }
  })

  it('an expired invitation is 410 invitation_expired', async () => {
    const short = await startTestServer({ config: { invitationTtlMs: 1 } })
    servers.push(short)
    const shortAdmin = await setupAdmin(short.url)
    const invitation = await invite(shortAdmin, { organizationId: shortAdmin.user.organization.id })
    await waitFor(() => Date.now() > Date.parse(invitation.expiresAt))
    const info = await fetch(`${short.url}/api/invitations/${invitation.token}`)
    expect(info.status).toBe(410)
    expect(await errorCode(info)).toBe('invitation_expired')
    const accept = await post(`${short.url}/api/invitations/${invitation.token}/accept`, { displayName: 'Late', password: TEST_PASSWORD })
    expect(accept.status).toBe(410)
    expect(await errorCode(accept)).toBe('invitation_expired')
  })

  it('a revoked invitation no longer works; an existing email cannot be invited', async () => {
    const invitation = await invite(admin, { organizationId: admin.user.organization.id })
    expect((await admin.api(`/api/invitations/${invitation.id}`, { method: 'DELETE' })).status).toBe(204)
    expect((await fetch(`${server.url}/api/invitations/${invitation.token}`)).status).toBe(404)
    const taken = await admin.api('/api/invitations', {
      method: 'POST',
      body: JSON.stringify({ email: admin.email, organizationId: admin.user.organization.id }),
    })
    expect(taken.status).toBe(409)
    expect(await errorCode(taken)).toBe('email_taken')
  })

  it('refuses a name or short name another organization has, whatever its case, saying which field', async () => {
    const health = await createOrganization(admin, { name: 'Ministry of Health', shortName: 'MoH' })
    const interior = await createOrganization(admin, { name: 'Министерство внутренних дел', shortName: 'МВД' })
    const refused = async (res: Response, fields: string[]) => {
      expect(res.status).toBe(409)
      const { error } = (await res.json()) as ApiError
      expect(error.code).toBe('validation_failed')
      expect(error.details).toEqual(fields.map((path) => expect.objectContaining({ path, problem: 'taken' })))
      expect(error.message).toContain('another organization has this')
    }
    const body = (input: object) => ({ method: 'POST', body: JSON.stringify({ color: '#123456', ...input }) })
    await refused(await admin.api('/api/organizations', body({ name: 'Ministry of Hope', shortName: 'moh' })), ['shortName'])
    await refused(await admin.api('/api/organizations', body({ name: 'МИНИСТЕРСТВО  внутренних дел', shortName: 'мвд' })), ['name', 'shortName'])
    // Changing one into another's name is refused too; keeping its own names (any case) is not.
    await refused(await admin.api(`/api/organizations/${health.id}`, { method: 'PATCH', body: JSON.stringify({ shortName: 'Мвд' }) }), ['shortName'])
    const recoloured = await admin.json<{ shortName: string }>(`/api/organizations/${interior.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ name: 'Министерство внутренних дел', shortName: 'мвд', color: '#654321' }),
    })
    expect(recoloured.shortName).toBe('мвд')
    const names = (await admin.json<{ shortName: string }[]>('/api/organizations')).map((o) => o.shortName.toLowerCase())
    expect(names.filter((n) => n === 'moh')).toHaveLength(1)
    expect(names.filter((n) => n === 'мвд')).toHaveLength(1)
  })

  it('only administrators manage organizations and invitations; everyone signed in sees people', async () => {
    const member = await createMember(admin, admin.user.organization.id, 'Plain Member')
    for (const [method, path, body] of [
      ['POST', '/api/organizations', { name: 'X', shortName: 'X', color: '#000000' }],
      ['PATCH', `/api/organizations/${admin.user.organization.id}`, { name: 'Hijacked' }],
      ['POST', '/api/invitations', { email: uniqueEmail(), organizationId: admin.user.organization.id }],
      ['GET', '/api/invitations', undefined],
    ] as const) {
      const res = await member.api(path, { method, body: body === undefined ? undefined : JSON.stringify(body) })
      expect(res.status, `${method} ${path}`).toBe(403)
      expect(await errorCode(res)).toBe('forbidden')
    }
    const people = await member.json<{ id: string; displayName: string }[]>('/api/users')
    expect(people.map((p) => p.displayName)).toEqual(expect.arrayContaining(['Ada Admin', 'Plain Member']))
    expect(JSON.stringify(people)).not.toMatch(/password|hash|email/i)
    expect((await fetch(`${server.url}/api/users`)).status).toBe(401)
    expect((await member.json<{ id: string }[]>('/api/organizations')).length).toBeGreaterThan(0)

    const renamed = await admin.json<{ name: string; shortName: string }>(`/api/organizations/${admin.user.organization.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ name: 'Secretariat', shortName: 'SEC', color: '#1f5fa8' }),
    })
    expect(renamed).toMatchObject({ name: 'Secretariat', shortName: 'SEC' })
  })
})

describe('sign-in throttling', () => {
  const servers: TestServer[] = []
  afterEach(async () => {
    for (const s of servers.splice(0)) await s.close()
  })
  const wrong = (server: TestServer, email: string) => post(`${server.url}/api/auth/sign-in`, { email, password: 'wrong password!' })

  it('blocks an account after repeated wrong passwords (429 + Retry-After), even with the right one', async () => {
    const server = await startTestServer()
    servers.push(server)
    const admin = await setupAdmin(server.url)
    const other = await createMember(admin, admin.user.organization.id, 'Other')
    // A success resets the account's count.
    for (let i = 0; i < 4; i++) expect((await wrong(server, admin.email)).status).toBe(401)
    await signIn(server.url, admin.email)
    for (let i = 0; i < 5; i++) expect((await wrong(server, admin.email)).status).toBe(401)

    const blocked = await post(`${server.url}/api/auth/sign-in`, { email: admin.email, password: TEST_PASSWORD })
    expect(blocked.status).toBe(429)
    expect(await errorCode(blocked)).toBe('too_many_attempts')
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0)
    // Another account from the same address is not affected.
    expect((await signIn(server.url, other.email)).user.id).toBe(other.user.id)
  })

  it('blocks an address after many failures across accounts', async () => {
    const server = await startTestServer({ config: { signInMaxPerAddress: 8 } })
    servers.push(server)
    const admin = await setupAdmin(server.url)
    for (let i = 0; i < 8; i++) expect((await wrong(server, uniqueEmail('guess'))).status).toBe(401)
    const blocked = await post(`${server.url}/api/auth/sign-in`, { email: admin.email, password: TEST_PASSWORD })
    expect(blocked.status).toBe(429)
    expect(await errorCode(blocked)).toBe('too_many_attempts')
  })

  it('counts the forwarded address only behind a trusted proxy', async () => {
    const server = await startTestServer({ config: { signInMaxPerAddress: 3, trustProxy: true } })
    servers.push(server)
    const admin = await setupAdmin(server.url)
    const from = (ip: string, email: string, password: string) =>
      post(`${server.url}/api/auth/sign-in`, { email, password }, { 'X-Forwarded-For': ip })
    for (let i = 0; i < 3; i++) expect((await from('203.0.113.7', uniqueEmail(), 'wrong password!')).status).toBe(401)
    expect((await from('203.0.113.7', admin.email, TEST_PASSWORD)).status).toBe(429)
    expect((await from('198.51.100.1', admin.email, TEST_PASSWORD)).status).toBe(200)
  })
})

describe('password hashing', () => {
  it('defaults to scrypt N=2^15, r=8, p=3 with a 16-byte salt and 64-byte key; verifies by the stored parameters', async () => {
    const sound = await hashPassword('a long enough password')
    const [scheme, params, salt, key] = sound.split('$')
    expect([scheme, params]).toEqual(['scrypt', 'ln=15,r=8,p=3'])
    expect(Buffer.from(salt, 'base64')).toHaveLength(16)
    expect(Buffer.from(key, 'base64')).toHaveLength(64)
    expect(await verifyPassword('a long enough password', sound)).toBe(true)
    expect(await verifyPassword('a long enough passworD', sound)).toBe(false)
    // A hash made at another cost still verifies: the parameters travel with it.
    const cheap = await hashPassword('a long enough password', 10)
    expect(cheap).toMatch(/^scrypt\$ln=10,r=8,p=3\$/)
    expect(await verifyPassword('a long enough password', cheap)).toBe(true)
    expect(await verifyPassword('anything', 'not a hash')).toBe(false)
  })
})
