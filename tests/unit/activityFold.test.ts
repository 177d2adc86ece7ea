import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase, type Db } from '../../server/db/connection'
import { DocumentsRepo } from '../../server/db/documentsRepo'
import { EditSessionsRepo } from '../../server/db/editSessionsRepo'
import { SqliteDocumentStore } from '../../server/storage/sqliteDocumentStore'

/** The activity is folded from the update log: group commits write log rows only. */
describe('activity folded from the update log', () => {
  let dir: string
  let db: Db
  let store: SqliteDocumentStore
  let documents: DocumentsRepo
  let sessions: EditSessionsRepo
  const update = new Uint8Array([1, 2, 3])
  const by = (userId: string, orgId: string, articles: string[]) => ({ update, attribution: { userId, orgId, articles } })

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-fold-'))
    db = openDatabase(dir)
    store = new SqliteDocumentStore(db)
    documents = new DocumentsRepo(db)
    sessions = new EditSessionsRepo(db)
    documents.create({ id: 'doc', title: 'Draft', language: 'en', createdBy: null }, '2026-01-01T00:00:00.000Z')
  })
  /** A group commit, moved into the log as before an acknowledgement. */
  const commit = (entries: Parameters<SqliteDocumentStore['commit']>[1]) => {
    const seq = store.commit('doc', entries)
    store.syncNow()
    return seq
  }
  afterEach(() => {
    store.close()
    db.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('counts each person’s updates into one session with the articles they touched, once', () => {
    commit([by('ana', 'justice', ['a1']), by('boris', 'interior', ['a2'])])
    commit([by('ana', 'justice', ['a3', 'a1']), { update, attribution: null }])
    expect(sessions.list('doc')).toEqual([]) // nothing counted before the fold
    sessions.fold('doc')
    sessions.fold('doc') // idempotent
    const rows = sessions.list('doc')
    expect(rows.map((r) => [r.user_id, r.org_id, r.updates, JSON.parse(r.articles)]).sort()).toEqual([
      ['ana', 'justice', 2, ['a1', 'a3']],
      ['boris', 'interior', 1, ['a2']],
    ])
  })

  it('shows the document as changed at its newest logged update, folded or not', () => {
    expect(documents.get('doc')?.updatedAt).toBe('2026-01-01T00:00:00.000Z')
    commit([by('ana', 'justice', ['a1'])])
    const at = db.prepare<[], { created_at: string }>('SELECT created_at FROM doc_updates ORDER BY seq DESC LIMIT 1').get()!.created_at
    expect(documents.get('doc')?.updatedAt).toBe(at)
    expect(documents.list()[0].updatedAt).toBe(at)
    sessions.fold('doc')
    store.compact('doc', update, 1)
    expect(db.prepare('SELECT COUNT(*) AS n FROM doc_updates').get()).toEqual({ n: 0 })
    expect(documents.get('doc')?.updatedAt).toBe(at)
  })

  it('keeps the activity of rows that compaction removes, and goes on from there', () => {
    const seq = commit([by('ana', 'justice', ['a1'])])
    store.compact('doc', update, seq) // folds before deleting
    expect(sessions.list('doc').map((r) => [r.user_id, r.updates])).toEqual([['ana', 1]])
    commit([by('ana', 'justice', ['a2'])])
    sessions.fold('doc')
    expect(sessions.list('doc').map((r) => [r.user_id, r.updates, JSON.parse(r.articles)])).toEqual([['ana', 2, ['a1', 'a2']]])
  })

  it('starts a new session after a pause or a change of organization', () => {
    const insert = db.prepare('INSERT INTO doc_updates (doc_id, seq, data, created_at, user_id, org_id, articles) VALUES (?, ?, ?, ?, ?, ?, ?)')
    insert.run('doc', 1, update, '2026-02-01T09:00:00.000Z', 'ana', 'justice', '["a1"]')
    insert.run('doc', 2, update, '2026-02-01T09:05:00.000Z', 'ana', 'justice', null)
    insert.run('doc', 3, update, '2026-02-01T10:00:00.000Z', 'ana', 'justice', '["a2"]') // 55 minutes later
    insert.run('doc', 4, update, '2026-02-01T10:01:00.000Z', 'ana', 'interior', '["a3"]') // moved to another organization
    sessions.fold('doc')
    expect(sessions.list('doc').map((r) => [r.org_id, r.started_at, r.ended_at, r.updates, JSON.parse(r.articles)])).toEqual([
      ['interior', '2026-02-01T10:01:00.000Z', '2026-02-01T10:01:00.000Z', 1, ['a3']],
      ['justice', '2026-02-01T10:00:00.000Z', '2026-02-01T10:00:00.000Z', 1, ['a2']],
      ['justice', '2026-02-01T09:00:00.000Z', '2026-02-01T09:05:00.000Z', 2, ['a1']],
    ])
  })
})
