import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../helpers/server'
import { acceptInvitation, createDocument, invite, setupAdmin, signIn, signOut } from '../helpers/accounts'
import { connectClient, waitSynced } from '../helpers/clients'
import { loggablePath } from '../../server/http/requestHandler'

describe('logs', () => {
  let server: TestServer
  const lines: string[] = []

  beforeAll(async () => {
    // Everything, down to debug, into memory.
    server = await startTestServer({ config: { logLevel: 'debug' }, logSink: (line) => lines.push(line) })
  })
  afterAll(async () => {
    await server?.close()
  })

  it('never contain a password, a session or invitation token, a cookie or a CSRF token', async () => {
    const adminPassword = 'admin secret passphrase 1'
    const memberPassword = 'member secret passphrase 2'
    const admin = await setupAdmin(server.url, { password: adminPassword })
    const invitation = await invite(admin, { organizationId: admin.user.organization.id })
    await fetch(`${server.url}/api/invitations/${invitation.token}`)
    const member = await acceptInvitation(server.url, invitation, { displayName: 'Member', password: memberPassword })
    // A wrong password, an unknown email, a used token, a forged cookie.
    await fetch(`${server.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: member.email, password: 'wrong guess of a password' }),
    })
    await fetch(`${server.url}/api/invitations/${invitation.token}/accept`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ displayName: 'Again', password: memberPassword }),
    })
    const again = await signIn(server.url, member.email, memberPassword)
    const { id } = await createDocument(admin)
    const client = connectClient(server.wsUrl, id, { cookie: admin.cookie })
    await waitSynced(client)
    client.destroy()
    await signOut(again)

    expect(lines.length).toBeGreaterThan(5) // the flow was logged…
    const log = lines.join('\n')
    const secrets = [
      adminPassword,
      memberPassword,
      'wrong guess of a password',
      invitation.token,
      ...[admin, member, again].flatMap((a) => [a.cookie.split('=')[1], a.csrfToken]),
    ]
    for (const secret of secrets) expect(log).not.toContain(secret) // …but none of its secrets
    expect(log).not.toMatch(/accord_session|password_hash|scrypt\$/)
  })

  it('mask the one-time tokens in a failed request’s path (invitations, password reset links)', () => {
    const token = 'A'.repeat(43)
    for (const path of [`/api/invitations/${token}/accept`, `/invite/${token}`, `/api/password-resets/${token}`, `/reset/${token}`]) {
      expect(loggablePath(path)).not.toContain(token)
      expect(loggablePath(path)).toContain('<token>')
    }
    expect(loggablePath('/api/people/abc/password-reset')).toBe('/api/people/abc/password-reset')
  })
})
