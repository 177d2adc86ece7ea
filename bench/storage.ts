/**
 * Section 5: storage. 10,000 small edits (one typed character each, attributed, one append
 * each, as the server stores them) → bytes on disk before and after compaction; compaction
 * time of the 300-article law. Runs on Accord's own store and Room, in this process.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import * as Y from 'yjs'
import { openDatabase, DB_FILE, type Db } from '../server/db/connection'
import { DEFAULT_CONFIG } from '../server/config'
import { createLogger } from '../server/logger'
import { createServices } from '../server/services'
import { createDocument } from '../server/services/documents'
import { loadDoc } from '../server/collab/loadDoc'
import { Room, type RoomHooks } from '../server/collab/room'
import { LocalBroadcaster } from '../server/collab/broadcaster'
import { encodeDocJSON } from '../shared/ydoc'
import { clauseTexts, FULL_LAW_ARTICLES, law } from './lib/law'
import { median } from './lib/stats'

export interface StorageResult {
  edits: number
  /** Bytes of the update blobs alone. */
  logPayloadBytes: number
  /** Database pages in use for the edits (log rows, index, activity), before compaction. */
  bytesBeforeCompaction: number
  /** The same after compaction (the state row grew, the log rows are gone). */
  bytesAfterCompaction: number
  /** The database file (with WAL checkpointed) after compaction, freed pages not returned. */
  fileBytesAfterCompaction: number
  appendMsMean: number
  compactLawMedianMs: number
  lawStateBytes: number
}

const EDITS = 10_000
const hooks: RoomHooks = { onAppended: () => {}, onStorageFailure: () => {}, onEmpty: () => {} }

function usedBytes(db: Db): number {
  db.pragma('wal_checkpoint(TRUNCATE)')
  const pageSize = db.pragma('page_size', { simple: true }) as number
  const pages = db.pragma('page_count', { simple: true }) as number
  const free = db.pragma('freelist_count', { simple: true }) as number
  return (pages - free) * pageSize
}

/** One typed character per update, in one paragraph, as a person typing. */
function typedUpdates(state: Uint8Array, count: number): Uint8Array[] {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, state)
  const text = clauseTexts(doc)[0]
  const updates: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => updates.push(u))
  const typed = 'the parties shall cooperate in good faith '
  for (let i = 0; i < count; i++) text.insert(Math.min(i, text.length), typed[i % typed.length])
  doc.destroy()
  return updates
}

export function runStorageBenchmark(log: (line: string) => void): StorageResult {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-bench-storage-'))
  const db = openDatabase(dir)
  const services = createServices(db, { ...DEFAULT_CONFIG, dataDir: dir }, createLogger('silent'))
  const { store } = services
  try {
    const attribution = { userId: 'bench-user', orgId: 'bench-org', articles: ['a1'] }

    // 10,000 small edits on the sample law.
    const doc = createDocument(services, { title: 'Sample', language: 'en', template: 'sample' }, null)
    const before = usedBytes(db)
    const updates = typedUpdates(store.load(doc.id).state!, EDITS)
    const started = performance.now()
    for (const update of updates) store.append(doc.id, update, attribution)
    const appendMsMean = (performance.now() - started) / EDITS
    const logPayloadBytes = (db.prepare('SELECT SUM(length(data)) AS n FROM doc_updates WHERE doc_id = ?').get(doc.id) as { n: number }).n
    const bytesBeforeCompaction = usedBytes(db) - before
    const room = new Room(doc.id, loadDoc(store, doc.id), store, new LocalBroadcaster(), hooks, createLogger('silent'))
    room.compact()
    room.destroy()
    const bytesAfterCompaction = usedBytes(db) - before
    const fileBytesAfterCompaction = fs.statSync(path.join(dir, DB_FILE)).size
    log(`  ${EDITS.toLocaleString('en')} one-character edits: ${(bytesBeforeCompaction / 1024).toFixed(0)} KB in the database ` +
      `(${(logPayloadBytes / 1024).toFixed(0)} KB of updates; ${(bytesBeforeCompaction / EDITS).toFixed(0)} B per edit; ` +
      `append ${appendMsMean.toFixed(3)} ms each) → ${(bytesAfterCompaction / 1024).toFixed(1)} KB after compaction`)

    // Compaction of the 300-article law with a log of edits behind it, median of 5.
    const lawState = encodeDocJSON(law(FULL_LAW_ARTICLES))
    const big = createDocument(services, { title: 'Law', language: 'en', template: 'empty' }, null)
    store.compact(big.id, lawState, 0)
    const lawEdits = typedUpdates(lawState, 5 * 200)
    const times: number[] = []
    for (let round = 0; round < 5; round++) {
      for (const update of lawEdits.slice(round * 200, (round + 1) * 200)) store.append(big.id, update, attribution)
      const r = new Room(big.id, loadDoc(store, big.id), store, new LocalBroadcaster(), hooks, createLogger('silent'))
      const t = performance.now()
      r.compact()
      times.push(performance.now() - t)
      r.destroy()
    }
    const compactLawMedianMs = median(times)
    log(`  compaction of the 300-article law (${(lawState.byteLength / 1024).toFixed(0)} KB state + 200 logged edits): median ${compactLawMedianMs.toFixed(1)} ms`)
    return {
      edits: EDITS,
      logPayloadBytes,
      bytesBeforeCompaction,
      bytesAfterCompaction,
      fileBytesAfterCompaction,
      appendMsMean,
      compactLawMedianMs,
      lawStateBytes: lawState.byteLength,
    }
  } finally {
    store.close()
    db.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
