/**
 * Benchmark of saving a version of the generated 300-article law (~600 KB of text): the real
 * Versions service on a real SQLite database (temporary directory, synchronous=FULL), saving from
 * a loaded room as the API does. Reports the median time of a save, of its parts (state encode,
 * document JSON, deflating both; the rest is the insert) and the bytes stored per version; also
 * the time to read a stored version back (inflate + parse), which a comparison pays once per side.
 * Run alone with `npx tsx bench/versions.ts`, or call `runVersionsBenchmark()` from bench/run.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { deflateSync } from 'node:zlib'
import * as Y from 'yjs'
import { generateLaw } from '../shared/diff/testing/generateLaw'
import { textOf } from '../shared/diff/flatten'
import type { Language } from '../shared/language'
import { encodeDocJSON, docJSONOf } from '../shared/ydoc'
import { DEFAULT_CONFIG } from '../server/config'
import { openDatabase } from '../server/db/connection'
import { VersionsRepo } from '../server/db/versionsRepo'
import { createLogger } from '../server/logger'
import { createServices } from '../server/services'
import { DEFLATE, Versions } from '../server/services/versions'
import { LocalBroadcaster } from '../server/collab/broadcaster'
import { time } from './diff'
import { Rooms } from '../server/collab/rooms'

const RUNS = 20

export interface VersionsBenchResult {
  language: Language
  /** Characters of text in the law. */
  textChars: number
  /** Median of a whole save (encode state + document JSON + deflate + insert), ms. */
  saveMedianMs: number
  /** Medians of the parts, ms. */
  encodeStateMs: number
  documentJsonMs: number
  deflateMs: number
  /** Bytes stored per version: the deflated Yjs state and JSON (and both before deflating). */
  stateBytes: number
  jsonBytes: number
  rawStateBytes: number
  rawJsonBytes: number
  /** Median time to read a stored version back (inflate + JSON.parse), cold cache, ms. */
  loadMedianMs: number
  runs: number
}

export function runVersionsBenchmark(log: (line: string) => void = () => {}): VersionsBenchResult[] {
  const results: VersionsBenchResult[] = []
  const dir = mkdtempSync(path.join(tmpdir(), 'accord-bench-versions-'))
  const db = openDatabase(dir)
  const silent = createLogger('silent')
  const services = createServices(db, DEFAULT_CONFIG, silent)
  const rooms = new Rooms({
    store: services.store,
    broadcaster: new LocalBroadcaster(),
    log: silent,
    idleUnloadMs: 60_000,
    compactAfterUpdates: 1000,
    compactQuietMs: 1000,
  })
  try {
    const repo = new VersionsRepo(db)
    const versions = new Versions({ repo, documents: services.documents, users: services.users, organizations: services.organizations, rooms, log: silent, autoVersionIntervalMs: 3_600_000 })
    const author = { userId: 'bench-user', orgId: 'bench-org' }
    for (const language of ['en', 'ru'] as const satisfies readonly Language[]) {
      const law = generateLaw({ language })
      const doc = services.documents.create({ id: `benchversions${language}0`.slice(0, 16), title: 'Bench', language, createdBy: null })
      services.store.compact(doc.id, encodeDocJSON(law), 0)
      const room = rooms.acquire(doc.id)

      const saved: string[] = []
      const saveMedianMs = time(() => saved.push(versions.save(doc, { name: 'Round', note: '' }, author).id), RUNS)
      let state: Uint8Array = new Uint8Array()
      const encodeStateMs = time(() => (state = Y.encodeStateAsUpdate(room.doc)), RUNS)
      let json = ''
      const documentJsonMs = time(() => (json = JSON.stringify(docJSONOf(room.doc))), RUNS)
      const deflateMs = time(() => {
        deflateSync(state, DEFLATE)
        deflateSync(json, DEFLATE)
      }, RUNS)
      const stored = versions.summary(doc.id, saved[0])
      // Cold reads: a fresh service has nothing cached.
      let i = 0
      const loadMedianMs = time(() => {
        const cold = new Versions({ repo, documents: services.documents, users: services.users, organizations: services.organizations, rooms, log: silent, autoVersionIntervalMs: 3_600_000 })
        cold.content(doc.id, saved[i++ % saved.length])
      }, RUNS)

      const result: VersionsBenchResult = {
        language,
        textChars: textOf(law).length,
        saveMedianMs,
        encodeStateMs,
        documentJsonMs,
        deflateMs,
        stateBytes: stored.stateBytes,
        jsonBytes: stored.jsonBytes,
        rawStateBytes: state.byteLength,
        rawJsonBytes: Buffer.byteLength(json),
        loadMedianMs,
        runs: RUNS,
      }
      results.push(result)
      const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`
      log(
        `${language}: ${result.textChars.toLocaleString('en')} characters; save a version: median ${saveMedianMs.toFixed(1)} ms ` +
          `(encode state ${encodeStateMs.toFixed(1)}, document JSON ${documentJsonMs.toFixed(1)}, deflate ${deflateMs.toFixed(1)}, rest is the insert); ` +
          `stored ${kb(result.stateBytes + result.jsonBytes)} = state ${kb(result.stateBytes)} (from ${kb(result.rawStateBytes)}) + JSON ${kb(result.jsonBytes)} (from ${kb(result.rawJsonBytes)}); ` +
          `read back: median ${loadMedianMs.toFixed(1)} ms`,
      )
    }
  } finally {
    rooms.closeAll()
    services.store.close()
    db.close()
    rmSync(dir, { recursive: true, force: true })
  }
  return results
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) runVersionsBenchmark(console.log)
