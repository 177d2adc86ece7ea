import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { WalSync } from '../../server/storage/walSync'

describe('WalSync (making group commits durable off the event loop)', () => {
  const dirs: string[] = []
  const walFile = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-wal-'))
    dirs.push(dir)
    const file = path.join(dir, 'accord.db-wal')
    fs.writeFileSync(file, 'frames')
    return file
  }
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
  })

  it('resolves at once when nothing was committed, after a sync otherwise, in commit order', async () => {
    const wal = new WalSync(walFile())
    await wal.whenDurable()
    const order: number[] = []
    wal.noteCommit()
    const first = wal.whenDurable().then(() => order.push(1))
    wal.noteCommit()
    const second = wal.whenDurable().then(() => order.push(2))
    await Promise.all([first, second])
    expect(order).toEqual([1, 2])
    wal.close()
  })

  it('syncs at most once per interval, covering every commit made meanwhile', async () => {
    const file = walFile()
    const wal = new WalSync(file, 150)
    wal.noteCommit()
    await wal.whenDurable() // the first sync starts at once
    const started = performance.now()
    wal.noteCommit()
    const second = wal.whenDurable()
    wal.noteCommit()
    const third = wal.whenDurable()
    await Promise.all([second, third])
    expect(performance.now() - started).toBeGreaterThanOrEqual(100)
    wal.close()
  })

  it('runs a sync still waiting for its interval when closed', async () => {
    const wal = new WalSync(walFile(), 60_000)
    wal.noteCommit()
    await wal.whenDurable()
    wal.noteCommit()
    let settled = false
    const waiting = wal.whenDurable().then(() => (settled = true))
    wal.close()
    await waiting
    expect(settled).toBe(true)
  })

  it('syncs at once on demand, settling the waiters', async () => {
    const wal = new WalSync(walFile())
    wal.noteCommit()
    let settled = false
    const waiting = wal.whenDurable().then(() => (settled = true))
    wal.syncNow()
    await waiting
    expect(settled).toBe(true)
    wal.close()
  })

  it('fails every waiter, now and later, when the log cannot be synced', async () => {
    const wal = new WalSync(path.join(os.tmpdir(), 'no-such-dir-accord', 'accord.db-wal'))
    wal.noteCommit()
    await expect(wal.whenDurable()).rejects.toThrow()
    await expect(wal.whenDurable()).rejects.toThrow()
    expect(() => wal.syncNow()).toThrow()
  })

  it('closes its descriptor only once a sync in flight is done with it', async () => {
    const wal = new WalSync(walFile())
    wal.noteCommit()
    const waiting = wal.whenDurable()
    wal.close()
    await expect(waiting).resolves.toBeUndefined()
  })
})
