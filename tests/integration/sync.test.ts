import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type WebSocket from 'ws'
import { CloseCode } from '../../shared/protocol'
import { SCHEMA_VERSION } from '../../shared/schema/version'
import { startTestServer, type TestServer } from '../helpers/server'
import { createDocument, setupAdmin, type Account } from '../helpers/accounts'
import {
  clauseText,
  connectClient,
  contentOf,
  insertText,
  openRawSocket,
  waitClosedWith,
  waitSaved,
  waitSynced,
  xmlString,
  type TestClient,
} from '../helpers/clients'
import { waitFor } from '../helpers/waitFor'

describe('sync between stock y-websocket clients', () => {
  let server: TestServer
  let owner: Account
  const clients: TestClient[] = []
  const connect = (docId: string) => {
    const client = connectClient(server.wsUrl, docId, { cookie: owner.cookie })
    clients.push(client)
    return client
  }

  beforeAll(async () => {
    server = await startTestServer()
    owner = await setupAdmin(server.url)
  })
  afterEach(() => {
    clients.splice(0).forEach((c) => c.destroy())
  })
  afterAll(async () => {
    await server?.close()
  })

  it('three clients editing concurrently converge', async () => {
    const { id } = await createDocument(owner)
    const [a, b, c] = [connect(id), connect(id), connect(id)]
    await Promise.all([a, b, c].map((x) => waitSynced(x)))
    insertText(a.ydoc, 'base')
    await waitFor(() => [b, c].every((x) => clauseText(x.ydoc) === 'base'))

    // Each inserts at both ends of the shared text before seeing the others' edits.
    insertText(a.ydoc, 'A', { index: 0 })
    insertText(b.ydoc, 'B', { index: 4 })
    insertText(c.ydoc, 'C', { index: 2 })
    insertText(a.ydoc, 'a', { name: 'lawTitle' })
    insertText(b.ydoc, 'b', { name: 'articleHeading' })

    await waitFor(() => {
      expect(xmlString(b.ydoc)).toBe(xmlString(a.ydoc))
      expect(xmlString(c.ydoc)).toBe(xmlString(a.ydoc))
    })
    // Positions are anchored to characters, so the merge is the same whatever the arrival order.
    expect(clauseText(a.ydoc)).toBe('AbaCseB')
    expect(contentOf(b.ydoc)).toEqual(contentOf(a.ydoc))
    expect(contentOf(c.ydoc)).toEqual(contentOf(a.ydoc))
    await Promise.all([a, b, c].map((x) => waitSaved(x)))
  })

  it('merges edits made while disconnected on reconnect', async () => {
    const { id } = await createDocument(owner)
    const [a, b] = [connect(id), connect(id)]
    await Promise.all([a, b].map((x) => waitSynced(x)))
    a.provider.disconnect()
    insertText(a.ydoc, 'offline ')
    insertText(b.ydoc, 'online')
    await waitSaved(b)
    expect(clauseText(b.ydoc)).toBe('online')

    a.provider.connect()
    await waitFor(() => {
      expect(clauseText(a.ydoc)).toBe(clauseText(b.ydoc))
      expect(clauseText(a.ydoc)).toContain('offline ')
      expect(clauseText(a.ydoc)).toContain('online')
    })
    await waitSaved(a)
    // A fresh client gets both from the server alone.
    const fresh = connect(id)
    await waitFor(() => expect(clauseText(fresh.ydoc)).toBe(clauseText(a.ydoc)))
  })

  it('acknowledges stored edits with a state vector covering them', async () => {
    const { id } = await createDocument(owner)
    const a = connect(id)
    await waitSynced(a)
    await waitFor(() => a.acks > 0) // the sync step 2 of the handshake is acknowledged too
    const before = a.acks
    insertText(a.ydoc, 'saved?')
    await waitSaved(a)
    expect(a.acks).toBeGreaterThan(before)
  })

  it('relays awareness and removes a departed client from it', async () => {
    const { id } = await createDocument(owner)
    const [a, b] = [connect(id), connect(id)]
    a.provider.awareness.setLocalStateField('cursor', { at: 3 })
    await Promise.all([waitSynced(a), waitSynced(b)])
    await waitFor(() =>
      expect(b.provider.awareness.getStates().get(a.ydoc.clientID)).toEqual({
        cursor: { at: 3 },
        user: { name: 'Ada Admin', organization: 'SEC', color: '#1f5fa8', userId: owner.user.id },
      }),
    )
    // A newcomer gets the states already present when it joins.
    const c = connect(id)
    await waitFor(() => expect(c.provider.awareness.getStates().has(a.ydoc.clientID)).toBe(true))
    // A's socket dies without a goodbye: the server removes the states it announced.
    ;(a.provider.ws as unknown as WebSocket).terminate()
    a.provider.disconnect()
    await waitFor(() => expect(b.provider.awareness.getStates().has(a.ydoc.clientID)).toBe(false))
  })

  it('refuses an unknown document with 4404, and the provider stops retrying', async () => {
    const client = connect('zzzzzzzzzzzzzzzz')
    const closed = new Promise<{ code: number; reason: string }>((resolve) => client.provider.on('closed', resolve))
    await waitClosedWith(client, CloseCode.unknownDocument)
    expect((await closed).reason).toBe('no such document')
    expect(client.provider.shouldConnect).toBe(false)
  })

  it('refuses an editor page of another schema version with 4426 before any sync, and lets the current one and stock clients in', async () => {
    const { id } = await createDocument(owner)
    // An Accord page opened before an upgrade (an older schema, or none said): refused, told why.
    for (const query of [`accord=1&schema=${SCHEMA_VERSION - 1}`, 'accord=1', `accord=1&schema=${SCHEMA_VERSION + 1}`, 'accord=1&schema=x']) {
      const raw = openRawSocket(server.wsUrl, `${id}?${query}`, { cookie: owner.cookie, accord: false })
      const closed = await raw.closed
      expect(closed, query).toEqual({ code: CloseCode.outdated, reason: 'editor outdated: reload the page' })
      expect(raw.messages, query).toEqual([]) // not even the server's sync step 1
    }
    // The current editor's parameters and a stock y-websocket client (no schema to bind) sync.
    const current = connect(id)
    const stock = connectClient(server.wsUrl, id, { cookie: owner.cookie, accord: false })
    clients.push(stock)
    await Promise.all([waitSynced(current), waitSynced(stock)])
  })

  it('refuses a malformed document id with 4404', async () => {
    const raw = openRawSocket(server.wsUrl, 'NOT..valid', { cookie: owner.cookie })
    expect((await raw.closed).code).toBe(CloseCode.unknownDocument)
    const tooLong = openRawSocket(server.wsUrl, 'a'.repeat(17), { cookie: owner.cookie })
    expect((await tooLong.closed).code).toBe(CloseCode.unknownDocument)
  })

  it('answers an upgrade on another path with HTTP 404', async () => {
    const raw = openRawSocket(server.wsUrl.replace('/sync', '/elsewhere'), 'x')
    await expect(raw.opened).rejects.toThrow()
    await raw.closed
  })

  it('ignores the query string of the sync URL', async () => {
    const { id } = await createDocument(owner)
    const raw = openRawSocket(server.wsUrl, `${id}?token=abc`, { cookie: owner.cookie })
    await raw.opened
    raw.ws.close()
    expect((await raw.closed).code).toBe(1005)
  })
})

describe('shutdown', () => {
  it('closes sync connections with the retryable 4504', async () => {
    const server = await startTestServer()
    const owner = await setupAdmin(server.url)
    const { id } = await createDocument(owner)
    const client = connectClient(server.wsUrl, id, { cookie: owner.cookie })
    try {
      await waitSynced(client)
      await server.close()
      await waitClosedWith(client, CloseCode.serverShutdown)
    } finally {
      client.destroy()
    }
  })
})
