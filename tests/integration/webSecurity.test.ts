import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { REPO_ROOT, startTestServer, type TestServer } from '../helpers/server'
import { accountFrom, invite, setupAdmin, TEST_PASSWORD, uniqueEmail, type Account } from '../helpers/accounts'

/**
 * Every response — a page, a built asset, an API answer, an error — carries the security headers:
 * a CSP whose scripts come only from our origin (no inline script, no eval), frame-ancestors
 * 'none', nosniff. And every cookie the server sets is HttpOnly and SameSite, and Secure behind
 * HTTPS. (auth.test.ts covers the sign-in cookie in detail.)
 */

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name.toLowerCase(), values]),
  )
}

function expectSecurityHeaders(res: Response, what: string): void {
  const csp = res.headers.get('content-security-policy')
  expect(csp, what).toBeTruthy()
  const d = directives(csp!)
  const scripts = d.get('script-src') ?? d.get('default-src')!
  expect(scripts, `${what}: script-src`).toEqual(["'self'"])
  expect(d.get('default-src'), what).toEqual(["'self'"])
  expect(d.get('object-src'), what).toEqual(["'none'"])
  expect(d.get('frame-ancestors'), what).toEqual(["'none'"])
  expect(d.get('base-uri'), what).toEqual(["'self'"])
  expect(csp, what).not.toMatch(/unsafe-eval/)
  expect(res.headers.get('x-content-type-options'), what).toBe('nosniff')
  expect(res.headers.get('x-frame-options'), what).toBe('DENY')
  expect(res.headers.get('referrer-policy'), what).toBe('same-origin')
}

describe('security headers', () => {
  let server: TestServer
  let admin: Account
  beforeAll(async () => {
    server = await startTestServer()
    admin = await setupAdmin(server.url)
  })
  afterAll(async () => {
    await server?.close()
  })

  it('on a page, an asset, API answers and errors', async () => {
    const assets = fs.readdirSync(path.join(REPO_ROOT, 'dist/client/assets'))
    const script = assets.find((f) => f.endsWith('.js'))!
    const style = assets.find((f) => f.endsWith('.css'))!
    const paths = ['/', '/d/abcdefghijklmnop', '/admin', `/assets/${script}`, `/assets/${style}`, '/assets/missing.js', '/api/health', '/api/documents', '/api/nothing']
    for (const p of paths) {
      const res = await admin.api(p)
      await res.arrayBuffer()
      expectSecurityHeaders(res, p)
    }
    // A JavaScript asset is served as JavaScript (with nosniff, a browser would refuse anything else).
    const js = await fetch(`${server.url}/assets/${script}`)
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/)
    await js.arrayBuffer()
  })

  it('the app needs no inline script: every script of the page is a file of ours', async () => {
    const html = await (await fetch(server.url)).text()
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    expect(scripts.length).toBeGreaterThan(0)
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\bsrc="\/assets\/[^"]+\.js"/)
      expect(body.trim()).toBe('')
    }
    expect(html).not.toMatch(/\son[a-z]+\s*=/i) // no inline event handlers either
  })
})

describe('cookies', () => {
  const servers: TestServer[] = []
  afterAll(async () => {
    for (const s of servers) await s.close()
  })

  /** Every Set-Cookie of the session cookie a response carries. */
  const sessionCookies = (res: Response) => res.headers.getSetCookie().filter((c) => c.startsWith('accord_session='))

  it.each([
    { over: 'plain HTTP', trustProxy: false, headers: {} as Record<string, string>, secure: false },
    { over: 'HTTPS behind a trusted proxy', trustProxy: true, headers: { 'X-Forwarded-Proto': 'https' } as Record<string, string>, secure: true },
  ])('setup, sign-in, invitation and sign-out cookies over $over: HttpOnly, SameSite=Lax, Secure: $secure', async ({ trustProxy, headers, secure }) => {
    const server = await startTestServer({ config: { trustProxy } })
    servers.push(server)
    const post = (p: string, body: unknown, extra: Record<string, string> = {}) =>
      fetch(`${server.url}${p}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers, ...extra }, body: JSON.stringify(body) })
    const email = uniqueEmail('admin')
    const setup = await post('/api/auth/setup', { email, password: TEST_PASSWORD, displayName: 'Ada', organization: { name: 'Sec', shortName: 'SEC', color: '#123456' } })
    const signIn = await post('/api/auth/sign-in', { email, password: TEST_PASSWORD })
    const admin = await accountFrom(server.url, setup.clone(), email, TEST_PASSWORD)
    const org = (await admin.json<{ id: string }[]>('/api/organizations'))[0]
    const invitation = await invite(admin, { organizationId: org.id })
    const accept = await post(`/api/invitations/${invitation.token}/accept`, { displayName: 'New', password: TEST_PASSWORD })
    const cookie = sessionCookies(accept)[0].split(';')[0]
    const csrf = ((await accept.clone().json()) as { csrfToken: string }).csrfToken
    const signOut = await post('/api/auth/sign-out', {}, { Cookie: cookie, 'X-CSRF-Token': csrf })
    expect(signOut.status).toBe(204)
    for (const [what, res] of [['setup', setup], ['sign-in', signIn], ['accept', accept], ['sign-out', signOut]] as const) {
      const cookies = sessionCookies(res)
      expect(cookies, what).toHaveLength(1)
      expect(cookies[0], what).toMatch(/; HttpOnly(;|$)/)
      expect(cookies[0], what).toMatch(/; SameSite=Lax(;|$)/)
      expect(cookies[0], what).toMatch(/; Path=\/(;|$)/)
      if (secure) expect(cookies[0], what).toMatch(/; Secure(;|$)/)
      else expect(cookies[0], what).not.toMatch(/Secure/)
    }
  })
})
