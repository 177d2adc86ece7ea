import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { ImportCreated } from '../../shared/api'
import { generateLaw } from '../../shared/diff/testing/generateLaw'
import { startChildServer, type ChildServer } from '../helpers/childServer'
import { removeDir, tempDataDir } from '../helpers/server'
import { createDocument, setupAdmin, type Account } from '../helpers/accounts'
import { connectClient, elementText, insertText, waitSynced, type TestClient } from '../helpers/clients'
import { unzipText } from '../helpers/zip'

/**
 * A big export must not stall other documents' sync. The server runs as its own process, started
 * the way `npm start` runs it (through tsx), so this also checks that the export worker process
 * loads its TypeScript there. While DOCX exports of a generated 300-article law are prepared, two
 * clients keep editing another draft and every edit's round trip (client → server → client) is
 * timed: it stays far below the time an export takes, which is what it would be if the export ran
 * on the server's event loop.
 */

describe('a large export and live sync', () => {
  let server: ChildServer
  let dataDir: string
  let owner: Account
  const clients: TestClient[] = []

  beforeAll(async () => {
    dataDir = await tempDataDir()
    server = await startChildServer({ dataDir })
    owner = await setupAdmin(server.url)
  })
  afterAll(async () => {
    for (const c of clients) c.destroy()
    await server?.stop()
    await removeDir(dataDir)
  })

  /** Time from an edit on `from` until `to` has it. */
  async function roundTrip(from: TestClient, to: TestClient, mark: string): Promise<number> {
    const started = performance.now()
    const arrived = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('edit not received within 10 s')), 10_000)
      const check = () => {
        if (elementText(to.ydoc, 'clause', 0).includes(mark)) {
          clearTimeout(timer)
          to.ydoc.off('update', check)
          resolve()
        }
      }
      to.ydoc.on('update', check)
    })
    insertText(from.ydoc, mark)
    await arrived
    return performance.now() - started
  }

  it(
    'edits of another draft keep arriving quickly while a 300-article DOCX is exported',
    async () => {
      const law = generateLaw({ articles: 300 })
      const imported = await owner.json<ImportCreated>('/api/documents/import', { method: 'POST', body: JSON.stringify({ title: 'Generated law', language: 'en', doc: law }) })
      expect(imported.stats.articles).toBe(300)
      const big = imported.document.id

      const live = await createDocument(owner, { title: 'Live draft', template: 'sample' })
      const [a, b] = [0, 1].map(() => connectClient(server.wsUrl, live.id, { cookie: owner.cookie }))
      clients.push(a, b)
      await Promise.all([waitSynced(a), waitSynced(b)])
      let n = 0
      const idle: number[] = []
      for (let i = 0; i < 10; i++) idle.push(await roundTrip(i % 2 ? b : a, i % 2 ? a : b, `[i${n++}]`))

      // Several exports at once, so the export phase lasts a while whatever the machine.
      const started = performance.now()
      let running = true
      const exports = Promise.all(
        [0, 1, 2].map(async () => {
          const res = await owner.api(`/api/documents/${big}/export?format=docx`)
          expect(res.status).toBe(200)
          return new Uint8Array(await res.arrayBuffer())
        }),
      ).finally(() => (running = false))
      const during: number[] = []
      while (running) during.push(await roundTrip(during.length % 2 ? b : a, during.length % 2 ? a : b, `[e${n++}]`))
      const files = await exports
      const exportMs = performance.now() - started

      const xml = unzipText(files[0], 'word/document.xml')
      expect(xml.match(/<w:pStyle w:val="Heading2"\/>/g)?.length).toBe(300)
      expect(Y.encodeStateAsUpdate(a.ydoc).byteLength).toBeGreaterThan(0)

      const max = Math.max(...during)
      const summary = { exportMs: Math.round(exportMs), edits: during.length, maxMs: Math.round(max), idleMaxMs: Math.round(Math.max(...idle)) }
      console.info('export under load', summary)
      expect(during.length, JSON.stringify(summary)).toBeGreaterThanOrEqual(3)
      // On the event loop an edit waits for the exports' CPU work, most of their time (seconds
      // here); off it, only for the machine's noise (under 100 ms even with the whole suite running).
      expect(max, JSON.stringify(summary)).toBeLessThan(Math.min(500, exportMs / 2))
    },
    120_000,
  )
})
