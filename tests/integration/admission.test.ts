import fs from 'node:fs'
import WebSocket from 'ws'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { CloseCode, MessageType } from '../../shared/protocol'
import { startTestServer, removeDir, tempDataDir, type TestServer } from '../helpers/server'
import { startChildServer, type ChildServer } from '../helpers/childServer'
import { bundleServer } from '../helpers/serverBundle'
import { createDocument, setupAdmin, signIn, type Account } from '../helpers/accounts'
import { clauseText, connectClient, insertText, waitSaved, waitSynced, type TestClient } from '../helpers/clients'
import { tryUpgrade } from '../helpers/upgrade'
import { waitFor } from '../helpers/waitFor'

/**
 * Slow and greedy clients: a client that never reads is dropped before its queue grows past
 * MAX_BUFFERED_BYTES; message and connection rates are limited per session and per address;
 * a flood of upgrade attempts without a session is refused as plain HTTP, before any WebSocket.
 * Each test that needs its own address uses one of 127.0.0.0/8 as the source.
 */

const QUERY_AWARENESS = new Uint8Array([MessageType.queryAwareness])

/** A raw sync socket from `localAddress`, open; `onMessage` sees every frame from the first. */
async function openSocket(
  server: { wsUrl: string },
  docId: string,
  cookie: string,
  localAddress?: string,
  onMessage: (data: Buffer) => void = () => {},
): Promise<WebSocket> {
  const ws = new WebSocket(`${server.wsUrl}/${docId}`, { headers: { Cookie: cookie }, localAddress })
  ws.on('error', () => {})
  ws.on('message', onMessage)
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve())
    ws.once('close', (code) => reject(new Error(`closed before open: ${code}`)))
  })
  return ws
}

/** Resolves once the server has handled every frame sent before (its pong follows them). */
const handled = (ws: WebSocket) => new Promise<void>((resolve) => ws.once('pong', () => resolve()).ping())

const closeCode = (ws: WebSocket) =>
  new Promise<number>((resolve) => (ws.readyState === ws.CLOSED ? resolve(-1) : ws.once('close', (code) => resolve(code))))

describe('a client that does not read', () => {
  it('is closed (1013) once its queue passes MAX_BUFFERED_BYTES; the server stops queuing for it', { timeout: 60_000 }, async () => {
    const maxBufferedBytes = 256 * 1024
    const server = await startTestServer({ config: { maxBufferedBytes, maxMessageBytes: 1024 * 1024 } })
    const clients: TestClient[] = []
    try {
      const owner = await setupAdmin(server.url)
      const { id } = await createDocument(owner)
      const writer = connectClient(server.wsUrl, id, { cookie: owner.cookie })
      const reader = connectClient(server.wsUrl, id, { cookie: owner.cookie })
      clients.push(writer, reader)
      await Promise.all([waitSynced(writer), waitSynced(reader)])

      let received = 0
      const sleeper = await openSocket(server, id, owner.cookie, undefined, (data) => (received += data.byteLength))
      await waitFor(() => received > 0) // its handshake arrived; from now on it reads nothing
      sleeper.pause()
      const closed = closeCode(sleeper)

      // 24 MiB of edits: far more than the limit plus what the kernel's socket buffers hold.
      const chunk = 'x'.repeat(200 * 1024)
      const rounds = 120
      // One edit per turn: the server merges what arrives in one turn into one frame, and a
      // burst of 20 × 200 KiB in one frame would (rightly) exceed this tiny limit for the
      // healthy reader too.
      for (let i = 0; i < rounds; i++) {
        insertText(writer.ydoc, chunk, { index: 0 })
        await waitFor(() => clauseText(reader.ydoc).length === (i + 1) * chunk.length, 20_000)
      }
      await waitSaved(writer, 20_000)
      expect(reader.closeCodes).toEqual([])

      // Now it reads what was queued for it: far less than the flood, then the close frame.
      sleeper.resume()
      expect(await closed).toBe(1013)
      const flood = rounds * chunk.length
      console.log(`slow client: received ${received} of ${flood} bytes before being closed (limit ${maxBufferedBytes})`)
      expect(received).toBeLessThan(flood / 2)
    } finally {
      clients.forEach((c) => c.destroy())
      await server.close()
    }
  })
})

