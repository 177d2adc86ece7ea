import WebSocket from 'ws'
import * as Y from 'yjs'
import * as syncProtocol from 'y-protocols/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CloseCode } from '../../shared/protocol'
import type { DocJSON } from '../../shared/schema'
import { removeDir, startTestServer, tempDataDir, type TestServer, type TestServerOptions } from '../helpers/server'
import { startChildServer, type ChildServer } from '../helpers/childServer'
import { bundleServer } from '../helpers/serverBundle'
import { bindAccount, createDocument, setupAdmin, type Account } from '../helpers/accounts'
import {
  clauseText,
  connectClient,
  contentOf,
  insertText,
  nthElement,
  openRawSocket,
  waitSaved,
  waitSynced,
  type TestClient,
} from '../helpers/clients'
import { createFuzzer, FUZZ_KINDS, type FuzzFrame, type FuzzKind } from '../helpers/fuzzFrames'
import { createRng, seedFrom } from '../helpers/random'
import { syncFrame } from '../helpers/rawSync'
import { waitFor } from '../helpers/waitFor'
import { writeDocJSON } from '../../shared/ydoc'
import { sampleLaw } from '../../shared/seed/modelLaw'

/**
 * Protocol fuzz against the real server process: thousands of random and mutated frames of every
 * message type, from several raw connections at once, while two stock clients keep editing the
 * same document. Each frame is followed by a ping: its pong proves the server processed the frame
 * and kept the connection; otherwise the server must have closed exactly this connection, as
 * malformed (4400) or too large (1009). Replay a failure with FUZZ_SEED=<seed>.
 */

const FRAMES = Number(process.env.FUZZ_FRAMES ?? 10_000)
const WORKERS = Number(process.env.FUZZ_WORKERS ?? 3)
const MAX_MESSAGE_BYTES = 64 * 1024
/** Longest a frame may go unanswered: a server that takes longer is hung, for this test. */
const FRAME_TIMEOUT_MS = 5000
const ALLOWED_CLOSES = new Set<number>([CloseCode.malformedMessage, 1009])

type Outcome = { alive: true } | { alive: false; code: number }

/** A raw sync connection that sends one frame at a time and learns what became of it. */
class FuzzSocket {
  private pings = 0
  private constructor(private readonly ws: WebSocket) {}

  static async open(url: string, cookie: string): Promise<FuzzSocket> {
    const ws = new WebSocket(url, { headers: { Cookie: cookie }, perMessageDeflate: false })
    ws.on('error', () => {}) // the close code is what counts
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve())
      ws.once('close', (code) => reject(new Error(`fuzz connection refused (${code})`)))
    })
    return new FuzzSocket(ws)
  }

  send(frame: FuzzFrame): Promise<Outcome> {
    const nonce = Buffer.from(`p${++this.pings}`)
    return new Promise<Outcome>((resolve, reject) => {
      const done = (outcome: Outcome) => {
        clearTimeout(timer)
        this.ws.off('pong', onPong)
        this.ws.off('close', onClose)
        resolve(outcome)
      }
      const onPong = (data: Buffer) => {
        if (data.equals(nonce)) done({ alive: true })
      }
      const onClose = (code: number) => done({ alive: false, code })
      const timer = setTimeout(() => reject(new Error(`no answer within ${FRAME_TIMEOUT_MS} ms to a ${frame.kind} frame`)), FRAME_TIMEOUT_MS)
      this.ws.on('pong', onPong)
      this.ws.once('close', onClose)
      this.ws.send(frame.data, { binary: typeof frame.data !== 'string' }, () => {})
      // The ping follows the frame on the same socket: its pong comes after the frame was handled.
      this.ws.ping(nonce, undefined, () => {})
    })
  }

  close(): void {
    this.ws.terminate()
  }
}

