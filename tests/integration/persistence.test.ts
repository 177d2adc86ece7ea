import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { CloseCode } from '../../shared/protocol'
import { DB_FILE } from '../../server/db/connection'
import { removeDir, startTestServer, tempDataDir } from '../helpers/server'
import { startChildServer, type ChildServer } from '../helpers/childServer'
import { bindAccount, createDocument, setupAdmin, type Account } from '../helpers/accounts'
import {
  clauseText,
  connectClient,
  contentOf,
  insertText,
  isSaved,
  openRawSocket,
  waitClosedWith,
  waitSaved,
  waitSynced,
  type TestClient,
} from '../helpers/clients'
import { waitFor } from '../helpers/waitFor'

/** Direct look at the database file, as an operator would (a second SQLite connection). */
function openDb(dataDir: string) {
  return new Database(path.join(dataDir, DB_FILE))
}

function storedRows(dataDir: string, docId: string) {
  const db = openDb(dataDir)
  try {
    const state = db.prepare('SELECT state, seq FROM doc_state WHERE doc_id = ?').get(docId) as
      | { state: Buffer; seq: number }
      | undefined
    const log = (db.prepare('SELECT COUNT(*) AS n FROM doc_updates WHERE doc_id = ?').get(docId) as { n: number }).n
    return { state, log }
  } finally {
    db.close()
  }
}

