import fs from 'node:fs'
import { spawnSync } from 'node:child_process'
import zlib from 'node:zlib'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase, type Db } from '../../server/db/connection'
import { DocumentsRepo } from '../../server/db/documentsRepo'
import { SqliteDocumentStore } from '../../server/storage/sqliteDocumentStore'
import { decodeRecords, encodeRecords, readJournal, type JournalRecord } from '../../server/storage/updateJournal'
import { MappedJournal } from '../../server/storage/mappedJournal'
import { mappedFiles } from '../../server/storage/mappedFile'
import { JOURNAL_KINDS } from '../../server/storage/openJournal'
import type { AppendEntry } from '../../server/storage/documentStore'

const record = (seq: number, entry: Partial<AppendEntry> = {}): JournalRecord => ({
  docId: 'doc',
  seq,
  at: Date.UTC(2026, 10, 29, 12, 0, 0, 123),
  entry: { update: new Uint8Array([seq, 1, 2, 3]), attribution: { userId: 'ана', orgId: 'minjust', articles: ['a1', 'статья-2'] }, ...entry },
})

describe('update journal records', () => {
  it('come back as written: attribution or none, any text, empty updates', () => {
    const records = [record(1), record(2, { attribution: null }), record(3, { update: new Uint8Array(0) }), record(4, { attribution: { userId: 'u', orgId: 'o', articles: [] } })]
    expect(decodeRecords(encodeRecords(records))).toEqual(records)
  })

  it("are read back by lib0's decoder whatever the sizes: long and non-Latin strings, large numbers, large updates", () => {
    const long = 'статья-'.repeat(40) // 280 bytes in UTF-8: a two-byte length
    const update = Uint8Array.from({ length: 20_000 }, (_, i) => i % 251) // a three-byte length
    const records = [
      { ...record(2 ** 40), at: 1.5 },
      record(127, { update, attribution: { userId: long, orgId: '組織', articles: Array.from({ length: 130 }, (_, i) => `a${i}`) } }),
      { ...record(128, { attribution: null }), docId: long },
    ]
    expect(decodeRecords(encodeRecords(records))).toEqual(records)
  })

  it('stop at a record cut short or damaged: what a power cut leaves at the end', () => {
    const bytes = encodeRecords([record(1), record(2), record(3)])
    const two = encodeRecords([record(1), record(2)]).byteLength
    expect(decodeRecords(bytes.subarray(0, bytes.byteLength - 1)).map((r) => r.seq)).toEqual([1, 2])
    expect(decodeRecords(bytes.subarray(0, two + 3)).map((r) => r.seq)).toEqual([1, 2])
    const damaged = Buffer.from(bytes)
    damaged[two + 12] ^= 0xff // a byte of the third record's body: its checksum no longer matches
    expect(decodeRecords(damaged).map((r) => r.seq)).toEqual([1, 2])
    expect(decodeRecords(new Uint8Array(0))).toEqual([])
  })

  it('stop at a record of another layout, though its checksum is right', () => {
    const bytes = Buffer.from(encodeRecords([record(1), record(2)]))
    const second = encodeRecords([record(1)]).byteLength
    bytes[second + 8] = 1 // the layout byte that opens the second body
    bytes.writeUInt32LE(zlib.crc32(bytes.subarray(second + 8)), second + 4)
    expect(decodeRecords(bytes).map((r) => r.seq)).toEqual([1])
  })
})