describe('rate and connection limits', () => {
  let server: TestServer
  let owner: Account
  let docId: string
  const sockets: WebSocket[] = []
  const clients: TestClient[] = []

  beforeAll(async () => {
    server = await startTestServer({
      config: {
        syncMessagesPerSecond: 50, // bursts of 500 per session
        syncMessagesPerSecondPerAddress: 60, // bursts of 600 per address
        syncMaxPerSession: 3,
        syncMaxPerAddress: 5,
        syncConnectPerMinute: 60,
      },
    })
    owner = await setupAdmin(server.url)
    docId = (await createDocument(owner)).id
  })
  afterEach(() => {
    sockets.splice(0).forEach((ws) => ws.terminate())
    clients.splice(0).forEach((c) => c.destroy())
  })
  afterAll(async () => {
    await server?.close()
  })

  const open = async (account: Account, localAddress: string) => {
    const ws = await openSocket(server, docId, account.cookie, localAddress)
    sockets.push(ws)
    return ws
  }

  it('closes a session over its message rate with 4429; others, elsewhere, carry on', async () => {
    const bystanderSession = await signIn(server.url, owner.email)
    const bystander = connectClient(server.wsUrl, docId, { cookie: bystanderSession.cookie })
    const other = connectClient(server.wsUrl, docId, { cookie: bystanderSession.cookie })
    clients.push(bystander, other)
    await Promise.all([waitSynced(bystander), waitSynced(other)])

    const greedy = await open(await signIn(server.url, owner.email), '127.0.0.2')
    const closed = closeCode(greedy)
    for (let i = 0; i < 600; i++) greedy.send(QUERY_AWARENESS)
    expect(await closed).toBe(CloseCode.rateLimited)

    insertText(bystander.ydoc, 'still here')
    await waitSaved(bystander)
    await waitFor(() => expect(clauseText(other.ydoc)).toBe('still here'))
    expect([...bystander.closeCodes, ...other.closeCodes]).toEqual([])
  })

  it('counts every session of an address together', async () => {
    // Two sessions of 450 messages each: each under its own 500, together over the address's 600
    // (plus what refills meanwhile: 60 a second).
    const first = await open(await signIn(server.url, owner.email), '127.0.0.3')
    const second = await open(await signIn(server.url, owner.email), '127.0.0.3')
    const closed = [closeCode(first), closeCode(second)]
    for (let i = 0; i < 450; i++) first.send(QUERY_AWARENESS)
    await handled(first)
    for (let i = 0; i < 450; i++) second.send(QUERY_AWARENESS)
    expect(await closed[1]).toBe(CloseCode.rateLimited)
    await handled(first)
    expect(first.readyState).toBe(first.OPEN)
  })

  it('refuses a connection over the per-session and per-address limits with HTTP 429, until one closes', async () => {
    const session = await signIn(server.url, owner.email)
    const three = [await open(session, '127.0.0.4'), await open(session, '127.0.0.4'), await open(session, '127.0.0.4')]
    const fourth = await tryUpgrade(server.url, docId, { cookie: session.cookie, localAddress: '127.0.0.4' })
    expect(fourth.status).toBe(429)
    expect(Number(fourth.retryAfter)).toBeGreaterThanOrEqual(1)

    // The same address, another session: two more fit (5 per address), the sixth does not.
    const another = await signIn(server.url, owner.email)
    await open(another, '127.0.0.4')
    await open(another, '127.0.0.4')
    expect((await tryUpgrade(server.url, docId, { cookie: another.cookie, localAddress: '127.0.0.4' })).status).toBe(429)
    // Elsewhere it is no business of this address's.
    expect((await tryUpgrade(server.url, docId, { cookie: session.cookie, localAddress: '127.0.0.5' })).status).toBe(429)
    expect((await tryUpgrade(server.url, docId, { cookie: another.cookie, localAddress: '127.0.0.6' })).status).toBe(101)

    // A slot frees when a socket closes.
    three[0].terminate()
    await waitFor(async () => expect((await tryUpgrade(server.url, docId, { cookie: session.cookie, localAddress: '127.0.0.7' })).status).toBe(101))
  })

  it('refuses upgrade attempts over the per-address rate with HTTP 429 and Retry-After', async () => {
    // 60 a minute: a burst of 60, then one more a second.
    const started = Date.now()
    const answers = []
    while (answers.length < 200 && answers.at(-1)?.status !== 429) answers.push(await tryUpgrade(server.url, docId, { localAddress: '127.0.0.8' }))
    const refilled = Math.ceil((Date.now() - started) / 1000)
    const refused = answers.at(-1)!
    expect(refused.status).toBe(429)
    expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1)
    expect(answers.slice(0, -1).every((a) => a.status === 401)).toBe(true)
    expect(answers.length - 1).toBeGreaterThanOrEqual(60)
    expect(answers.length - 1).toBeLessThanOrEqual(60 + refilled)
    // Another address is not affected.
    expect((await tryUpgrade(server.url, docId, { localAddress: '127.0.0.9' })).status).toBe(401)
  })
})

