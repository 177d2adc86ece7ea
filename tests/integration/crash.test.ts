import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DocJSON } from '../../shared/schema'
import { removeDir, tempDataDir } from '../helpers/server'
import { startChildServer, type ChildServer } from '../helpers/childServer'
import { bundleServer } from '../helpers/serverBundle'
import { bindAccount, createDocument, setupAdmin, type Account } from '../helpers/accounts'
import { connectClient, contentOf, isSaved, ownClock, storedClock, textField, waitSynced, type TestClient } from '../helpers/clients'
import { createRng, seedFrom, type Rng } from '../helpers/random'
import { waitFor } from '../helpers/waitFor'

/**
 * Crash safety: stock clients edit two documents on the server process, which is killed with
 * SIGKILL at a random moment, then restarted on the same data directory. Every edit any client
 * had received from the server — another client's edit it saw, or one of its own the server
 * acknowledged as stored — must be in the stored document; every document must load; and once
 * the clients reconnect, they converge on a document holding every edit ever made.
 * Replay a failure with CRASH_SEED=<seed>.
 */

const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 20)
const CLIENTS_PER_DOC = 3
const TOKEN = /c(\d+)r(\d+)n(\d+);/g

interface Editor {
  index: number
  client: TestClient
  docIndex: number
  /** Own edits: the token and the client's clock right after it. */
  own: { token: string; clock: number }[]
}

function tokensIn(doc: DocJSON): Set<string> {
  return new Set(JSON.stringify(doc).match(TOKEN) ?? [])
}

/** One random edit: a token at the start or end of some paragraph, or a new paragraph holding one. */
function edit(editor: Editor, round: number, n: number, rng: Rng): void {
  const token = `c${editor.index}r${round}n${n};`
  const ydoc = editor.client.ydoc
  const articles = textField(ydoc)
    .toArray()
    .filter((node): node is Y.XmlElement => node instanceof Y.XmlElement && node.nodeName === 'article')
  if (articles.length === 0) return
  const article = rng.pick(articles)
  ydoc.transact(() => {
    if (rng.chance(0.15)) {
      const clause = new Y.XmlElement('clause')
      clause.setAttribute('id', `crash${editor.index}x${round}x${n}`)
      clause.insert(0, [new Y.XmlText(token)])
      article.insert(1 + rng.int(article.length), [clause])
      return
    }
    const blocks = article.toArray().slice(1).filter((b): b is Y.XmlElement => b instanceof Y.XmlElement)
    if (blocks.length === 0) return
    const block = rng.pick(blocks)
    let text = block.toArray().find((c): c is Y.XmlText => c instanceof Y.XmlText)
    if (!text) {
      text = new Y.XmlText()
      block.insert(0, [text])
    }
    // Only at either end, so a token never lands inside another one.
    text.insert(rng.chance(0.5) ? 0 : text.length, token)
  })
  editor.own.push({ token, clock: ownClock(ydoc) })
}

