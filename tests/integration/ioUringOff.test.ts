import fs from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { removeDir, tempDataDir } from '../helpers/server'
import { startChildServer, type ChildServer } from '../helpers/childServer'
import { bundleServer } from '../helpers/serverBundle'
import { createDocument, setupAdmin } from '../helpers/accounts'
import { clauseText, connectClient, insertText, waitSynced, type TestClient } from '../helpers/clients'
import { waitFor } from '../helpers/waitFor'

const CLIENTS = 4
const EDITS = 25

/** Whether the process holds an io_uring (its ring is a descriptor like any other). */
async function holdsIoUring(pid: number): Promise<boolean> {
  const fds = await fs.readdir(`/proc/${pid}/fd`)
  const targets = await Promise.all(fds.map((fd) => fs.readlink(`/proc/${pid}/fd/${fd}`).catch(() => '')))
  return targets.some((target) => target.includes('io_uring'))
}

/**
 * Broadcasts where io_uring cannot be had (IO_URING=off behaves as a kernel that refuses it):
 * the first broadcast finds out, and every frame is written one by one from then on. Beside it,
 * the same on a server with io_uring, which shows the check can tell the two apart.
 */
describe('broadcasts with and without io_uring', () => {
  let bundle: Awaited<ReturnType<typeof bundleServer>>
  const servers: ChildServer[] = []
  const dirs: string[] = []
  const clients: TestClient[] = []

  beforeAll(async () => {
    bundle = await bundleServer()
  })

  afterAll(async () => {
    clients.forEach((c) => c.destroy())
    await Promise.all(servers.map((s) => s.stop()))
    await bundle?.remove()
    await Promise.all(dirs.map(removeDir))
  })

  for (const [label, env, usesRing] of [
    ['IO_URING=off', { IO_URING: 'off' }, false],
    ['io_uring on (the default)', {}, true],
  ] as const) {
    it(`every client gets every edit with ${label}`, async () => {
      const dataDir = await tempDataDir()
      dirs.push(dataDir)
      const server = await startChildServer({ dataDir, entry: bundle.entry, env })
      servers.push(server)
      const owner = await setupAdmin(server.url)
      const { id } = await createDocument(owner, { title: 'Broadcasts', template: 'sample' })
      const mine = Array.from({ length: CLIENTS }, () => connectClient(server.wsUrl, id, { cookie: owner.cookie }))
      clients.push(...mine)
      await Promise.all(mine.map((c) => waitSynced(c, 10_000)))

      // Each client appends to its own paragraph; every edit is broadcast to the other three.
      for (let n = 0; n < EDITS; n++) {
        mine.forEach((c, i) => insertText(c.ydoc, `${i}.${n};`, { n: i, index: Number.MAX_SAFE_INTEGER }))
        await new Promise((r) => setTimeout(r, 5))
      }
      const expected = mine.map((_, i) => Array.from({ length: EDITS }, (_, n) => `${i}.${n};`).join(''))
      const received = () => mine.map((c) => expected.map((text, i) => clauseText(c.ydoc, i).slice(-text.length)))
      await waitFor(() => JSON.stringify(received()) === JSON.stringify(mine.map(() => expected)), 10_000).catch(() => undefined)
      expect(received()).toEqual(mine.map(() => expected))
      // One edit more once the burst is over: a broadcast to three idle sockets, which sets the
      // ring up if no broadcast of the burst did (under load each may have found the others busy).
      await new Promise((r) => setTimeout(r, 100))
      insertText(mine[0].ydoc, 'end;', { n: 0, index: Number.MAX_SAFE_INTEGER })
      await waitFor(() => mine.every((c) => clauseText(c.ydoc, 0).endsWith('end;')), 10_000)
      // The server's log says why, should it have given io_uring up (read after the wait, its lines come late).
      await waitFor(async () => (await holdsIoUring(server.child.pid!)) === usesRing, 2000).catch(() => undefined)
      expect(await holdsIoUring(server.child.pid!), server.output.join('\n')).toBe(usesRing)
      expect(server.output.filter((line) => line.includes('io_uring given up'))).toEqual([])
    })
  }
})