describe('a flood of connection attempts', () => {
  let dataDir: string
  let bundle: Awaited<ReturnType<typeof bundleServer>>
  let server: ChildServer
  const clients: TestClient[] = []

  beforeAll(async () => {
    dataDir = await tempDataDir()
    bundle = await bundleServer()
    server = await startChildServer({ dataDir, entry: bundle.entry, env: { LOG_LEVEL: 'error' } })
  })
  afterAll(async () => {
    clients.forEach((c) => c.destroy())
    await server?.kill()
    await bundle?.remove()
    if (dataDir) await removeDir(dataDir)
  })

  const rssBytes = () => {
    const status = fs.readFileSync(`/proc/${server.child.pid}/status`, 'utf8')
    return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024
  }

  it('is refused cheaply, before the handshake, while a signed-in editor carries on', { timeout: 60_000 }, async () => {
    const owner = await setupAdmin(server.url)
    const { id } = await createDocument(owner)
    const a = connectClient(server.wsUrl, id, { cookie: owner.cookie })
    const b = connectClient(server.wsUrl, id, { cookie: owner.cookie })
    clients.push(a, b)
    await Promise.all([waitSynced(a), waitSynced(b)])
    const rssBefore = rssBytes()

    // 2000 attempts, 50 at a time: half without a cookie, half with a forged one.
    const statuses = { noCookie: new Map<number, number>(), forged: new Map<number, number>() }
    let next = 0
    let roundTrips = 0
    let slowest = 0
    let flooding = true
    const attempt = async () => {
      while (next < 2000) {
        const i = next++
        const forged = i % 2 === 1
        const answer = await tryUpgrade(server.url, id, {
          localAddress: forged ? '127.0.0.11' : '127.0.0.10',
          cookie: forged ? `accord_session=${'F'.repeat(43)}` : undefined,
        })
        const map = forged ? statuses.forged : statuses.noCookie
        map.set(answer.status, (map.get(answer.status) ?? 0) + 1)
      }
    }
    // Meanwhile the editors keep exchanging edits; the slowest round trip is recorded.
    const editing = (async () => {
      while (flooding) {
        const started = Date.now()
        insertText(a.ydoc, `${roundTrips} `, { index: 1_000_000 })
        const expected = clauseText(a.ydoc)
        await waitFor(() => clauseText(b.ydoc) === expected, 10_000)
        slowest = Math.max(slowest, Date.now() - started)
        roundTrips++
      }
    })()
    const started = Date.now()
    await Promise.all(Array.from({ length: 50 }, attempt))
    const elapsed = Date.now() - started
    flooding = false
    await editing
    const rssAfter = rssBytes()
    const show = (m: Map<number, number>) => JSON.stringify(Object.fromEntries(m))
    console.log(
      `connection flood: 2000 attempts in ${elapsed} ms — without a cookie ${show(statuses.noCookie)}, with a forged one ${show(statuses.forged)}; ` +
        `${roundTrips} edit round trips meanwhile, slowest ${slowest} ms; server RSS ${(rssBefore / 2 ** 20).toFixed(0)} → ${(rssAfter / 2 ** 20).toFixed(0)} MiB`,
    )

    // Without a cookie: never a WebSocket, 401 until the address's attempt budget is spent, then 429.
    expect([...statuses.noCookie.keys()].sort()).toEqual([401, 429])
    // A forged cookie gets its 4401 (so a signed-out browser learns why) only within the same budget.
    expect([...statuses.forged.keys()].sort()).toEqual([101, 429])
    // (The default budget: 300 attempts a minute, refilled at 5 a second while the flood lasts.)
    expect(statuses.forged.get(101)!).toBeLessThanOrEqual(300 + Math.ceil((elapsed / 1000) * 5) + 1)
    expect(roundTrips).toBeGreaterThan(0)
    expect(slowest).toBeLessThan(5000)
    expect(rssAfter - rssBefore).toBeLessThan(64 * 2 ** 20)
    expect([...a.closeCodes, ...b.closeCodes]).toEqual([])
    // And a signed-in newcomer still gets in.
    const c = connectClient(server.wsUrl, id, { cookie: owner.cookie })
    clients.push(c)
    await waitSynced(c)
    expect(clauseText(c.ydoc)).toBe(clauseText(a.ydoc))
  })
})