describe('protocol fuzz', () => {
  const seed = seedFrom('FUZZ_SEED')
  let dataDir: string
  let bundle: Awaited<ReturnType<typeof bundleServer>>
  let server: ChildServer
  let owner: Account
  let docId: string
  const clients: TestClient[] = []
  const env = {
    MAX_MESSAGE_BYTES: String(MAX_MESSAGE_BYTES),
    COMPACT_AFTER_UPDATES: '20',
    LOG_LEVEL: 'error',
    SYNC_CONNECT_PER_MINUTE: '1000000',
    SYNC_MESSAGES_PER_SECOND: '1000000',
    SYNC_MESSAGES_PER_SECOND_PER_ADDRESS: '1000000',
  }

  beforeAll(async () => {
    console.log(`protocol fuzz: FUZZ_SEED=${seed}, ${FRAMES} frames`)
    dataDir = await tempDataDir()
    bundle = await bundleServer()
    server = await startChildServer({ dataDir, entry: bundle.entry, env })
    owner = await setupAdmin(server.url)
    docId = (await createDocument(owner, { title: 'Fuzzed', template: 'sample' })).id
  })

  afterAll(async () => {
    clients.forEach((c) => c.destroy())
    await server?.kill()
    await bundle?.remove()
    if (dataDir) await removeDir(dataDir)
  })

  it(`survives ${FRAMES} hostile frames of every type; the document stays intact for everyone else`, { timeout: 120_000 }, async () => {
    const rng = createRng(seed)
    const fuzzer = createFuzzer(rng, MAX_MESSAGE_BYTES)
    const a = connectClient(server.wsUrl, docId, { cookie: owner.cookie })
    const b = connectClient(server.wsUrl, docId, { cookie: owner.cookie })
    clients.push(a, b)
    await Promise.all([waitSynced(a), waitSynced(b)])
    const before = contentOf(a.ydoc)

    // The stock clients edit all along; every edit must arrive, be stored and be acknowledged.
    let edits = 0
    const editing = setInterval(() => {
      const who = edits % 2 === 0 ? a : b
      insertText(who.ydoc, `e${edits++} `, { index: 1_000_000 })
    }, 40)

    const counts = Object.fromEntries(FUZZ_KINDS.map((k) => [k, { sent: 0, closed: 0 }])) as Record<FuzzKind, { sent: number; closed: number }>
    const closeCodes = new Map<number, number>()
    let remaining = FRAMES
    const started = Date.now()
    const worker = async () => {
      let socket = await FuzzSocket.open(`${server.wsUrl}/${docId}`, owner.cookie)
      while (remaining > 0) {
        remaining--
        // Round-robin over the kinds keeps the counts even; the content is random.
        const frame = fuzzer.next(FUZZ_KINDS[remaining % FUZZ_KINDS.length])
        const outcome = await socket.send(frame)
        counts[frame.kind].sent++
        if (outcome.alive) continue
        counts[frame.kind].closed++
        closeCodes.set(outcome.code, (closeCodes.get(outcome.code) ?? 0) + 1)
        if (!ALLOWED_CLOSES.has(outcome.code)) throw new Error(`a ${frame.kind} frame closed its connection with ${outcome.code} (FUZZ_SEED=${seed})`)
        socket = await FuzzSocket.open(`${server.wsUrl}/${docId}`, owner.cookie)
      }
      socket.close()
    }
    try {
      await Promise.all(Array.from({ length: WORKERS }, worker))
    } finally {
      clearInterval(editing)
    }
    const elapsed = Date.now() - started
    const total = Object.values(counts).reduce((n, c) => n + c.sent, 0)
    console.log(
      `protocol fuzz: ${total} frames in ${elapsed} ms (FUZZ_SEED=${seed}); per type sent/closed: ` +
        FUZZ_KINDS.map((k) => `${k} ${counts[k].sent}/${counts[k].closed}`).join(', ') +
        `; close codes: ${JSON.stringify(Object.fromEntries(closeCodes))}`,
    )
    expect(total).toBe(FRAMES)
    expect(server.child.exitCode).toBeNull()

    // The stock clients were never disconnected, have each other's edits and all acknowledged.
    await Promise.all([waitSaved(a, 10_000), waitSaved(b, 10_000)])
    await waitFor(() => expect(contentOf(b.ydoc)).toEqual(contentOf(a.ydoc)), 10_000)
    expect(a.closeCodes).toEqual([])
    expect(b.closeCodes).toEqual([])
    const text = clauseText(a.ydoc)
    for (let i = 0; i < edits; i++) expect(text).toContain(`e${i} `)
    // Nothing but those edits changed the legal text.
    const expected = contentOf(a.ydoc)
    expect(withoutEdits(expected)).toEqual(withoutEdits(before))

    // The server holds the same, and a newcomer gets exactly it.
    const stored = async () => (await bindAccount(server.url, owner).json<DocJSON>(`/api/documents/${docId}/content`)) as DocJSON
    expect(await stored()).toEqual(expected)
    const fresh = connectClient(server.wsUrl, docId, { cookie: owner.cookie })
    clients.push(fresh)
    await waitFor(() => expect(contentOf(fresh.ydoc)).toEqual(expected), 10_000)

    // And the stored document loads after a restart: once after a clean stop (which compacts),
    // once after a crash.
    clients.splice(0).forEach((c) => c.destroy())
    expect(await server.stop()).toBe(0)
    server = await startChildServer({ dataDir, entry: bundle.entry, env })
    expect(await stored()).toEqual(expected)
    await server.kill()
    server = await startChildServer({ dataDir, entry: bundle.entry, env })
    expect(await stored()).toEqual(expected)
  })
})

/** The document with the test's own `e<n> ` edits taken out of every text. */
function withoutEdits(doc: DocJSON): DocJSON {
  return JSON.parse(JSON.stringify(doc).replace(/e\d+ /g, '')) as DocJSON
}

