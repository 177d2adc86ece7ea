/**
 * Section 2a: cold open of the generated 300-article law by a fresh Node client, per server:
 * connect → fully synced (median of 5). Accord also from storage (room unloaded first).
 */
import { connect, type BenchClient, type ClientSpec } from './lib/clients'
import { newDocument } from './lib/documents'
import { FULL_LAW_ARTICLES, law, loadLaw, textLength, topLevelCount } from './lib/law'
import { median, sleep, until } from './lib/stats'
import { startServer } from './servers/target'
import type { ServerKind } from './servers/protocol'

export interface ColdOpenResult {
  server: ServerKind
  /** Room in memory (another client has the document open). */
  medianMs: number
  samplesMs: number[]
  /** Accord: the room unloaded, so the server reads the document from SQLite first. */
  fromStorageMedianMs?: number
  fromStorageSamplesMs?: number[]
}

const RUNS = 5
const IDLE_UNLOAD_MS = 300

async function openOnce(spec: ClientSpec, expected: number): Promise<number> {
  const started = performance.now()
  const client = connect(spec)
  try {
    await Promise.race([client.synced, sleep(20_000)])
    if (!(await until(() => textLength(client.ydoc) === expected, 20_000, 2))) throw new Error('cold open: document incomplete')
    return performance.now() - started
  } finally {
    client.destroy()
  }
}

export async function runColdOpenBenchmark(servers: ServerKind[], log: (line: string) => void): Promise<ColdOpenResult[]> {
  const json = law(FULL_LAW_ARTICLES)
  const expected = topLevelCount(json)
  const results: ColdOpenResult[] = []
  for (const server of servers) {
    const target = await startServer(server, { env: { IDLE_UNLOAD_MS: String(IDLE_UNLOAD_MS) } })
    let loader: BenchClient | null = null
    try {
      const spec = await newDocument(target, 'Generated law (300 articles)')
      loader = connect(spec)
      await loader.synced
      loadLaw(loader.ydoc, json)
      await openOnce(spec, expected) // warm-up, and proof the server holds it all
      const samplesMs: number[] = []
      for (let i = 0; i < RUNS; i++) samplesMs.push(await openOnce(spec, expected))
      const result: ColdOpenResult = { server, medianMs: median(samplesMs), samplesMs }
      if (server === 'accord') {
        loader.destroy()
        loader = null
        const fromStorage: number[] = []
        for (let i = 0; i < RUNS; i++) {
          await sleep(IDLE_UNLOAD_MS + 400) // the room is unloaded (and compacted) meanwhile
          fromStorage.push(await openOnce(spec, expected))
        }
        result.fromStorageMedianMs = median(fromStorage)
        result.fromStorageSamplesMs = fromStorage
      }
      results.push(result)
      log(`  ${target.label.padEnd(20)} median ${result.medianMs.toFixed(0)} ms` +
        (result.fromStorageMedianMs !== undefined ? `; from storage ${result.fromStorageMedianMs.toFixed(0)} ms` : ''))
    } finally {
      loader?.destroy()
      await target.stop()
    }
  }
  return results
}
