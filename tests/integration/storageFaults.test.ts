import { afterEach, describe, expect, it } from 'vitest'
import { CloseCode } from '../../shared/protocol'
import type { DocJSON } from '../../shared/schema'
import { removeDir, startTestServer, tempDataDir, type TestServer } from '../helpers/server'
import { bindAccount, createDocument, setupAdmin, type Account } from '../helpers/accounts'
import { clauseText, connectClient, isSaved, insertText, waitClosedWith, waitSaved, waitSynced, type TestClient } from '../helpers/clients'
import { SwitchableStore } from '../helpers/switchableStore'
import { waitFor } from '../helpers/waitFor'

/**
 * When the store fails (a full or read-only disk, simulated by a store with a switch): the server
 * takes no new update for that document and says so (4503, which the browser shows as "the
 * server cannot store changes right now — your changes are kept in this browser"), acknowledges
 * nothing it did not store, keeps what it stored, serves other documents as before, and takes the
 * kept changes once storage is back. The browser side is in tests/e2e/storageFault.test.ts.
 */
describe('storage faults', () => {
  const cleanups: (() => unknown)[] = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup()
  })

  it('accepts nothing while the store fails, confirms nothing unstored, keeps what it had, and recovers', async () => {
    const dataDir = await tempDataDir()
    cleanups.push(() => removeDir(dataDir))
    let store: SwitchableStore | undefined
    let server: TestServer = await startTestServer({ dataDir, wrapStore: (inner) => (store = new SwitchableStore(inner)) })
    cleanups.unshift(() => server.close())
    const owner: Account = await setupAdmin(server.url)
    const broken = (await createDocument(owner, { title: 'On a full disk' })).id
    const healthy = (await createDocument(owner, { title: 'Elsewhere' })).id
    const clients: TestClient[] = []
    cleanups.unshift(() => clients.forEach((c) => c.destroy()))
    const connect = (docId: string) => {
      const client = connectClient(server.wsUrl, docId, { cookie: owner.cookie })
      clients.push(client)
      return client
    }
    const content = async (docId: string) => JSON.stringify(await bindAccount(server.url, owner).json<DocJSON>(`/api/documents/${docId}/content`))

    const a = connect(broken)
    const b = connect(broken)
    const c = connect(healthy)
    await Promise.all([waitSynced(a), waitSynced(b), waitSynced(c)])
    insertText(a.ydoc, 'stored before. ')
    await waitSaved(a)
    await waitFor(() => expect(clauseText(b.ydoc)).toBe('stored before. '))

    // The disk fills up for this document.
    store!.failing.add(broken)
    const acksBefore = a.acks
    insertText(a.ydoc, 'kept in the browser. ', { index: 1000 })
    await Promise.all([waitClosedWith(a, CloseCode.storageUnavailable), waitClosedWith(b, CloseCode.storageUnavailable)])
    // The providers keep coming back (4503 is retryable) and are refused again and again.
    await waitFor(() => a.closeCodes.filter((code) => code === CloseCode.storageUnavailable).length >= 3, 10_000)
    expect(isSaved(a)).toBe(false)
    expect(a.acks).toBe(acksBefore) // nothing was confirmed
    expect(clauseText(b.ydoc)).toBe('stored before. ') // nor passed on
    expect(clauseText(a.ydoc)).toBe('stored before. kept in the browser. ') // the browser keeps it
    // What was stored is still served, without what was not.
    expect(await content(broken)).toContain('stored before. ')
    expect(await content(broken)).not.toContain('kept in the browser')
    // Other documents are not affected.
    insertText(c.ydoc, 'another document, stored as usual')
    await waitSaved(c)
    expect(c.closeCodes).toEqual([])
    expect(store!.refusedAppends).toBeGreaterThan(0)

    // Storage is back: the kept change is sent, stored, acknowledged and passed on.
    store!.failing.delete(broken)
    await waitSaved(a, 15_000)
    await waitFor(() => expect(clauseText(b.ydoc)).toBe('stored before. kept in the browser. '), 15_000)
    expect(await content(broken)).toContain('stored before. kept in the browser. ')

    // And it is on disk: a restart serves it.
    clients.splice(0).forEach((client) => client.destroy())
    await server.close()
    server = await startTestServer({ dataDir })
    expect(await content(broken)).toContain('stored before. kept in the browser. ')
    expect(await content(healthy)).toContain('another document, stored as usual')
  })

  it('refuses a document whose store cannot be read (4503) without falling back to an empty one', async () => {
    let store: SwitchableStore | undefined
    const server = await startTestServer({ wrapStore: (inner) => (store = new SwitchableStore(inner)) })
    cleanups.unshift(() => server.close())
    const owner = await setupAdmin(server.url)
    const { id } = await createDocument(owner, { template: 'sample' })
    store!.failing.add(id)
    store!.failLoads = true
    const client = connectClient(server.wsUrl, id, { cookie: owner.cookie })
    cleanups.unshift(() => client.destroy())
    await waitFor(() => client.closeCodes.filter((code) => code === CloseCode.storageUnavailable).length >= 2, 10_000)
    expect(client.provider.synced).toBe(false)
    expect(client.ydoc.getXmlFragment('default').length).toBe(0)
    expect((await owner.api(`/api/documents/${id}/content`)).status).toBe(503)

    store!.failLoads = false
    store!.failing.delete(id)
    await waitSynced(client, 15_000)
    expect(client.ydoc.getXmlFragment('default').length).toBeGreaterThan(2)
  })
})
