import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { CloseCode } from '../../shared/protocol'
import { startTestServer, type TestServer } from '../helpers/server'
import { createDocument, setupAdmin, type Account } from '../helpers/accounts'
import WebSocket from 'ws'
import { clauseText, connectClient, insertText, openRawSocket, waitSynced, type TestClient } from '../helpers/clients'
import { waitFor } from '../helpers/waitFor'

const MAX_MESSAGE_BYTES = 64 * 1024

describe('bad and oversized frames', () => {
  let server: TestServer
  let owner: Account
  const clients: TestClient[] = []

  /** Two stock clients on a fresh document, synced. */
  async function pair() {
    const { id } = await createDocument(owner)
    const b = connectClient(server.wsUrl, id, { cookie: owner.cookie })
    const c = connectClient(server.wsUrl, id, { cookie: owner.cookie })
    clients.push(b, c)
    await Promise.all([waitSynced(b), waitSynced(c)])
    return { id, b, c }
  }

  /** B and C still exchange edits, over connections that were never closed. */
  async function stillSyncing(b: TestClient, c: TestClient, text: string) {
    insertText(b.ydoc, text)
    await waitFor(() => expect(clauseText(c.ydoc)).toContain(text))
    expect(b.closeCodes).toEqual([])
    expect(c.closeCodes).toEqual([])
  }

  beforeAll(async () => {
    server = await startTestServer({ config: { maxMessageBytes: MAX_MESSAGE_BYTES } })
    owner = await setupAdmin(server.url)
  })
  afterEach(() => {
    clients.splice(0).forEach((c) => c.destroy())
  })
  afterAll(async () => {
    await server?.close()
  })

  it.each([
    ['a truncated sync message', [0, 255, 255, 255, 255, 255]],
    ['an unknown message type', [77, 1, 2, 3]],
    ['an unknown sync message type', [0, 9, 0]],
    ['an undecodable update', [0, 2, 5, 1, 2, 3, 4, 5]],
  ])('%s closes only the sender with 4400', async (_name, bytes) => {
    const { id, b, c } = await pair()
    const raw = openRawSocket(server.wsUrl, id, { cookie: owner.cookie })
    await raw.opened
    raw.ws.send(new Uint8Array(bytes))
    expect((await raw.closed).code).toBe(CloseCode.malformedMessage)
    await stillSyncing(b, c, 'after malformed')
  })

  it('a text frame closes only the sender with 4400', async () => {
    const { id, b, c } = await pair()
    const raw = openRawSocket(server.wsUrl, id, { cookie: owner.cookie })
    await raw.opened
    raw.ws.send('hello')
    expect((await raw.closed).code).toBe(CloseCode.malformedMessage)
    await stillSyncing(b, c, 'after text')
  })

  it('a frame over MAX_MESSAGE_BYTES closes only the sender with 1009', async () => {
    const { id, b, c } = await pair()
    const raw = openRawSocket(server.wsUrl, id, { cookie: owner.cookie })
    await raw.opened
    raw.ws.send(new Uint8Array(MAX_MESSAGE_BYTES + 1024))
    expect((await raw.closed).code).toBe(1009)
    await stillSyncing(b, c, 'after oversized')
  })

  it('keeps serving new connections and HTTP afterwards', async () => {
    const { b, c } = await pair()
    await stillSyncing(b, c, 'still here')
    const health = await fetch(`${server.url}/api/health`)
    expect(health.status).toBe(200)
  })
})

describe('keepalive', () => {
  it('drops a connection that stops answering pings, and only that one', async () => {
    const server = await startTestServer({ config: { pingIntervalMs: 100 } })
    const owner = await setupAdmin(server.url)
    const { id } = await createDocument(owner)
    const live = connectClient(server.wsUrl, id, { cookie: owner.cookie })
    try {
      // A peer that has gone away: its socket is open but it never answers a ping.
      const dead = new WebSocket(`${server.wsUrl}/${id}`, { autoPong: false, headers: { Cookie: owner.cookie } })
      dead.on('error', () => {})
      const closed = new Promise<number>((resolve) => dead.once('close', (code) => resolve(code)))
      expect(await closed).toBe(1006)
      await waitSynced(live)
      expect(live.closeCodes).toEqual([])
    } finally {
      live.destroy()
      await server.close()
    }
  })
})
