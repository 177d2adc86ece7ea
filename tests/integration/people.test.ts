import { describe, expect, it } from 'vitest'
import type { AccountSummary, ActivitySession, ApiError, ChangedAccount, SessionInfo, ThreadView } from '../../shared/api'
import { CloseCode } from '../../shared/protocol'
import type { TestServer } from '../helpers/server'
import { createDocument, createMember, grant, organization, person, signIn, TEST_PASSWORD, type Account, type Cast } from '../helpers/accounts'
import { clauseText, insertText, nthElement, waitClosedWith, waitSaved, waitSynced, type TestClient } from '../helpers/clients'
import { castSuite } from '../helpers/castSuite'
import { waitFor } from '../helpers/waitFor'

/** Administrators change accounts after people joined: organization, administrator's right, deactivation. */
describe('people administration', () => {
  let server: TestServer
  let cast: Cast
  const clients: TestClient[] = []

  const { connect } = castSuite(clients, (started, people) => {
    server = started
    cast = people
  })

  const change = (actor: Account, id: string, body: unknown) =>
    actor.api(`/api/people/${id}`, { method: 'PATCH', body: JSON.stringify(body) })
  const errorOf = async (res: Response) => ((await res.json()) as ApiError).error
  const accountOf = async (id: string) => (await cast.owner.json<AccountSummary[]>('/api/people')).find((p) => p.id === id)
  const signInRaw = (email: string, password: string) =>
    fetch(`${server.url}/api/auth/sign-in`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password }) })

  it('is for administrators only: others get 403 in the app’s error shape, nobody signed in 401', async () => {
    for (const res of [await cast.drafter.api('/api/people'), await change(cast.drafter, cast.reviewer.user.id, { isAdmin: true })]) {
      expect(res.status).toBe(403)
      expect((await errorOf(res)).code).toBe('forbidden')
    }
    expect((await accountOf(cast.reviewer.user.id))?.isAdmin).toBe(false)
    expect((await fetch(`${server.url}/api/people`)).status).toBe(401)

    const listed = await accountOf(cast.drafter.user.id)
    expect(listed).toEqual({ ...cast.drafter.user, deactivatedAt: null })
  })

  it('answers an unknown person with 404 and a bad change in the validation style', async () => {
    const unknown = await change(cast.owner, 'no-such-person', { isAdmin: true })
    expect(unknown.status).toBe(404)
    expect((await errorOf(unknown)).code).toBe('person_not_found')

    const badOrg = await change(cast.owner, cast.drafter.user.id, { organizationId: 'no-such-org' })
    expect(badOrg.status).toBe(400)
    const error = await errorOf(badOrg)
    expect(error.code).toBe('validation_failed')
    expect(error.details).toEqual([expect.objectContaining({ path: 'organizationId', problem: 'invalid' })])
    expect((await accountOf(cast.drafter.user.id))?.organization.id).toBe(cast.justice.id)

    const nothing = await change(cast.owner, cast.drafter.user.id, {})
    expect(nothing.status).toBe(400)
    expect((await errorOf(nothing)).code).toBe('validation_failed')
  })

  it('corrects the email a person signs in with: the new one signs in, the old one no longer; one taken by another account is refused', async () => {
    const member = await createMember(cast.owner, cast.justice.id, 'Mia Mistyped')
    const res = await change(cast.owner, member.user.id, { email: '  Mia.Right@Example.org ' })
    expect(res.status).toBe(200)
    expect(((await res.json()) as AccountSummary).email).toBe('mia.right@example.org')
    // Still signed in where she was; her next sign-in takes the corrected address.
    expect((await member.api('/api/documents')).status).toBe(200)
    expect((await signInRaw(member.email, TEST_PASSWORD)).status).toBe(401)
    expect((await signIn(server.url, 'mia.right@example.org')).user.id).toBe(member.user.id)

    const taken = await change(cast.owner, member.user.id, { email: cast.drafter.email })
    expect(taken.status).toBe(409)
    expect((await errorOf(taken)).code).toBe('email_taken')
    const invalid = await change(cast.owner, member.user.id, { email: 'not an address' })
    expect(invalid.status).toBe(400)
    expect((await errorOf(invalid)).details).toEqual([expect.objectContaining({ path: 'email' })])
    expect((await accountOf(member.user.id))?.email).toBe('mia.right@example.org')
    expect((await change(cast.drafter, member.user.id, { email: 'mia.wrong@example.org' })).status).toBe(403)
  })

  it('never lets an administrator deactivate themselves or leave no active administrator', async () => {
    const self = await change(cast.owner, cast.owner.user.id, { active: false })
    expect(self.status).toBe(409)
    expect((await errorOf(self)).code).toBe('self_deactivation')
    const lastRight = await change(cast.owner, cast.owner.user.id, { isAdmin: false })
    expect(lastRight.status).toBe(409)
    expect((await errorOf(lastRight)).code).toBe('last_administrator')
    expect(await accountOf(cast.owner.user.id)).toMatchObject({ isAdmin: true, deactivatedAt: null })
    expect((await cast.owner.api('/api/people')).status).toBe(200) // still signed in, still an administrator

    // With a second administrator, giving up one's own right is fine — and takes effect at once.
    const second = await createMember(cast.owner, cast.justice.id, 'Second Admin')
    expect((await change(cast.owner, second.user.id, { isAdmin: true })).status).toBe(200)
    expect((await second.api('/api/people')).status).toBe(200)
    expect((await change(second, second.user.id, { isAdmin: false })).status).toBe(200)
    expect((await second.api('/api/people')).status).toBe(403)
    // A deactivated administrator does not count: the last active one keeps the right.
    expect((await change(cast.owner, second.user.id, { isAdmin: true })).status).toBe(200)
    expect((await change(cast.owner, second.user.id, { active: false })).status).toBe(200)
    expect((await errorOf(await change(cast.owner, cast.owner.user.id, { isAdmin: false }))).code).toBe('last_administrator')
  })

  it('deactivation ends sessions and open connections at once, refuses sign-in, keeps attribution; reactivation lets them back', async () => {
    const member = await createMember(cast.owner, cast.justice.id, 'Dora Departing')
    const { id } = await createDocument(cast.owner)
    await grant(cast.owner, id, organization(cast.justice), 'drafter')
    const live = connect(id, member.cookie)
    await waitSynced(live)
    insertText(live.ydoc, 'drafted by Dora ')
    await waitSaved(live)

    const res = await change(cast.owner, member.user.id, { active: false })
    expect(res.status).toBe(200)
    expect(((await res.json()) as AccountSummary).deactivatedAt).toEqual(expect.any(String))

    await waitClosedWith(live, CloseCode.deactivated)
    expect(live.provider.shouldConnect).toBe(false) // final: no reconnect
    expect((await member.api('/api/documents')).status).toBe(401)
    // The browser still holding the cookie is told why it was signed out.
    const info = await member.json<SessionInfo>('/api/auth/session')
    expect(info).toMatchObject({ user: null, sessionEnded: 'deactivated' })
    // A new connection with the old cookie opens nothing.
    await waitClosedWith(connect(id, member.cookie), CloseCode.unauthorized)

    // The right password is told the account is deactivated; a wrong one learns nothing.
    const refused = await signInRaw(member.email, TEST_PASSWORD)
    expect(refused.status).toBe(403)
    expect((await errorOf(refused)).code).toBe('account_deactivated')
    expect(refused.headers.getSetCookie()).toEqual([])
    expect((await errorOf(await signInRaw(member.email, 'not the password'))).code).toBe('invalid_credentials')

    // Their edits stay theirs, and stay in the text.
    const activity = await cast.owner.json<ActivitySession[]>(`/api/documents/${id}/activity`)
    expect(activity.map((s) => [s.user.displayName, s.organization.id])).toContainEqual(['Dora Departing', cast.justice.id])
    expect(JSON.stringify(await cast.owner.json(`/api/documents/${id}/content`))).toContain('drafted by Dora')

    // Not offered for new grants while deactivated; listed for administrators as deactivated.
    expect((await cast.owner.json<{ id: string }[]>('/api/users')).map((p) => p.id)).not.toContain(member.user.id)

    expect((await change(cast.owner, member.user.id, { active: true })).status).toBe(200)
    expect((await accountOf(member.user.id))?.deactivatedAt).toBeNull()
    // The old session stays ended (and is no longer explained); signing in again works.
    expect((await member.api('/api/documents')).status).toBe(401)
    expect((await member.json<SessionInfo>('/api/auth/session')).sessionEnded).toBeUndefined()
    const back = await signIn(server.url, member.email)
    expect((await back.api(`/api/documents/${id}`)).status).toBe(200)
  })

  it('hands the drafts a deactivated person alone owned to their organization, and only those', async () => {
    const leaving = await createMember(cast.owner, cast.justice.id, 'Lena Leaving')
    const colleague = await createMember(cast.owner, cast.justice.id, 'Colin Colleague')
    const alone = await createDocument(leaving, { title: 'Only Lena owns this' })
    const shared = await createDocument(leaving, { title: 'Lena and the Secretariat own this' })
    await grant(leaving, shared.id, person(cast.owner), 'owner')
    // Before: nobody else in the ministry can share the draft Lena alone owns.
    expect((await colleague.api(`/api/documents/${alone.id}/access`, { method: 'PUT', body: JSON.stringify({ principalType: 'user', principalId: cast.owner.user.id, role: 'reviewer' }) })).status).toBe(403)

    const res = await change(cast.owner, leaving.user.id, { active: false })
    expect(res.status).toBe(200)
    expect(((await res.json()) as ChangedAccount).handedOver).toEqual([{ id: alone.id, title: 'Only Lena owns this' }])
    // Her organization owns it now: her colleague shares it; the co-owned draft is left as it was.
    expect((await colleague.api(`/api/documents/${alone.id}/access`, { method: 'PUT', body: JSON.stringify({ principalType: 'user', principalId: cast.owner.user.id, role: 'reviewer' }) })).status).toBe(200)
    const grants = await cast.owner.json<{ principalType: string; organization?: { id: string }; role: string }[]>(`/api/documents/${shared.id}/access`)
    expect(grants.filter((g) => g.principalType === 'organization')).toEqual([])
  })

  it('moving a person to another organization changes the access its grants give, live, and the attribution of new edits', async () => {
    const member = await createMember(cast.owner, cast.health.id, 'Mona Mover')
    const { id } = await createDocument(cast.owner)
    await grant(cast.owner, id, organization(cast.justice), 'drafter')
    await grant(cast.owner, id, organization(cast.interior), 'reviewer')

    // In an organization without a grant: no access.
    expect((await member.api(`/api/documents/${id}`)).status).toBe(403)

    // Moved into the Ministry of Interior: a reviewer through its grant.
    expect((await change(cast.owner, member.user.id, { organizationId: cast.interior.id })).status).toBe(200)
    expect((await member.json<{ role: string }>(`/api/documents/${id}`)).role).toBe('reviewer')
    const live = connect(id, member.cookie)
    await waitSynced(live)
    expect(live.roles).toEqual(['reviewer'])
    // A reviewer's comment, as the Ministry of Interior's.
    const articleId = nthElement(live.ydoc, 'article', 0).getAttribute('id') as string
    const thread = await member.json<ThreadView>(`/api/documents/${id}/threads`, {
      method: 'POST',
      body: JSON.stringify({ articleId, anchor: null, body: 'Said as MoI' }),
    })
    expect(thread.organization.id).toBe(cast.interior.id)

    // Moved into the Ministry of Justice while connected: a drafter at once, edits stored as MoJ's.
    const moved = await change(cast.owner, member.user.id, { organizationId: cast.justice.id })
    expect(((await moved.json()) as AccountSummary).organization.id).toBe(cast.justice.id)
    await waitFor(() => expect(live.roles).toEqual(['reviewer', 'drafter']))
    insertText(live.ydoc, 'moved and drafting ')
    await waitSaved(live)
    expect(clauseText(live.ydoc)).toContain('moved and drafting')
    expect(JSON.stringify(await cast.owner.json(`/api/documents/${id}/content`))).toContain('moved and drafting')
    const activity = await cast.owner.json<ActivitySession[]>(`/api/documents/${id}/activity`)
    expect(activity.filter((s) => s.user.id === member.user.id).map((s) => s.organization.id)).toEqual([cast.justice.id])
    await member.json(`/api/documents/${id}/threads/${thread.id}/comments`, { method: 'POST', body: JSON.stringify({ body: 'Said as MoJ' }) })

    // Moved back to an organization without a grant: the open connection is closed as access revoked.
    expect((await change(cast.owner, member.user.id, { organizationId: cast.health.id })).status).toBe(200)
    await waitClosedWith(live, CloseCode.forbidden)
    expect((await member.api(`/api/documents/${id}`)).status).toBe(403)
    // What was said and edited before each move stays attributed as it was.
    const after = await cast.owner.json<ActivitySession[]>(`/api/documents/${id}/activity`)
    expect(after.filter((s) => s.user.id === member.user.id).map((s) => s.organization.id)).toEqual([cast.justice.id])
    const [kept] = await cast.owner.json<ThreadView[]>(`/api/documents/${id}/threads`)
    expect(kept.organization.id).toBe(cast.interior.id)
    expect(kept.comments.map((c) => [c.body, c.organization.id])).toEqual([['Said as MoI', cast.interior.id], ['Said as MoJ', cast.justice.id]])
  })
})
