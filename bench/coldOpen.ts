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
  const open: { server: ServerKind; label: string; spec: ClientSpec; loader: BenchClient | null; stop: () => Promise<void> }[] = []
  try {
    for (const server of servers) {
      const target = await startServer(server, { env: { IDLE_UNLOAD_MS: String(IDLE_UNLOAD_MS) } })
      const spec = await newDocument(target, 'Generated law (300 articles)')
      const loader = connect(spec)
      open.push({ server, label: target.label, spec, loader, stop: () => target.stop() })
      await loader.synced
      loadLaw(loader.ydoc, json)
      await openOnce(spec, expected) // warm-up, and proof the server holds it all
    }
    // Servers in turn, the order rotating: the client's own JIT warms up over the first runs,
    // which would otherwise all go to the first server.
    const samples = new Map<ServerKind, number[]>(servers.map((s) => [s, []]))
    for (let i = 0; i < RUNS; i++) {
      for (let j = 0; j < open.length; j++) {
        const { server, spec } = open[(i + j) % open.length]
        samples.get(server)!.push(await openOnce(spec, expected))
      }
    }
    const results: ColdOpenResult[] = []
    for (const entry of open) {
      const samplesMs = samples.get(entry.server)!
      const result: ColdOpenResult = { server: entry.server, medianMs: median(samplesMs), samplesMs }
      if (entry.server === 'accord') {
        entry.loader?.destroy()
        entry.loader = null
        const fromStorage: number[] = []
        for (let i = 0; i < RUNS; i++) {
          await sleep(IDLE_UNLOAD_MS + 400) // the room is unloaded (and compacted) meanwhile
          fromStorage.push(await openOnce(entry.spec, expected))
        }
        result.fromStorageMedianMs = median(fromStorage)
        result.fromStorageSamplesMs = fromStorage
      }
      results.push(result)
      log(`  ${entry.label.padEnd(20)} median ${result.medianMs.toFixed(0)} ms` +
        (result.fromStorageMedianMs !== undefined ? `; from storage ${result.fromStorageMedianMs.toFixed(0)} ms` : ''))
    }
    return results
  } finally {
    for (const entry of open) {
      entry.loader?.destroy()
      await entry.stop()
    }
  }
}