describe('persistence', () => {
  const cleanups: (() => unknown)[] = []
  const clients: TestClient[] = []
  const connect = (wsUrl: string, docId: string, account: Account) => {
    const client = connectClient(wsUrl, docId, { cookie: account.cookie })
    clients.push(client)
    return client
  }
  const dataDir = async () => {
    const dir = await tempDataDir()
    cleanups.push(() => removeDir(dir))
    return dir
  }
  const server = async (dir: string, config: Parameters<typeof startTestServer>[0] = {}) => {
    const s = await startTestServer({ ...config, dataDir: dir })
    cleanups.unshift(() => s.close())
    return s
  }

  /** A server on a fresh data directory with `config`, a new document and one synced client on it. */
  const oneEditor = async (config: NonNullable<Parameters<typeof startTestServer>[0]>['config']) => {
    const dir = await dataDir()
    const s = await server(dir, { config })
    const owner = await setupAdmin(s.url)
    const { id } = await createDocument(owner)
    const a = connect(s.wsUrl, id, owner)
    await waitSynced(a)
    return { dir, s, owner, id, a }
  }

  afterEach(async () => {
    clients.splice(0).forEach((c) => c.destroy())
    for (const cleanup of cleanups.splice(0)) await cleanup()
  })

  it('keeps edits across a graceful restart', async () => {
    const dir = await dataDir()
    const first = await server(dir)
    const owner = await setupAdmin(first.url)
    const { id } = await createDocument(owner)
    const a = connect(first.wsUrl, id, owner)
    await waitSynced(a)
    insertText(a.ydoc, 'kept after restart')
    await waitSaved(a)
    const expected = contentOf(a.ydoc)
    a.destroy()
    await first.close()

    // Sessions live in the database: the same cookie still opens the document.
    const second = await server(dir)
    const fresh = connect(second.wsUrl, id, owner)
    await waitFor(() => expect(clauseText(fresh.ydoc)).toBe('kept after restart'))
    expect(contentOf(fresh.ydoc)).toEqual(expected)
  })

  it('keeps every edit another client has seen when the process is killed', async () => {
    const dir = await dataDir()
    let child: ChildServer = await startChildServer({ dataDir: dir })
    cleanups.unshift(() => child.kill())
    const owner = await setupAdmin(child.url)
    const { id } = await createDocument(owner)
    const a = connect(child.wsUrl, id, owner)
    const b = connect(child.wsUrl, id, owner)
    await Promise.all([waitSynced(a), waitSynced(b)])
    for (const word of ['one ', 'two ', 'three ']) insertText(a.ydoc, word, { index: 1000 })
    await waitFor(() => expect(clauseText(b.ydoc)).toBe('one two three '))

    await child.kill()
    a.destroy()
    b.destroy()
    child = await startChildServer({ dataDir: dir })
    const fresh = connect(child.wsUrl, id, owner)
    await waitFor(() => expect(clauseText(fresh.ydoc)).toBe('one two three '), 10_000)
  })

  it('compacts the log into a state row and reloads the same document', async () => {
    const { dir, s, owner, id, a } = await oneEditor({ compactAfterUpdates: 5, idleUnloadMs: 50 })
    for (let i = 0; i < 30; i++) insertText(a.ydoc, `${i % 10}`, { index: i })
    await waitSaved(a)
    await waitFor(() => {
      const { state, log } = storedRows(dir, id)
      expect(state?.seq).toBeGreaterThan(0)
      expect(log).toBeLessThanOrEqual(5)
    })
    const expected = contentOf(a.ydoc)
    a.destroy()
    // Idle unload compacts what is left.
    await waitFor(() => expect(storedRows(dir, id).log).toBe(0))

    const again = connect(s.wsUrl, id, owner)
    await waitFor(() => expect(contentOf(again.ydoc)).toEqual(expected))
    expect(clauseText(again.ydoc)).toBe('012345678901234567890123456789')
  })

  it('compacts once edits pause, not in the middle of a burst', async () => {
    const { dir, s, owner, id, a } = await oneEditor({ compactAfterUpdates: 5, compactQuietMs: 400 })
    const before = storedRows(dir, id).state?.seq ?? 0
    // Twelve edits 100 ms apart: past the threshold, but never quiet for 400 ms.
    for (let i = 0; i < 12; i++) {
      insertText(a.ydoc, `${i % 10}`, { index: i })
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    expect(storedRows(dir, id).state?.seq ?? 0).toBe(before)
    // Then quiet: compacted without anyone leaving.
    await waitFor(() => expect(storedRows(dir, id).log).toBe(0))
    expect(storedRows(dir, id).state?.seq).toBeGreaterThan(0)
    const again = connect(s.wsUrl, id, owner)
    await waitFor(() => expect(clauseText(again.ydoc)).toBe(clauseText(a.ydoc)))
  })

  it('compacts a log far over the threshold even while edits keep coming', async () => {
    const { dir, id, a } = await oneEditor({ compactAfterUpdates: 3, compactQuietMs: 60_000 })
    for (let i = 0; i < 40; i++) {
      insertText(a.ydoc, 'x', { index: i })
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    await waitSaved(a)
    // 10 × 3 = 30 rows at most before a compaction, although the room was never quiet.
    const { state, log } = storedRows(dir, id)
    expect(state?.seq).toBeGreaterThan(0)
    expect(log).toBeLessThanOrEqual(30)
  })

  it('refuses a document whose stored state is corrupt (4503) and leaves the row untouched', async () => {
    const dir = await dataDir()
    const first = await server(dir)
    const owner = await setupAdmin(first.url)
    const { id } = await createDocument(owner)
    await first.close()
    const garbage = Buffer.from('this is not a yjs update, definitely corrupted!')
    const db = openDb(dir)
    db.prepare('UPDATE doc_state SET state = ? WHERE doc_id = ?').run(garbage, id)
    db.close()

    const second = await server(dir)
    const raw = openRawSocket(second.wsUrl, id, { cookie: owner.cookie })
    expect((await raw.closed).code).toBe(CloseCode.storageUnavailable)
    const client = connect(second.wsUrl, id, owner)
    await waitClosedWith(client, CloseCode.storageUnavailable)
    const res = await bindAccount(second.url, owner).api(`/api/documents/${id}/content`)
    expect(res.status).toBe(503)
    client.destroy()
    await second.close()

    const { state, log } = storedRows(dir, id)
    expect(Buffer.compare(state!.state, garbage)).toBe(0)
    expect(log).toBe(0)
  })

  it('when the log cannot be written: nothing is acknowledged, the room closes with 4503, and the edit is stored once it can be', async () => {
    const dir = await dataDir()
    const s = await server(dir)
    const owner = await setupAdmin(s.url)
    const { id } = await createDocument(owner)
    const a = connect(s.wsUrl, id, owner)
    const b = connect(s.wsUrl, id, owner)
    await Promise.all([waitSynced(a), waitSynced(b)])

    // A real storage fault, injected from outside: every row now fails to go into the log.
    const db = openDb(dir)
    db.exec(`CREATE TRIGGER fail_append BEFORE INSERT ON doc_updates BEGIN SELECT RAISE(ABORT, 'disk on fire'); END`)
    const acks = a.acks
    insertText(a.ydoc, 'not stored yet')
    await Promise.all([waitClosedWith(a, CloseCode.storageUnavailable), waitClosedWith(b, CloseCode.storageUnavailable)])
    expect(a.acks).toBe(acks) // never confirmed (B may have seen it: it was journaled)
    expect(isSaved(a)).toBe(false)
    expect(storedRows(dir, id).log).toBe(0)

    // Storage is back: 4503 is retryable, the providers reconnect and A's edit is stored then.
    db.exec('DROP TRIGGER fail_append')
    db.close()
    await waitFor(() => expect(clauseText(b.ydoc)).toBe('not stored yet'), 10_000)
    await waitSaved(a)
    expect(storedRows(dir, id).log).toBeGreaterThan(0)
  })
})