describe.each(JOURNAL_KINDS)('group commits through the %s journal', (kind) => {
  let dir: string
  let db: Db
  let store: SqliteDocumentStore
  const keystroke: AppendEntry = { update: new Uint8Array(30).fill(7), attribution: { userId: 'u1', orgId: 'o1', articles: ['art-1'] } }

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-journal-'))
    db = openDatabase(dir)
    store = new SqliteDocumentStore(db, { journal: kind, onJournalFallback: (why) => expect.fail(`journal not mapped: ${why}`) })
    const documents = new DocumentsRepo(db)
    for (const id of ['doc', 'gone']) documents.create({ id, title: 'Draft', language: 'en', createdBy: null })
  })
  afterEach(() => {
    store.close()
    db.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  const journalPath = () => `${db.name}-updates`
  const rows = (database: Db = db) =>
    database.prepare<[], { doc_id: string; seq: number; user_id: string | null }>('SELECT doc_id, seq, user_id FROM doc_updates ORDER BY doc_id, seq').all()
  const createdAt = () => db.prepare<[], { created_at: string }>('SELECT created_at FROM doc_updates').pluck().all() as unknown as string[]
  /** As after a SIGKILL: the process is gone without closing anything; a new one opens the same files. */
  const restart = () => {
    const next = openDatabase(dir)
    const recovered = new SqliteDocumentStore(next, { journal: kind })
    recovered.recover()
    return { next, recovered }
  }

  it('journals a commit (no transaction) and moves it into the log before the disk sync', async () => {
    const before = Date.now()
    expect(store.commit('doc', [keystroke, keystroke])).toBe(2)
    expect(rows()).toEqual([])
    expect(readJournal(journalPath()).map((r) => r.seq)).toEqual([1, 2])
    await store.whenDurable()
    expect(rows()).toEqual([
      { doc_id: 'doc', seq: 1, user_id: 'u1' },
      { doc_id: 'doc', seq: 2, user_id: 'u1' },
    ])
    // Stored with the time of the commit, as ISO text.
    for (const at of createdAt()) expect(Date.parse(at)).toBeGreaterThanOrEqual(before)
    expect(createdAt()[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
    expect(readJournal(journalPath())).toEqual([])
    // Anything that reads the log through the store sees journaled commits at once.
    store.commit('doc', [keystroke])
    expect(store.load('doc').lastSeq).toBe(3)
    expect(store.load('doc').updates).toHaveLength(3)
  })

  it('keeps what a killed process journaled: the next start moves it into the log, once', () => {
    store.commit('doc', [keystroke])
    store.syncNow()
    store.commit('doc', [keystroke, { update: keystroke.update, attribution: null }])
    store.commit('gone', [keystroke])
    const left = fs.readFileSync(journalPath())

    const first = restart()
    expect(rows(first.next)).toEqual([
      { doc_id: 'doc', seq: 1, user_id: 'u1' },
      { doc_id: 'doc', seq: 2, user_id: 'u1' },
      { doc_id: 'doc', seq: 3, user_id: null },
      { doc_id: 'gone', seq: 1, user_id: 'u1' },
    ])
    expect(readJournal(journalPath())).toEqual([])
    expect(first.recovered.commit('doc', [keystroke])).toBe(4) // numbering goes on after the replayed rows
    first.recovered.syncNow()
    // Compacted and deleted meanwhile, then the same journal once more (a crash before it was emptied).
    first.recovered.compact('doc', new Uint8Array([0, 0]), 3)
    new DocumentsRepo(first.next).delete('gone')
    first.recovered.close()
    first.next.close()
    fs.writeFileSync(journalPath(), left)

    const second = restart()
    try {
      // Rows folded into the state are not brought back, nor those of a deleted document.
      expect(rows(second.next)).toEqual([{ doc_id: 'doc', seq: 4, user_id: 'u1' }])
      expect(second.recovered.load('doc').lastSeq).toBe(4)
    } finally {
      second.recovered.close()
      second.next.close()
    }
  })

  it('keeps journaled commits when moving them fails, fails their waiters, and moves them once it can', async () => {
    db.exec(`CREATE TRIGGER fail_move BEFORE INSERT ON doc_updates BEGIN SELECT RAISE(ABORT, 'disk on fire'); END`)
    store.commit('doc', [keystroke])
    await expect(store.whenDurable()).rejects.toThrow('cannot store the update log on disk')
    expect(readJournal(journalPath()).map((r) => r.seq)).toEqual([1])
    db.exec('DROP TRIGGER fail_move')
    store.commit('doc', [keystroke])
    await store.whenDurable()
    expect(rows().map((r) => r.seq)).toEqual([1, 2])
  })
})

describe('the mapped journal', () => {
  let dir: string
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-mapped-'))
  })
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true })
  })
  const file = () => path.join(dir, 'accord.db-updates')

  it('is available here: npm install built the mapped-file addon', () => {
    expect(mappedFiles()).toHaveProperty('addon')
  })

  it('is read from the file as it is appended, and emptied: what it held before is never read again', () => {
    const journal = new MappedJournal(file())
    journal.append([record(1), record(2)])
    journal.append([record(3)])
    expect(readJournal(file()).map((r) => r.seq)).toEqual([1, 2, 3])
    journal.clear()
    expect(readJournal(file())).toEqual([])
    journal.append([record(4)]) // shorter than what lies after it
    expect(readJournal(file())).toEqual([record(4)])
    journal.close()
  })

  it('grows for a commit larger than its room', () => {
    const journal = new MappedJournal(file())
    const update = new Uint8Array(3 << 20).fill(7) // three times the room first mapped
    journal.append([record(1)])
    journal.append([record(2, { update })])
    journal.append([record(3)])
    const read = readJournal(file())
    expect(read.map((r) => r.seq)).toEqual([1, 2, 3])
    expect(Buffer.from(read[1].entry.update).equals(update)).toBe(true)
    expect(read[2]).toEqual(record(3))
    journal.close()
  })

  it('keeps what was appended when its process is killed right after (SIGKILL)', () => {
    const script = `
      const { MappedJournal } = await import(${JSON.stringify(path.resolve('server/storage/mappedJournal.ts'))})
      const journal = new MappedJournal(${JSON.stringify(file())})
      for (let seq = 1; seq <= 100; seq++) journal.append([{ docId: 'doc', seq, at: 0, entry: { update: new Uint8Array([seq]), attribution: null } }])
      process.kill(process.pid, 'SIGKILL')`
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' })
    expect(child.signal).toBe('SIGKILL')
    expect(readJournal(file()).map((r) => r.seq)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1))
  })
})
