import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DocumentSummary } from '../../shared/api'
import type { DocJSON } from '../../shared/schema'
import { REPO_ROOT, removeDir, tempDataDir } from '../helpers/server'
import { startChildServer, type ChildServer } from '../helpers/childServer'
import { bundleServer } from '../helpers/serverBundle'
import { bindAccount, createDocument, createMember, createOrganization, grant, organization, setupAdmin, signIn, type Account } from '../helpers/accounts'
import { connectClient, insertText, isSaved, ownClock, storedClock, waitSaved, waitSynced, type TestClient } from '../helpers/clients'
import { waitFor } from '../helpers/waitFor'

const run = promisify(execFile)

/** `npm run backup|restore -- …`, as the tsx entry each script stands for. */
function cli(script: 'backup' | 'restore', args: string[]) {
  return run(process.execPath, ['--import', 'tsx', `server/cli/${script}.ts`, ...args], { cwd: REPO_ROOT, env: { ...process.env, LOG_LEVEL: 'warn' } })
}

const TOKEN = /b(\d+)n(\d+);/g
const tokensIn = (doc: DocJSON) => new Set(JSON.stringify(doc).match(TOKEN) ?? [])

/**
 * Backup while people edit, restore into a fresh installation: every document (with every edit
 * acknowledged before the backup began), every account (signing in works) and every grant come
 * back; a backup taken at rest restores to exactly the same documents.
 */
