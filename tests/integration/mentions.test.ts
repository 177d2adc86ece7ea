import { setTimeout as pause } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import type { DocumentSummary, PersonSummary, ThreadView } from '../../shared/api'
import type { VisitView } from '../../shared/visit'
import type { TestServer } from '../helpers/server'
import { createDocument, shareWithCast, type Account, type Cast } from '../helpers/accounts'
import { connectClient, nthElement, waitSynced, type TestClient } from '../helpers/clients'
import { castSuite } from '../helpers/castSuite'

const GAP_MS = 1500
const post = (body: unknown) => ({ method: 'POST', body: JSON.stringify(body) })
const patch = (body: unknown) => ({ method: 'PATCH', body: JSON.stringify(body) })

describe('mentions in comments ("@Name")', () => {
  let server: TestServer
  let cast: Cast
  const clients: TestClient[] = []
  castSuite(clients, (started, people) => {
    server = started
    cast = people
  }, { config: { visitGapMs: GAP_MS } })

  async function draft(): Promise<{ id: string; articleId: string }> {
    const { id } = await createDocument(cast.owner, { title: 'Sample', template: 'sample' })
    await shareWithCast(cast, id)
    const client = connectClient(server.wsUrl, id, { cookie: cast.owner.cookie })
    clients.push(client)
    await waitSynced(client)
    return { id, articleId: nthElement(client.ydoc, 'article', 0).getAttribute('id') as string }
  }

  it('offers whoever may open the draft, by name, and refuses those who may not', async () => {
    const { id } = await draft()
    const people = await cast.reviewer.json<PersonSummary[]>(`/api/documents/${id}/people`)
    expect(people.map((p) => [p.displayName, p.organization.shortName])).toEqual([
      ['Ada Admin', expect.any(String)],
      ['Boris Drafter', 'MoJ'],
      ['Oleg Observer', 'MoI'],
      ['Rita Reviewer', 'MoI'],
    ])
    expect((await cast.stranger.api(`/api/documents/${id}/people`)).status).toBe(403)
  })

  it('keeps whom a comment mentions through replies and edits, refuses a mention of someone outside the draft, and drops one whose @name was deleted', async () => {
    const { id, articleId } = await draft()
    const url = `/api/documents/${id}/threads`
    const thread = await cast.drafter.json<ThreadView>(url, post({ articleId, body: '@Rita Reviewer, is this wide enough?', mentions: [cast.reviewer.user.id, cast.observer.user.id] }))
    // The observer was picked, then their @name deleted: not mentioned.
    expect(thread.comments[0].mentions).toEqual([{ id: cast.reviewer.user.id, displayName: 'Rita Reviewer' }])

    // Someone who may not open the draft: refused, with the reason, and nothing is stored.
    const refused = await cast.drafter.api(url, post({ articleId, body: '@Sam Stranger see this', mentions: [cast.stranger.user.id] }))
    expect(refused.status).toBe(400)
    expect((await refused.json()).error).toMatchObject({ code: 'mention_not_member', message: expect.stringContaining(id) })
    const reply = await cast.drafter.api(`${url}/${thread.id}/comments`, post({ body: 'And @nobody', mentions: ['nosuchperson'] }))
    expect(reply.status).toBe(400)
    expect((await cast.reviewer.json<ThreadView[]>(url)).map((t) => t.comments.length)).toEqual([1])

    // An organization: by its short name; one none of whose people may open the draft is refused.
    const toMinistry = await cast.drafter.json<ThreadView>(`${url}/${thread.id}/comments`, post({ body: '@MoI, and @MoH?', mentions: [], mentionedOrganizations: [cast.interior.id] }))
    expect(toMinistry.comments[1]).toMatchObject({ mentions: [], mentionedOrganizations: [cast.interior] })
    const outside = await cast.drafter.api(`${url}/${thread.id}/comments`, post({ body: '@MoH?', mentionedOrganizations: [cast.health.id] }))
    expect([outside.status, ((await outside.json()) as { error: { code: string } }).error.code]).toEqual([400, 'mention_not_member'])
    await cast.drafter.api(`${url}/${thread.id}/comments/${toMinistry.comments[1].id}`, { method: 'DELETE' })

    const answered = await cast.reviewer.json<ThreadView>(`${url}/${thread.id}/comments`, post({ body: 'Yes. @Boris Drafter, @Oleg Observer: agreed?', mentions: [cast.drafter.user.id, cast.observer.user.id] }))
    const answer = answered.comments[2]
    expect(answer.mentions.map((m) => m.displayName).sort()).toEqual(['Boris Drafter', 'Oleg Observer'])

    // An edit mentions what its new words mention.
    const edited = await cast.reviewer.json<ThreadView>(`${url}/${thread.id}/comments/${answer.id}`, patch({ body: 'Yes. @Boris Drafter: agreed?', mentions: [cast.drafter.user.id, cast.observer.user.id] }))
    expect(edited.comments[2].mentions).toEqual([{ id: cast.drafter.user.id, displayName: 'Boris Drafter' }])
    // Without `mentions`, an edit mentions no one (an older client).
    const plain = await cast.reviewer.json<ThreadView>(`${url}/${thread.id}/comments/${answer.id}`, patch({ body: 'Yes. @Boris Drafter: agreed.' }))
    expect(plain.comments[2].mentions).toEqual([])
    // Deleted, a comment mentions no one.
    const afterDelete = await cast.drafter.json<ThreadView>(`${url}/${thread.id}/comments/${thread.comments[0].id}`, { method: 'DELETE' })
    expect(afterDelete.comments[0]).toMatchObject({ deleted: true, body: '', mentions: [], mentionedOrganizations: [] })
    expect(afterDelete.comments[1]).toMatchObject({ deleted: true, mentionedOrganizations: [] })
  })

  it('tells the person mentioned, on return and in the drafts list; one\'s own mentions are not news', async () => {
    const { id, articleId } = await draft()
    const visit = (account: Account) => account.json<VisitView>(`/api/documents/${id}/visit`, post({}))
    const newsOf = async (account: Account) => (await account.json<DocumentSummary[]>('/api/documents')).find((d) => d.id === id)?.news
    expect((await visit(cast.reviewer)).mentioned).toEqual([])
    await visit(cast.observer)
    await visit(cast.drafter)
    await pause(GAP_MS + 100)

    const url = `/api/documents/${id}/threads`
    const asked = await cast.drafter.json<ThreadView>(url, post({ articleId, body: '@Rita Reviewer, please look.', mentions: [cast.reviewer.user.id] }))
    await cast.drafter.json<ThreadView>(url, post({ articleId, body: 'A note for everyone.' }))
    const own = await cast.reviewer.json<ThreadView>(`${url}/${asked.id}/comments`, post({ body: '@Rita Reviewer reminds herself.', mentions: [cast.reviewer.user.id] }))
    expect(own.comments[1].mentions).toHaveLength(1)

    // The Ministry of Interior as a whole: its observer is mentioned too.
    await cast.owner.json<ThreadView>(url, post({ articleId, body: '@MoI: your view?', mentionedOrganizations: [cast.interior.id] }))
    expect(await newsOf(cast.observer)).toEqual({ edited: false, comments: 4, decided: 0, mentioned: 1 })
    expect(await newsOf(cast.reviewer)).toEqual({ edited: false, comments: 3, decided: 0, mentioned: 2 })
    expect(await newsOf(cast.drafter)).toMatchObject({ comments: 2, mentioned: 0 })
    const back = await visit(cast.reviewer)
    expect(back.mentioned).toHaveLength(2)
    expect(back.mentioned).toContain(asked.comments[0].id)
    expect(back.comments).toHaveLength(3)
    expect(await newsOf(cast.reviewer)).toBeUndefined()
  })
})
