import { setTimeout as pause } from 'node:timers/promises'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import type { DocumentSummary, ThreadView } from '../../shared/api'
import type { VisitView } from '../../shared/visit'
import type { TestServer } from '../helpers/server'
import { createDocument, shareWithCast, type Cast } from '../helpers/accounts'
import { connectClient, elementText, nthElement, waitSaved, waitSynced, type TestClient } from '../helpers/clients'
import { castSuite } from '../helpers/castSuite'

/** A draft left this long ago or more starts a new visit when opened (the server's VISIT_GAP_MS here). */
const GAP_MS = 1500

describe('since your last visit (POST /api/documents/:id/visit)', () => {
  let server: TestServer
  let cast: Cast
  const clients: TestClient[] = []
  castSuite(clients, (started, people) => {
    server = started
    cast = people
  }, { config: { visitGapMs: GAP_MS } })

  it('tells a returning reviewer which places others edited and which comments others wrote since they left, not their own, and nothing on a first visit', async () => {
    const { id } = await createDocument(cast.owner, { title: 'Sample', template: 'sample' })
    await shareWithCast(cast, id)
    const visit = () => cast.reviewer.json<VisitView>(`/api/documents/${id}/visit`, { method: 'POST' })

    // A first visit: nothing to look back to.
    expect(await visit()).toEqual({ since: null, places: [], organizations: [], comments: [], threads: [], decided: [], mentioned: [], version: null, agreement: { events: [], positions: [] } })
    // A version saved while the reviewer was in: the one to compare with on return.
    const saved = await cast.owner.json<{ id: string; name: string; createdAt: string }>(`/api/documents/${id}/versions`, { method: 'POST', body: JSON.stringify({ name: 'Before the meeting' }) })
    const reviewer = connectClient(server.wsUrl, id, { cookie: cast.reviewer.cookie })
    await waitSynced(reviewer)
    const article2 = nthElement(reviewer.ydoc, 'article', 1).getAttribute('id')
    // While the reviewer is in, the drafter edits Article 1: a session that goes on after the reviewer leaves (below).
    const early = connectClient(server.wsUrl, id, { cookie: cast.drafter.cookie })
    clients.push(early)
    await waitSynced(early)
    ;(nthElement(early.ydoc, 'articleHeading', 0).get(0) as Y.XmlText).insert(0, 'Seen ')
    await waitSaved(early)
    early.destroy()
    await pause(50)
    reviewer.destroy()
    await pause(GAP_MS + 100)
    const left = Date.now()

    // While the reviewer is away: the drafter edits Article 2's heading and comments; the reviewer answers by e-mail… and in Accord, without opening the draft.
    const drafter = connectClient(server.wsUrl, id, { cookie: cast.drafter.cookie })
    clients.push(drafter)
    await waitSynced(drafter)
    ;(nthElement(drafter.ydoc, 'articleHeading', 1).get(0) as Y.XmlText).insert(0, 'Amended ')
    await waitSaved(drafter)
    const post = (body: unknown) => ({ method: 'POST', body: JSON.stringify(body) })
    const thread = await cast.drafter.json<ThreadView>(`/api/documents/${id}/threads`, post({ articleId: article2, body: 'Shorter, please.' }))
    const own = await cast.reviewer.json<ThreadView>(`/api/documents/${id}/threads/${thread.id}/comments`, post({ body: 'Agreed.' }))
    drafter.destroy()

    // The drafts list says so before the draft is opened; not for the drafter, whose own they are.
    const newsOf = async (account: Cast['reviewer']) => (await account.json<DocumentSummary[]>('/api/documents')).find((d) => d.id === id)?.news
    expect(await newsOf(cast.reviewer)).toEqual({ edited: true, comments: 1, decided: 0, mentioned: 0 })
    expect(await newsOf(cast.drafter)).toBeUndefined()

    const back = await visit()
    // Open again: nothing new since.
    expect(await newsOf(cast.reviewer)).toBeUndefined()
    expect(Date.parse(back.since!)).toBeLessThanOrEqual(left)
    expect(Date.parse(back.since!)).toBeGreaterThan(left - GAP_MS - 1000)
    // Article 2 only: Article 1 was edited in the same session, but before the reviewer left.
    expect(back.places).toEqual([{ id: article2, label: 'Article 2.', heading: elementText(drafter.ydoc, 'articleHeading', 1), deleted: false, editedAt: expect.any(String) }])
    expect(back.organizations).toEqual([cast.justice])
    expect(back.comments).toEqual([thread.comments[0].id])
    expect(own.comments.map((c) => c.body)).toEqual(['Shorter, please.', 'Agreed.'])
    expect(back.threads).toEqual([thread.id])
    expect(back.version).toEqual({ id: saved.id, name: 'Before the meeting', createdAt: saved.createdAt, kind: 'named', reason: null })

    // Opened again at once (a reload, another tab): the same visit, looking back to the same moment.
    expect(await visit()).toEqual(back)
    // Left for longer than the gap: a new visit, from when the last one ended; nothing new since.
    await pause(GAP_MS + 100)
    const later = await visit()
    expect(Date.parse(later.since!)).toBeGreaterThan(Date.parse(back.since!))
    expect(later).toMatchObject({ places: [], organizations: [], comments: [], threads: [], decided: [] })
  })

  it('tells a returning reviewer which of their threads others resolved or decided on since, in the drafts list and on opening the draft', async () => {
    const { id } = await createDocument(cast.owner, { title: 'Sample', template: 'sample' })
    await shareWithCast(cast, id)
    const visit = () => cast.reviewer.json<VisitView>(`/api/documents/${id}/visit`, { method: 'POST' })
    const post = (body: unknown) => ({ method: 'POST', body: JSON.stringify(body) })
    const patch = (body: unknown) => ({ method: 'PATCH', body: JSON.stringify(body) })
    const reviewer = connectClient(server.wsUrl, id, { cookie: cast.reviewer.cookie })
    await waitSynced(reviewer)
    const article = (n: number) => nthElement(reviewer.ydoc, 'article', n).getAttribute('id') as string
    const start = (n: number, body: string) => cast.reviewer.json<ThreadView>(`/api/documents/${id}/threads`, post({ articleId: article(n), body }))
    await visit()
    const settled = await start(0, 'Too broad.')
    const mine = await start(1, 'I will settle this one myself.')
    const reopened = await start(2, 'Resolved, then opened again.')
    const theirs = await cast.drafter.json<ThreadView>(`/api/documents/${id}/threads`, post({ articleId: article(3), body: 'A drafter’s note.' }))
    await cast.reviewer.json(`/api/documents/${id}/threads/${mine.id}`, patch({ status: 'resolved' }))
    reviewer.destroy()
    await pause(GAP_MS + 100)

    // Away: the drafter resolves two of the reviewer's threads (one opened again since) and their own.
    for (const thread of [settled, reopened, theirs]) await cast.drafter.json(`/api/documents/${id}/threads/${thread.id}`, patch({ status: 'resolved' }))
    await cast.owner.json(`/api/documents/${id}/threads/${reopened.id}`, patch({ status: 'open' }))
    const newsOf = async () => (await cast.reviewer.json<DocumentSummary[]>('/api/documents')).find((d) => d.id === id)?.news
    expect(await newsOf()).toEqual({ edited: false, comments: 0, decided: 1, mentioned: 0 })

    const back = await visit()
    expect(back.decided).toEqual([settled.id])
    expect(back).toMatchObject({ places: [], comments: [], threads: [] })
    expect(await newsOf()).toBeUndefined()
  })

  it('tells a returning member what others did in the agreement since', async () => {
    const { id } = await createDocument(cast.owner, { title: 'Sample', template: 'sample' })
    await shareWithCast(cast, id)
    const visit = () => cast.reviewer.json<VisitView>(`/api/documents/${id}/visit`, { method: 'POST' })
    const post = (body: unknown) => ({ method: 'POST', body: JSON.stringify(body) })
    await visit()
    await pause(GAP_MS + 100)
    // Away: the owner proposes a version to both ministries; the Ministry of Justice agrees.
    const version = await cast.owner.json<{ id: string }>(`/api/documents/${id}/versions`, post({ name: 'Round 1' }))
    const proposal = await cast.owner.json<{ id: string }>(`/api/documents/${id}/agreement/proposals`, post({ versionId: version.id, organizationIds: [cast.justice.id, cast.interior.id] }))
    await cast.drafter.json(`/api/documents/${id}/agreement/proposals/${proposal.id}/positions`, post({ position: 'agree' }))
    const back = await visit()
    expect(back.agreement.events.map((e) => [e.kind, e.version.name])).toEqual([['proposed', 'Round 1']])
    expect(back.agreement.positions).toEqual([cast.justice])
    // The reviewer's own position, which completes it: not news to them; to the drafter, the agreement is.
    await pause(GAP_MS + 100)
    await cast.drafter.json<VisitView>(`/api/documents/${id}/visit`, { method: 'POST' })
    await pause(GAP_MS + 100)
    await cast.reviewer.json(`/api/documents/${id}/agreement/proposals/${proposal.id}/positions`, post({ position: 'agree' }))
    await pause(GAP_MS + 100)
    expect((await visit()).agreement).toEqual({ events: [], positions: [] })
    const drafterBack = await cast.drafter.json<VisitView>(`/api/documents/${id}/visit`, { method: 'POST' })
    expect(drafterBack.agreement.events.map((e) => [e.kind, e.version.name])).toEqual([['agreed', 'Round 1']])
    expect(drafterBack.agreement.positions).toEqual([cast.interior])
  })

  it('refuses a draft the person has no access to (403), and answers 404 for none', async () => {
    const { id } = await createDocument(cast.owner, { title: 'Private', template: 'sample' })
    expect((await cast.stranger.api(`/api/documents/${id}/visit`, { method: 'POST' })).status).toBe(403)
    expect((await cast.reviewer.api('/api/documents/nosuchdraft00000/visit', { method: 'POST' })).status).toBe(404)
  })
})
