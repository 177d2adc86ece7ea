import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { migrate } from '../../server/db/connection'
import { CommentsRepo } from '../../server/db/commentsRepo'
import { MIGRATIONS } from '../../server/db/migrations'

/** Migration 14: threads resolved before it keep who resolved them, as their first event. */
describe('thread events migration', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-events-'))
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('brings each resolved thread’s resolution along, and records changes after it', () => {
    const db = new Database(path.join(dir, 'accord.db'))
    migrate(db, MIGRATIONS.slice(0, 13))
    db.pragma('foreign_keys = OFF')
    const insert = db.prepare(
      `INSERT INTO comment_threads (id, doc_id, article_id, quote, status, created_by, org_id, created_at, resolved_by, resolved_at)
       VALUES (?, 'd1', 'a1', 'words', ?, 'u1', 'o1', '2026-03-01T10:00:00.000Z', ?, ?)`,
    )
    insert.run('resolved', 'resolved', 'u2', '2026-03-01T12:00:00.000Z')
    insert.run('open', 'open', null, null)
    db.pragma('foreign_keys = ON')
    migrate(db)

    const repo = new CommentsRepo(db)
    expect(repo.eventsOfThread('resolved')).toEqual([{ thread_id: 'resolved', kind: 'resolved', user_id: 'u2', at: '2026-03-01T12:00:00.000Z' }])
    expect(repo.eventsOfThread('open')).toEqual([])
    repo.setStatus('resolved', 'open', 'u3', '2026-03-02T09:00:00.000Z')
    expect(repo.eventsOfThread('resolved').map((e) => [e.kind, e.user_id])).toEqual([['resolved', 'u2'], ['reopened', 'u3']])
    expect(repo.thread('d1', 'resolved')).toMatchObject({ status: 'open', resolved_by: null, resolved_at: null })
    db.close()
  })
})
