import { describe, expect, it } from 'vitest'
import type { ApiError, PasswordResetCreated, PasswordResetInfo, PersonSummary, SessionInfo, ThreadView, UserSummary } from '../../shared/api'
import { CloseCode } from '../../shared/protocol'
import type { TestServer } from '../helpers/server'
import { startTestServer } from '../helpers/server'
import {
  accountFrom,
  createDocument,
  createMember,
  grant,
  organization,
  setupAdmin,
  signIn,
  TEST_PASSWORD,
  type Account,
  type Cast,
} from '../helpers/accounts'
import { insertText, waitClosedWith, waitSaved, waitSynced, type TestClient } from '../helpers/clients'
import { waitFor } from '../helpers/waitFor'
import { articleId } from '../helpers/anchorOn'
import { castSuite } from '../helpers/castSuite'

const NEW_PASSWORD = 'a brand new passphrase'

/** One's own account: one's name, one's password, and the reset links administrators make for people who forgot theirs. */
describe('one’s own account', () => {
  let server: TestServer
  let cast: Cast
  const clients: TestClient[] = []
  const logLines: string[] = []

  const { connect } = castSuite(
    clients,
    (started, people) => {
      server = started
      cast = people
    },
    { config: { logLevel: 'debug' }, logSink: (line) => logLines.push(line) },
  )

  const errorOf = async (res: Response) => ((await res.json()) as ApiError).error
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${server.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) })
  const signInRaw = (email: string, password: string) => post('/api/auth/sign-in', { email, password })
  const changePassword = (account: Account, body: unknown) =>
    account.api('/api/auth/password', { method: 'POST', body: JSON.stringify(body) })
  const makeLink = (admin: Account, personId: string) => admin.api(`/api/people/${personId}/password-reset`, { method: 'POST' })
  const tokenOf = (link: PasswordResetCreated) => new URL(link.url).pathname.replace('/reset/', '')

  /** A member of the Ministry of Justice editing a draft shared with it, over a live connection. */
  async function memberEditing(name: string) {
    const member = await createMember(cast.owner, cast.justice.id, name)
    const { id } = await createDocument(cast.owner)
    await grant(cast.owner, id, organization(cast.justice), 'drafter')
    return { member, docId: id }
  }

  it('changes one’s own name: in the session, presence, comments and the people offered for sharing, on every device', async () => {
    const { member, docId } = await memberEditing('Nadia Typo')
    const theirs = connect(docId, member.cookie)
    const watcher = connect(docId, cast.owner.cookie)
    await Promise.all([waitSynced(theirs), waitSynced(watcher)])
    await member.json<ThreadView>(`/api/documents/${docId}/threads`, {
      method: 'POST',
      body: JSON.stringify({ articleId: articleId(theirs.ydoc, 0), body: 'A remark' }),
    })
    theirs.provider.awareness.setLocalStateField('cursor', { anchor: 0 })
    const shownName = () => (watcher.provider.awareness.getStates().get(theirs.ydoc.clientID) as { user?: { name?: string } } | undefined)?.user?.name
    await waitFor(() => expect(shownName()).toBe('Nadia Typo'))

    const rename = (body: unknown) => member.api('/api/auth/me', { method: 'PATCH', body: JSON.stringify(body) })
    const empty = await rename({ displayName: '   ' })
    expect(empty.status).toBe(400)
    expect((await errorOf(empty)).details).toEqual([expect.objectContaining({ path: 'displayName' })])
    expect((await rename({ displayName: 'x'.repeat(81) })).status).toBe(400)
    const res = await rename({ displayName: '  Nadia Tipova ' })
    expect(res.status).toBe(200)
    expect(((await res.json()) as UserSummary).displayName).toBe('Nadia Tipova')

    expect((await member.json<SessionInfo>('/api/auth/session')).user?.displayName).toBe('Nadia Tipova')
    expect((await cast.owner.json<PersonSummary[]>('/api/users')).find((p) => p.id === member.user.id)?.displayName).toBe('Nadia Tipova')
    // The open draft's presence carries the new name from the next awareness update on.
    theirs.provider.awareness.setLocalStateField('cursor', { anchor: 1 })
    await waitFor(() => expect(shownName()).toBe('Nadia Tipova'))
    // Her comment, made before, is signed with the new name.
    const threads = await cast.owner.json<ThreadView[]>(`/api/documents/${docId}/threads`)
    expect(threads.flatMap((t) => t.comments.map((c) => c.author.displayName))).toEqual(['Nadia Tipova'])
    // Only one's own name: nobody else's, and not without the session's CSRF token.
    const noCsrf = await fetch(`${server.url}/api/auth/me`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', Cookie: member.cookie },
      body: JSON.stringify({ displayName: 'Forged' }),
    })
    expect(noCsrf.status).toBe(403)
    expect((await fetch(`${server.url}/api/auth/me`, { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: '{"displayName":"Anon"}' })).status).toBe(401)
  })

  it('changes one’s own password: the current one first; the other sessions and their connections end, this one stays', async () => {
    const { member, docId } = await memberEditing('Petra Password')
    const elsewhere = await signIn(server.url, member.email)
    const here = connect(docId, member.cookie)
    const there = connect(docId, elsewhere.cookie)
    await Promise.all([waitSynced(here), waitSynced(there)])

    const wrong = await changePassword(member, { currentPassword: 'not my password', newPassword: NEW_PASSWORD })
    expect(wrong.status).toBe(403)
    expect((await errorOf(wrong)).code).toBe('wrong_password')
    const same = await changePassword(member, { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD })
    expect(same.status).toBe(400)
    expect((await errorOf(same)).details).toEqual([expect.objectContaining({ path: 'newPassword', problem: 'same' })])
    const short = await changePassword(member, { currentPassword: TEST_PASSWORD, newPassword: 'short' })
    expect(short.status).toBe(400)
    expect((await errorOf(short)).details).toEqual([expect.objectContaining({ path: 'newPassword' })])
    // Refused changes changed nothing: the other session is still in.
    expect((await elsewhere.api('/api/documents')).status).toBe(200)

    expect((await changePassword(member, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD })).status).toBe(204)

    // The other browser is out, and told why; its open draft closes as signed out.
    await waitClosedWith(there, CloseCode.unauthorized)
    expect((await elsewhere.api('/api/documents')).status).toBe(401)
    expect(await elsewhere.json<SessionInfo>('/api/auth/session')).toMatchObject({ user: null, sessionEnded: 'password_changed' })
    // This browser stays signed in and keeps editing.
    expect((await member.api('/api/documents')).status).toBe(200)
    insertText(here.ydoc, 'still editing ')
    await waitSaved(here)
    expect(here.provider.wsconnected).toBe(true)

    expect((await errorOf(await signInRaw(member.email, TEST_PASSWORD))).code).toBe('invalid_credentials')
    expect((await signIn(server.url, member.email, NEW_PASSWORD)).user.id).toBe(member.user.id)
  })

  it('refuses a change without a session or its CSRF token, and counts wrong current passwords as failed sign-ins', async () => {
    const member = await createMember(cast.owner, cast.justice.id, 'Gus Guesser')
    expect((await post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD })).status).toBe(401)
    const noCsrf = await fetch(`${server.url}/api/auth/password`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: member.cookie },
      body: JSON.stringify({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }),
    })
    expect((await errorOf(noCsrf)).code).toBe('csrf_token_invalid')

    // Someone at an unlocked screen guessing: stopped as a sign-in would be, the right password too.
    for (let i = 0; i < 5; i++) {
      expect((await changePassword(member, { currentPassword: `guess number ${i}`, newPassword: NEW_PASSWORD })).status).toBe(403)
    }
    const throttled = await changePassword(member, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD })
    expect(throttled.status).toBe(429)
    expect(Number(throttled.headers.get('Retry-After'))).toBeGreaterThan(0)
    expect((await signInRaw(member.email, TEST_PASSWORD)).status).toBe(429)
    expect((await member.api('/api/documents')).status).toBe(200) // still signed in, password unchanged
  })

  it('lets an administrator make a one-time reset link; using it sets the password, ends every old session and signs in', async () => {
    const { member, docId } = await memberEditing('Fay Forgetful')
    const open = connect(docId, member.cookie)
    await waitSynced(open)

    const forbidden = await makeLink(cast.drafter, member.user.id)
    expect(forbidden.status).toBe(403)
    const unknown = await makeLink(cast.owner, 'no-such-person')
    expect(unknown.status).toBe(404)
    expect((await errorOf(unknown)).code).toBe('person_not_found')

    const first = await cast.owner.json<PasswordResetCreated>(`/api/people/${member.user.id}/password-reset`, { method: 'POST' })
    const link = await cast.owner.json<PasswordResetCreated>(`/api/people/${member.user.id}/password-reset`, { method: 'POST' })
    expect(link.url).toMatch(new RegExp(`^${server.url}/reset/[A-Za-z0-9_-]{43}$`))
    expect(Date.parse(link.expiresAt) - Date.now()).toBeGreaterThan(2.9 * 24 * 3600 * 1000)
    const token = tokenOf(link)

    // Anyone holding the link sees whose password it sets; the older link was replaced.
    const info = (await (await fetch(`${server.url}/api/password-resets/${token}`)).json()) as PasswordResetInfo
    expect(info).toMatchObject({ email: member.email, displayName: 'Fay Forgetful' })
    const replaced = await fetch(`${server.url}/api/password-resets/${tokenOf(first)}`)
    expect(replaced.status).toBe(410)
    expect((await errorOf(replaced)).code).toBe('reset_link_used')
    const garbage = await fetch(`${server.url}/api/password-resets/${'x'.repeat(43)}`)
    expect(garbage.status).toBe(404)
    expect((await errorOf(garbage)).code).toBe('reset_link_invalid')

    expect((await post(`/api/password-resets/${token}`, { password: 'short' })).status).toBe(400)
    expect((await post(`/api/password-resets/${token}`, { password: NEW_PASSWORD }, { Origin: 'https://evil.example' })).status).toBe(403)
    // Refused attempts did not use the link up.
    const used = await post(`/api/password-resets/${token}`, { password: NEW_PASSWORD })
    expect(used.status).toBe(200)
    const back = await accountFrom(server.url, used, member.email, NEW_PASSWORD)
    expect(back.user.id).toBe(member.user.id)
    expect((await back.api(`/api/documents/${docId}`)).status).toBe(200)

    // The old session (whoever holds it) is out, and its open draft closed.
    await waitClosedWith(open, CloseCode.unauthorized)
    expect(await member.json<SessionInfo>('/api/auth/session')).toMatchObject({ user: null, sessionEnded: 'password_changed' })
    expect((await errorOf(await signInRaw(member.email, TEST_PASSWORD))).code).toBe('invalid_credentials')
    expect((await signIn(server.url, member.email, NEW_PASSWORD)).user.id).toBe(member.user.id)

    const again = await post(`/api/password-resets/${token}`, { password: 'yet another passphrase' })
    expect(again.status).toBe(410)
    expect((await errorOf(again)).code).toBe('reset_link_used')
    expect(logLines.join('\n')).not.toContain(token)
  })

  it('makes no link for a deactivated person, and a link made before the deactivation lets nobody in', async () => {
    const member = await createMember(cast.owner, cast.justice.id, 'Dan Deactivated')
    const link = await cast.owner.json<PasswordResetCreated>(`/api/people/${member.user.id}/password-reset`, { method: 'POST' })
    expect((await cast.owner.api(`/api/people/${member.user.id}`, { method: 'PATCH', body: JSON.stringify({ active: false }) })).status).toBe(200)

    const refused = await makeLink(cast.owner, member.user.id)
    expect(refused.status).toBe(409)
    expect((await errorOf(refused)).code).toBe('account_deactivated')
    const use = await post(`/api/password-resets/${tokenOf(link)}`, { password: NEW_PASSWORD })
    expect(use.status).toBe(403)
    expect((await errorOf(use)).code).toBe('account_deactivated')
    expect(use.headers.getSetCookie()).toEqual([])
  })

  it('refuses an expired link', async () => {
    const quick = await startTestServer({ config: { passwordResetTtlMs: 300 } })
    try {
      const admin = await setupAdmin(quick.url)
      const member = await createMember(admin, admin.user.organization.id, 'Slow Sally')
      const link = await admin.json<PasswordResetCreated>(`/api/people/${member.user.id}/password-reset`, { method: 'POST' })
      await new Promise((resolve) => setTimeout(resolve, 400))
      const res = await fetch(`${quick.url}/api/password-resets/${tokenOf(link)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ password: NEW_PASSWORD }),
      })
      expect(res.status).toBe(410)
      expect((await errorOf(res)).code).toBe('reset_link_expired')
      expect((await signIn(quick.url, member.email)).user.id).toBe(member.user.id)
    } finally {
      await quick.close()
    }
  })
})
