import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DB_FILE, openDatabase, type Db } from '../../server/db/connection'
import { DocumentsRepo } from '../../server/db/documentsRepo'
import { SqliteDocumentStore } from '../../server/storage/sqliteDocumentStore'
import { WalCheckpointer } from '../../server/storage/walCheckpointer'
import { waitFor } from '../helpers/waitFor'

/** Group commits leave copying the WAL into the database file to a worker thread. */
describe('WAL checkpoints off the event loop', () => {
  let dir: string
  let db: Db
  let store: SqliteDocumentStore
  const errors: string[] = []

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-ckpt-'))
    db = openDatabase(dir)
    store = new SqliteDocumentStore(db, { onCheckpointError: (message) => errors.push(message) })
    new DocumentsRepo(db).create({ id: 'doc', title: 'Draft', language: 'en', createdBy: null }, '2026-01-01T00:00:00.000Z')
  })
  afterEach(async () => {
    await store.close()
    if (db.open) db.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  const dbBytes = () => fs.statSync(path.join(dir, DB_FILE)).size
  // Incompressible, so that the pages it fills are really written.
  const chunk = () => ({ update: new Uint8Array(8192).map(() => Math.floor(Math.random() * 256)), attribution: null })

  it('copies what group commits wrote into the database file without another commit or a close', async () => {
    // A checkpoint has just run, so the next one has to wait for its interval.
    store.commit('doc', [chunk()])
    await store.whenDurable()
    await store.checkpoint()
    const before = dbBytes()
    // 1.2 MB over 150 commits: far below the 1,000 pages at which SQLite would checkpoint inside a commit.
    for (let i = 0; i < 150; i++) store.commit('doc', [chunk()])
    await store.whenDurable() // moves the journaled commits into the WAL, in one transaction
    // Nothing more is committed: only the background checkpointer can bring the pages over.
    await waitFor(() => expect(dbBytes() - before).toBeGreaterThan(1_100_000), 10_000)
    const result = await store.checkpoint()
    expect(result).toMatchObject({ busy: 0 })
    expect(result!.checkpointed).toBe(result!.log)
    expect(errors).toEqual([])
  })

  it('has let go of the database once closed: the last connection to close takes the WAL away', async () => {
    const before = dbBytes()
    store.commit('doc', [chunk()])
    await store.whenDurable()
    // The commit's checkpoint, through the worker's own connection, has brought the pages over.
    await waitFor(() => expect(dbBytes()).toBeGreaterThan(before))
    await store.close()
    db.close()
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('-wal') || f.endsWith('-shm'))).toEqual([])
  })

  it('reports a checkpoint that fails and answers null', async () => {
    const failures: string[] = []
    const checkpointer = new WalCheckpointer(path.join(dir, 'missing', 'nowhere.db'), (message) => failures.push(message))
    expect(await checkpointer.checkpoint()).toBeNull()
    await waitFor(() => expect(failures.join(' ')).toMatch(/unable to open|directory does not exist|SQLITE_CANTOPEN/i))
    await checkpointer.close()
  })
})