describe('backup and restore', () => {
  const dirs: string[] = []
  const servers: ChildServer[] = []
  let bundle: Awaited<ReturnType<typeof bundleServer>>
  const dir = async () => {
    const d = await tempDataDir()
    dirs.push(d)
    return d
  }
  const start = async (dataDir: string) => {
    const s = await startChildServer({ dataDir, entry: bundle.entry, env: { LOG_LEVEL: 'error', COMPACT_AFTER_UPDATES: '30' } })
    servers.push(s)
    return s
  }

  beforeAll(async () => {
    bundle = await bundleServer()
  })
  afterAll(async () => {
    for (const s of servers) await s.kill()
    await bundle?.remove()
    for (const d of dirs) await removeDir(d)
  })

  it('takes a consistent copy while clients edit, and a fresh installation restored from it has everything', { timeout: 90_000 }, async () => {
    const liveDir = await dir()
    const live = await start(liveDir)
    const admin = await setupAdmin(live.url)
    const justice = await createOrganization(admin, { name: 'Ministry of Justice', shortName: 'MoJ' })
    const member = await createMember(admin, justice.id, 'Maria Member')
    const docIds: string[] = []
    for (const title of ['Backed up one', 'Backed up two']) {
      const { id } = await createDocument(admin, { title, template: 'sample' })
      await grant(admin, id, organization(justice), 'drafter')
      docIds.push(id)
    }
    const clients: TestClient[] = []
    for (const id of docIds) for (const who of [admin, member]) clients.push(connectClient(live.wsUrl, id, { cookie: who.cookie }))
    await Promise.all(clients.map((c) => waitSynced(c)))

    // Everyone types all along; each edit remembers the client's clock after it.
    const made: { client: TestClient; token: string; clock: number }[] = []
    let n = 0
    const typing = setInterval(() => {
      clients.forEach((client, i) => {
        const token = `b${i}n${n};`
        insertText(client.ydoc, token, { index: 1_000_000 })
        made.push({ client, token, clock: ownClock(client.ydoc) })
      })
      n++
    }, 15)
    try {
      // Some of it acknowledged on each document (a disk sync, at most one a second, has run).
      await waitFor(() => expect(clients.filter((c) => storedClock(c) > 0).length).toBe(clients.length))
      const ackedBefore = made.filter((m) => storedClock(m.client) >= m.clock)
      const file = path.join(await dir(), 'while-editing.db')
      const { stdout } = await cli('backup', [file, '--data-dir', liveDir])
      expect(stdout).toMatch(/Backed up .*: 2 document\(s\), 2 account\(s\)/)
      const typedDuringBackup = n
      await waitFor(() => n > typedDuringBackup + 5) // still typing afterwards
      clearInterval(typing)
      await Promise.all(clients.map((c) => waitSaved(c, 10_000)))

      // A fresh installation from the copy.
      const restoredDir = await dir()
      const restoreOut = await cli('restore', [file, '--data-dir', restoredDir])
      expect(restoreOut.stdout).toContain('Restored')
      const restored = await start(restoredDir)
      const restoredAdmin = await signIn(restored.url, admin.email)
      const restoredMember = await signIn(restored.url, member.email)
      expect(restoredMember.user.organization.name).toBe('Ministry of Justice')
      const listed = await restoredMember.json<DocumentSummary[]>('/api/documents')
      expect(listed.map((d) => [d.title, d.role]).sort()).toEqual([['Backed up one', 'drafter'], ['Backed up two', 'drafter']])
      for (const [i, id] of docIds.entries()) {
        const copy = tokensIn(await restoredAdmin.json<DocJSON>(`/api/documents/${id}/content`))
        const now = tokensIn(await bindAccount(live.url, admin).json<DocJSON>(`/api/documents/${id}/content`))
        // Everything acknowledged before the backup began is in it; nothing that never existed.
        const mine = ackedBefore.filter((m) => clients.indexOf(m.client) >= i * 2 && clients.indexOf(m.client) < i * 2 + 2)
        expect(mine.filter((m) => !copy.has(m.token)).map((m) => m.token)).toEqual([])
        expect([...copy].filter((t) => !now.has(t))).toEqual([])
        expect(copy.size).toBeGreaterThan(0)
      }
    } finally {
      clearInterval(typing)
      clients.forEach((c) => c.destroy())
    }
  })

  it('a backup at rest restores to exactly the same documents and accounts; restore refuses what it must', { timeout: 90_000 }, async () => {
    const liveDir = await dir()
    const live = await start(liveDir)
    const admin: Account = await setupAdmin(live.url)
    const ids = [(await createDocument(admin, { template: 'sample' })).id, (await createDocument(admin, { title: 'Empty' })).id]
    const client = connectClient(live.wsUrl, ids[0], { cookie: admin.cookie })
    await waitSynced(client)
    insertText(client.ydoc, 'edited before the backup ')
    await waitSaved(client)
    expect(isSaved(client)).toBe(true)
    client.destroy()
    const contents = async (account: Account) => Promise.all(ids.map((id) => account.json<DocJSON>(`/api/documents/${id}/content`)))
    const before = await contents(admin)

    const file = path.join(await dir(), 'at-rest.db')
    await cli('backup', [file, '--data-dir', liveDir])
    await expect(cli('backup', [file, '--data-dir', liveDir])).rejects.toMatchObject({ stderr: expect.stringContaining('exists already') })
    // Not over a running installation, whatever the flags.
    await expect(cli('restore', [file, '--data-dir', liveDir, '--force'])).rejects.toMatchObject({ stderr: expect.stringContaining('open in another process') })

    const restoredDir = await dir()
    await cli('restore', [file, '--data-dir', restoredDir])
    const restored = await start(restoredDir)
    expect(await contents(await signIn(restored.url, admin.email))).toEqual(before)
    // Sessions are in the database too: the old cookie works on the restored installation.
    expect(await contents(bindAccount(restored.url, admin))).toEqual(before)

    // A stopped installation with data is replaced only with --force, and kept aside then.
    await restored.stop()
    await expect(cli('restore', [file, '--data-dir', restoredDir])).rejects.toMatchObject({ stderr: expect.stringContaining('already holds 2 document(s)') })
    // What a crashed server left in its update journal goes aside with its database: never into the backup's.
    fs.writeFileSync(path.join(restoredDir, 'accord.db-updates'), 'journaled by the replaced installation')
    const forced = await cli('restore', [file, '--data-dir', restoredDir, '--force'])
    expect(forced.stdout).toContain('the previous database is kept as')
    const files = fs.readdirSync(restoredDir)
    expect(files.some((f) => f.startsWith('accord.db.replaced-') && !f.endsWith('-updates'))).toBe(true)
    expect(files.some((f) => f.startsWith('accord.db.replaced-') && f.endsWith('-updates'))).toBe(true)
    expect(files).not.toContain('accord.db-updates')
  })
})