/** What a test on a server of its own gets: the sample law, its owner and a synced client on it. */
interface OwnServer {
  s: TestServer
  admin: Account
  id: string
  client: TestClient
  /** Runs `fn` when the test ends, before what was added earlier (the server closes last). */
  onEnd(fn: () => unknown): void
  /** The document as the server gives it out now (loaded again from storage once unloaded). */
  content(): Promise<DocJSON>
}

async function onOwnServer(options: TestServerOptions, test: (t: OwnServer) => Promise<void>): Promise<void> {
  const s = await startTestServer(options)
  const cleanup: (() => unknown)[] = [() => s.close()]
  try {
    const admin = await setupAdmin(s.url)
    const { id } = await createDocument(admin, { template: 'sample' })
    const client = connectClient(s.wsUrl, id, { cookie: admin.cookie })
    cleanup.unshift(() => client.destroy())
    await waitSynced(client)
    const content = () => bindAccount(s.url, admin).json<DocJSON>(`/api/documents/${id}/content`)
    await test({ s, admin, id, client, onEnd: (fn) => cleanup.unshift(fn), content })
  } finally {
    for (const c of cleanup) await c()
  }
}

describe('an update with missing dependencies (e.g. one of another document)', () => {
  it('is never stored, sent on or compacted, and does not hold up acknowledgements', () =>
    onOwnServer({ config: { compactAfterUpdates: 2, idleUnloadMs: 20 } }, async ({ s, admin, id, client: a, onEnd, content }) => {
      // An edit of another document built from the same template: its structs hang off items
      // this document does not have, so Yjs parks it as pending.
      const other = new Y.Doc()
      writeDocJSON(other, sampleLaw('en'))
      const foreign: Uint8Array[] = []
      other.on('update', (u: Uint8Array) => foreign.push(u))
      ;(nthElement(other, 'clause', 0).get(0) as Y.XmlText).insert(0, 'FOREIGN ')
      const raw = openRawSocket(s.wsUrl, id, { cookie: admin.cookie })
      onEnd(() => raw.ws.terminate())
      await raw.opened
      raw.ws.send(syncFrame(syncProtocol.messageYjsUpdate, foreign[0]))

      // Later edits are still acknowledged, compacted (compactAfterUpdates: 2) and reloadable.
      for (let i = 0; i < 5; i++) {
        insertText(a.ydoc, `after${i} `, { index: 1_000_000 })
        await waitSaved(a)
      }
      const newcomer = connectClient(s.wsUrl, id, { cookie: admin.cookie })
      onEnd(() => newcomer.destroy())
      await waitSynced(newcomer)
      expect(newcomer.ydoc.store.pendingStructs).toBeNull() // nothing parked was sent to it
      expect(contentOf(newcomer.ydoc)).toEqual(contentOf(a.ydoc))
      expect(JSON.stringify(contentOf(a.ydoc))).not.toContain('FOREIGN')

      // Everyone leaves: the room is compacted and unloaded; it loads again from what was stored.
      a.destroy()
      newcomer.destroy()
      raw.ws.terminate()
      await waitFor(async () => expect(JSON.stringify(await content())).toContain('after4 '))
      expect(JSON.stringify(await content())).not.toContain('FOREIGN')
      other.destroy()
    }))
})

describe('edits that arrive before the edit they build on', () => {
  it('are passed on and stored once that edit arrives', () =>
    onOwnServer({ config: { idleUnloadMs: 20 } }, async ({ s, admin, id, client: observer, onEnd, content }) => {
      // A writer of this document whose second edit reaches the server before its first.
      const writer = new Y.Doc()
      Y.applyUpdate(writer, Y.encodeStateAsUpdate(observer.ydoc))
      const edits: Uint8Array[] = []
      writer.on('update', (u: Uint8Array) => edits.push(u))
      insertText(writer, 'FIRST ')
      insertText(writer, 'SECOND ')
      const raw = openRawSocket(s.wsUrl, id, { cookie: admin.cookie })
      onEnd(() => raw.ws.terminate())
      await raw.opened
      for (const edit of [edits[1], edits[0]]) raw.ws.send(syncFrame(syncProtocol.messageYjsUpdate, edit))

      await waitFor(() => expect(clauseText(observer.ydoc)).toContain('SECOND FIRST '))
      const newcomer = connectClient(s.wsUrl, id, { cookie: admin.cookie })
      onEnd(() => newcomer.destroy())
      await waitSynced(newcomer)
      expect(contentOf(newcomer.ydoc)).toEqual(contentOf(writer))

      // Everyone leaves: the room is unloaded and loads again from what was stored.
      observer.destroy()
      newcomer.destroy()
      raw.ws.terminate()
      await waitFor(async () => expect(await content()).toEqual(contentOf(writer)))
      writer.destroy()
    }))
})
