import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { DocumentSummary } from '../../shared/api'
import { CloseCode, READ_ONLY_REASON } from '../../shared/protocol'
import { startTestServer, type TestServer } from '../helpers/server'
import { createCast, createDocument, shareWithCast, type Account, type Cast } from '../helpers/accounts'
import {
  clauseText,
  connectClient,
  contentOf,
  insertText,
  textField,
  waitClosedWith,
  waitSaved,
  waitSynced,
  type TestClient,
} from '../helpers/clients'
import { waitFor } from '../helpers/waitFor'
import { tryUpgrade } from '../helpers/upgrade'

type Who = 'owner' | 'drafter' | 'reviewer' | 'observer' | 'stranger' | 'signed out'

describe('roles, enforced by the server', () => {
  let server: TestServer
  let cast: Cast
  let doc: DocumentSummary
  const clients: TestClient[] = []

  const account = (who: Who): Account | null => (who === 'signed out' ? null : cast[who])
  const connect = (who: Who, docId = doc.id) => {
    const client = connectClient(server.wsUrl, docId, { cookie: account(who)?.cookie })
    clients.push(client)
    return client
  }
  /** A request as `who` (with their cookie and CSRF token), or without any session. */
  const request = (who: Who, path: string, init: RequestInit = {}) => {
    const acc = account(who)
    if (acc) return acc.api(path, init)
    return fetch(`${server.url}${path}`, { ...init, headers: { 'Content-Type': 'application/json', ...init.headers } })
  }
  const storedText = async () => {
    const res = await cast.owner.api(`/api/documents/${doc.id}/content`)
    return JSON.stringify(await res.json())
  }

  beforeAll(async () => {
    server = await startTestServer()
    cast = await createCast(server.url)
    doc = await createDocument(cast.owner, { title: 'Shared law' })
    await shareWithCast(cast, doc.id)
  })
  afterEach(() => {
    clients.splice(0).forEach((c) => c.destroy())
  })
  afterAll(async () => {
    await server?.close()
  })

  describe('over the WebSocket', () => {
    it.each([
      { who: 'owner', role: 'owner', edits: true },
      { who: 'drafter', role: 'drafter', edits: true },
      { who: 'reviewer', role: 'reviewer', edits: false },
      { who: 'observer', role: 'observer', edits: false },
    ] as const)('$who: connects as $role, receives the document, edits applied: $edits', async ({ who, role, edits }) => {
      const watcher = connect('owner')
      await waitSynced(watcher)
      insertText(watcher.ydoc, `before ${who} `)
      await waitSaved(watcher)

      const client = connect(who)
      await waitSynced(client)
      expect(client.roles).toEqual([role])
      expect(clauseText(client.ydoc)).toContain(`before ${who} `)
      // The handshake's sync step 2 changes nothing, so even a read-only client gets it acknowledged.
      await waitFor(() => client.acks > 0)
      expect(client.denied).toEqual([])

      insertText(client.ydoc, `typed by ${who} `)
      if (edits) {
        await waitSaved(client)
        await waitFor(() => expect(clauseText(watcher.ydoc)).toContain(`typed by ${who}`))
        expect(await storedText()).toContain(`typed by ${who}`)
      } else {
        // "Permission denied" comes after the server dropped the update: nothing was stored.
        await waitFor(() => expect(client.denied).toEqual([READ_ONLY_REASON]))
        expect(await storedText()).not.toContain(`typed by ${who}`)
        // The watcher round-trips an edit of its own: it has everything the server sent.
        insertText(watcher.ydoc, 'after ')
        await waitSaved(watcher)
        expect(clauseText(watcher.ydoc)).not.toContain(`typed by ${who}`)
        expect(JSON.stringify(contentOf(watcher.ydoc))).toBe(await storedText())
        // Still connected, still receiving.
        await waitFor(() => expect(clauseText(client.ydoc)).toContain('after '))
        expect(client.closeCodes).toEqual([])
      }
    })

    it('stranger: refused with 4403, receives nothing, no reconnect', async () => {
      const client = connect('stranger')
      await waitClosedWith(client, CloseCode.forbidden)
      expect(client.provider.synced).toBe(false)
      expect(client.roles).toEqual([])
      expect(client.provider.shouldConnect).toBe(false)
      expect(textField(client.ydoc).length).toBe(0)
    })

    it('signed out (no cookie): refused as HTTP 401 before any WebSocket, receives nothing', async () => {
      expect((await tryUpgrade(server.url, doc.id)).status).toBe(401)
      const client = connect('signed out')
      // The handshake itself fails (1006); the provider backs off and tries again, in vain.
      await waitFor(() => client.closeCodes.length >= 2)
      expect(new Set(client.closeCodes)).toEqual(new Set([1006]))
      expect(client.provider.synced).toBe(false)
      expect(client.roles).toEqual([])
      expect(textField(client.ydoc).length).toBe(0)
    })

    it('refuses a forged or unknown session cookie with 4401', async () => {
      const forged = connectClient(server.wsUrl, doc.id, { cookie: `accord_session=${'A'.repeat(43)}` })
      clients.push(forged)
      await waitClosedWith(forged, CloseCode.unauthorized)
    })

    it('refuses an unknown document with 4404 when signed in, HTTP 401 when not', async () => {
      await waitClosedWith(connect('stranger', 'zzzzzzzzzzzzzzzz'), CloseCode.unknownDocument)
      expect((await tryUpgrade(server.url, 'zzzzzzzzzzzzzzzz')).status).toBe(401)
    })
  })

  describe('over HTTP', () => {
    const READ = ['', '/content', '/access', '/activity']
    it.each([
      { who: 'owner', read: 200, rename: 200, share: 200 },
      { who: 'drafter', read: 200, rename: 403, share: 403 },
      { who: 'reviewer', read: 200, rename: 403, share: 403 },
      { who: 'observer', read: 200, rename: 403, share: 403 },
      { who: 'stranger', read: 403, rename: 403, share: 403 },
      { who: 'signed out', read: 401, rename: 401, share: 401 },
    ] as const)('$who: read $read, rename $rename, share $share', async ({ who, read, rename, share }) => {
      for (const suffix of READ) {
        const res = await request(who, `/api/documents/${doc.id}${suffix}`)
        expect(res.status, `GET ${suffix || '/'}`).toBe(read)
        if (read !== 200) expect(((await res.json()) as { error: { code: string } }).error.code).toBe(read === 401 ? 'unauthorized' : 'forbidden')
        else await res.arrayBuffer()
      }
      const renamed = await request(who, `/api/documents/${doc.id}`, { method: 'PATCH', body: JSON.stringify({ title: 'Shared law' }) })
      expect(renamed.status).toBe(rename)
      // In words, with the role's article: "an observer may not rename this document".
      if (who === 'observer') expect(((await renamed.json()) as { error: { message: string } }).error.message).toBe('an observer may not rename this document')
      const shared = await request(who, `/api/documents/${doc.id}/access`, {
        method: 'PUT',
        body: JSON.stringify({ principalType: 'user', principalId: cast.reviewer.user.id, role: 'reviewer' }),
      })
      expect(shared.status).toBe(share)
      const unshared = await request(who, `/api/documents/${doc.id}/access/user/${cast.stranger.user.id}`, { method: 'DELETE' })
      expect(unshared.status).toBe(share === 200 ? 404 : share) // the owner may; the stranger has no grant to remove
      const deleted = await request(who, `/api/documents/${doc.id}`, { method: 'DELETE' })
      expect(deleted.status).toBe(who === 'owner' ? 204 : share)
      if (who === 'owner') doc = await recreate()
    })

    /** The owner's row deletes the shared document: the rows after it get a fresh one. */
    async function recreate(): Promise<DocumentSummary> {
      const fresh = await createDocument(cast.owner, { title: 'Shared law' })
      await shareWithCast(cast, fresh.id)
      return fresh
    }

    it.each([
      { who: 'owner', role: 'owner' },
      { who: 'drafter', role: 'drafter' },
      { who: 'reviewer', role: 'reviewer' },
      { who: 'observer', role: 'observer' },
      { who: 'stranger', role: null },
    ] as const)('$who: the document list shows the draft with role $role and its organizations', async ({ who, role }) => {
      const list = (await (await request(who, '/api/documents')).json()) as DocumentSummary[]
      const entry = list.find((d) => d.id === doc.id)
      if (role === null) {
        expect(entry).toBeUndefined()
        return
      }
      expect(entry?.role).toBe(role)
      expect(entry?.organizations.map((o) => o.shortName).sort()).toEqual(['MoI', 'MoJ', 'SEC'])
    })

    it('signed out: the document list is 401', async () => {
      const res = await request('signed out', '/api/documents')
      expect(res.status).toBe(401)
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unauthorized')
    })

    it('takes the stronger of a personal and an organization grant', async () => {
      // The drafter's organization holds "drafter"; a personal "observer" does not weaken it.
      await cast.owner.json(`/api/documents/${doc.id}/access`, {
        method: 'PUT',
        body: JSON.stringify({ principalType: 'user', principalId: cast.drafter.user.id, role: 'observer' }),
      })
      expect(((await cast.drafter.json(`/api/documents/${doc.id}`)) as DocumentSummary).role).toBe('drafter')
      await cast.owner.json(`/api/documents/${doc.id}/access/user/${cast.drafter.user.id}`, { method: 'DELETE' })
    })

    it('refuses to remove or demote the last owner (409 last_owner)', async () => {
      const ownerGrant = `/api/documents/${doc.id}/access/user/${cast.owner.user.id}`
      const removed = await cast.owner.api(ownerGrant, { method: 'DELETE' })
      expect(removed.status).toBe(409)
      expect(((await removed.json()) as { error: { code: string } }).error.code).toBe('last_owner')
      const demoted = await cast.owner.api(`/api/documents/${doc.id}/access`, {
        method: 'PUT',
        body: JSON.stringify({ principalType: 'user', principalId: cast.owner.user.id, role: 'drafter' }),
      })
      expect(demoted.status).toBe(409)
      // With a second owner, the first may step down.
      await cast.owner.json(`/api/documents/${doc.id}/access`, {
        method: 'PUT',
        body: JSON.stringify({ principalType: 'organization', principalId: cast.owner.user.organization.id, role: 'owner' }),
      })
      expect((await cast.owner.api(ownerGrant, { method: 'DELETE' })).status).toBe(204)
      // Still an owner through the organization; restore the personal grant for the other tests.
      await cast.owner.json(`/api/documents/${doc.id}/access`, {
        method: 'PUT',
        body: JSON.stringify({ principalType: 'user', principalId: cast.owner.user.id, role: 'owner' }),
      })
      await cast.owner.json(`/api/documents/${doc.id}/access/organization/${cast.owner.user.organization.id}`, { method: 'DELETE' })
    })

    it('lists the grants with people and organizations', async () => {
      const grants = await cast.reviewer.json<{ principalType: string; role: string; user?: { displayName: string }; organization?: { shortName: string } }[]>(
        `/api/documents/${doc.id}/access`,
      )
      const summary = grants.map((g) => `${g.role}:${g.user?.displayName ?? g.organization?.shortName}`)
      expect(summary).toEqual(['owner:Ada Admin', 'drafter:MoJ', 'reviewer:Rita Reviewer', 'observer:Oleg Observer'])
    })
  })
})