describe('crash safety', () => {
  const seed = seedFrom('CRASH_SEED')
  let dataDir: string
  let bundle: Awaited<ReturnType<typeof bundleServer>>
  let server: ChildServer | undefined
  let port = 0
  const editors: Editor[] = []
  const env = { COMPACT_AFTER_UPDATES: '25', LOG_LEVEL: 'error', SYNC_CONNECT_PER_MINUTE: '100000' }

  /** (Re)starts the server on the same port, so the providers find it again by themselves. */
  async function start(): Promise<ChildServer> {
    let lastError: unknown
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        const s = await startChildServer({ dataDir, entry: bundle.entry, env: { ...env, PORT: String(port) } })
        port = s.port
        return s
      } catch (err) {
        lastError = err // the port may take a moment to be free again
        await new Promise((r) => setTimeout(r, 100))
      }
    }
    throw lastError
  }

  beforeAll(async () => {
    console.log(`crash safety: CRASH_SEED=${seed}, ${ROUNDS} rounds`)
    dataDir = await tempDataDir()
    bundle = await bundleServer()
  })

  afterAll(async () => {
    editors.forEach((e) => e.client.destroy())
    await server?.kill()
    await bundle?.remove()
    if (dataDir) await removeDir(dataDir)
  })

  it(`keeps every edit a client received from the server through ${ROUNDS} SIGKILLs`, { timeout: 180_000 }, async () => {
    const rng = createRng(seed)
    server = await start()
    const owner: Account = await setupAdmin(server.url)
    const docIds = [
      (await createDocument(owner, { title: 'Crash one', template: 'sample' })).id,
      (await createDocument(owner, { title: 'Crash two', template: 'sample' })).id,
    ]
    for (const [docIndex, docId] of docIds.entries()) {
      for (let i = 0; i < CLIENTS_PER_DOC; i++) {
        const client = connectClient(server.wsUrl, docId, { cookie: owner.cookie })
        editors.push({ index: editors.length, client, docIndex, own: [] })
      }
    }
    const stored = async (docId: string) => bindAccount(server!.url, owner).json<DocJSON>(`/api/documents/${docId}/content`)
    let edits = 0
    let received = 0
    let resent = 0

    for (let round = 1; round <= ROUNDS; round++) {
      await Promise.all(editors.map((e) => waitSynced(e.client, 15_000)))

      // Everyone types until the server dies, at a random moment.
      const timers = editors.map((editor) => {
        let n = 0
        return setInterval(() => {
          edit(editor, round, n++, rng)
          edits++
        }, rng.between(10, 40))
      })
      await new Promise((r) => setTimeout(r, rng.between(100, 700)))
      await server.kill()
      timers.forEach(clearInterval)

      // What each client got from the server before it died, once its socket has closed.
      await waitFor(() => editors.every((e) => !e.client.provider.wsconnected), 5000)
      editors.forEach((e) => e.client.provider.disconnect())
      const mustHave = docIds.map(() => new Set<string>())
      for (const editor of editors) {
        const own = new Set(editor.own.map((o) => o.token))
        for (const token of tokensIn(contentOf(editor.client.ydoc))) if (!own.has(token)) mustHave[editor.docIndex].add(token)
        const stored = storedClock(editor.client)
        for (const o of editor.own) if (o.clock <= stored) mustHave[editor.docIndex].add(o.token)
      }

      // Restarted, before any client is back: the store alone must hold all of it, loadably.
      server = await start()
      for (const [i, docId] of docIds.entries()) {
        const have = tokensIn(await stored(docId))
        const lost = [...mustHave[i]].filter((t) => !have.has(t))
        expect(lost, `round ${round}, document ${i + 1}: lost ${lost.length} of ${mustHave[i].size} (CRASH_SEED=${seed})`).toEqual([])
        const thisRound = [...mustHave[i]].filter((t) => t.includes(`r${round}n`))
        received += thisRound.length
        resent += editors.filter((e) => e.docIndex === i).flatMap((e) => e.own).filter((o) => o.token.includes(`r${round}n`) && !mustHave[i].has(o.token)).length
      }

      // The clients come back, send what the server lacks, and converge on every edit ever made.
      editors.forEach((e) => e.client.provider.connect())
      for (const [i, docId] of docIds.entries()) {
        const group = editors.filter((e) => e.docIndex === i)
        const everything = new Set(group.flatMap((e) => e.own.map((o) => o.token)))
        await waitFor(() => {
          const first = contentOf(group[0].client.ydoc)
          for (const e of group) expect(contentOf(e.client.ydoc)).toEqual(first)
          expect(tokensIn(first)).toEqual(everything)
          for (const e of group) expect(isSaved(e.client)).toBe(true)
        }, 15_000)
        expect(tokensIn(await stored(docId))).toEqual(everything)
      }
    }
    console.log(
      `crash safety: ${ROUNDS} rounds survived, ${edits} edits; ${received} had reached another client or been ` +
        `acknowledged when the server was killed and were all in the store after the restart; the other ${resent} ` +
        `came back from the clients that kept them; nothing lost (CRASH_SEED=${seed})`,
    )
  })
})
