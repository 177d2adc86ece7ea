/**
 * Section 1: server fan-out, Accord against @y/websocket-server and @hocuspocus/server in the
 * same run and the same harness, in alternating order over several rounds. Every server run
 * starts a fresh server process, preloads one ~200 KB document, opens N clients spread over
 * the load-generator workers, lets W of them type R characters per second, and measures:
 * latency from a writer's edit to each other client receiving it, edits lost, convergence,
 * server CPU per 1,000 delivered updates, peak RSS, and the load generator's own CPU.
 */
import os from 'node:os'
import { connect } from '../lib/clients'
import { newDocument } from '../lib/documents'
import { contentDigest, FANOUT_ARTICLES, law, textLength, topLevelCount } from '../lib/law'
import { concatSamples, distribution, median, monotonicMs, sleep, until, type Distribution } from '../lib/stats'
import { machineBusySeconds, procStat } from '../lib/machine'
import { startWorkers, type LoadWorker } from '../lib/workers'
import { startServer } from '../servers/target'
import { SERVER_LABEL, type ServerKind } from '../servers/protocol'
import type { CollectResult, WriterSpec } from './protocol'
import { tailAnatomy, type TailAnatomy } from './tail'
import { gcInTail, type GcInTail, type GcTotals } from './gcInTail'

export interface FanoutConfig {
  clients: number
  writers: number
  /** Edits per second per writer. */
  rate: number
  /**
   * Rounds of this corner, if not the run's `rounds` (more where one run's figure moves most).
   * Those past the run's `rounds` are extra: each runs for every server or, when the time budget
   * would not hold it whole, for none.
   */
  rounds?: number
  /** Writing before this corner's window opens, if not the run's `warmupMs`. */
  warmupMs?: number
}

/**
 * Writing before a window that opens past the load generators' start-up (about half of every
 * server's worst N=50 edits came 1.6–2.2 s after the writers started; fifty-fifth round).
 */
export const PAST_START_UP_MS = 2500

/** How many rounds `config` gets in a run of `rounds`. */
export const roundsOf = (config: FanoutConfig, rounds: number): number => config.rounds ?? rounds

export interface FanoutOptions {
  matrix: FanoutConfig[]
  servers: ServerKind[]
  rounds: number
  warmupMs: number
  windowMs: number
  workers: number
  /**
   * No new server run starts after this long (the section must fit the benchmark's 5 minutes).
   * A function is asked once the required rounds are done, given how long they took: on a
   * slower machine the sections after this one take longer too, and the extra rounds give way.
   */
  budgetMs: number | ((requiredMs: number) => number)
  log: (line: string) => void
}

export interface TailCauses {
  /** Medians over the rounds of each round's p50: an edit's fastest delivery, and its slowest less its fastest. */
  fastestP50: number
  spreadP50: number
  /** Deliveries at or over their round's p99, and the share of them that overlapped a pause of each. */
  p99Deliveries: number
  overServerGc: number
  overReceiverGc: number
  overWriterGc: number
  /** The server's garbage-collection pauses in the windows, ms in all. */
  serverGcMs: number
}

function tailCausesOf(runs: RunResult[]): TailCauses {
  const deliveries = runs.reduce((n, r) => n + r.gc.deliveries, 0)
  const share = (pick: (r: RunResult) => number) => runs.reduce((n, r) => n + pick(r), 0) / deliveries
  return {
    fastestP50: median(runs.map((r) => r.tail.fastest.p50)),
    spreadP50: median(runs.map((r) => r.tail.spread.p50)),
    p99Deliveries: deliveries,
    overServerGc: share((r) => r.gc.overServer),
    overReceiverGc: share((r) => r.gc.overReceiver),
    overWriterGc: share((r) => r.gc.overWriter),
    serverGcMs: runs.reduce((n, r) => n + r.gc.server.ms, 0),
  }
}

/** One server run (one server, one configuration, one round). */
export interface RunResult {
  server: ServerKind
  config: FanoutConfig
  round: number
  latency: Distribution
  /** Which edits made the p99, and whether they were late before the fan-out. */
  tail: TailAnatomy
  /** Garbage collection in the window, and in the p99's deliveries. */
  gc: GcInTail
  sent: number
  delivered: number
  lost: number
  duplicates: number
  converged: boolean
  serverCpuSeconds: number
  cpuPer1000: number
  peakRssMb: number
  loadgenCores: number
  maxWorkerCore: number
  workerEldP99: number
  serverCores: number
  /** Share of the server's CPU spent in the kernel. */
  serverSystemShare: number
  /** The server's minor page faults in the window per 1,000 delivered updates (fresh pages its heap or files touched). */
  faultsPer1000: number
  /** Cores busy with other processes of the machine during the window. */
  foreignCores: number
  loadgenBottleneck: boolean
  setupMs: number
  /** Where the run's time went (server start, collecting, verifying, stopping). */
  phases: Record<string, number>
  samples: Float64Array
}

export interface FanoutSummary {
  server: ServerKind
  config: FanoutConfig
  rounds: number
  /** Runs that did not complete (the server fell too far behind to answer), with the reason. */
  failures: string[]
  latency: Distribution
  p99PerRound: number[]
  /** What made the tail, over the rounds (see tail.ts and gcInTail.ts). */
  tailCauses: TailCauses
  lost: number
  converged: boolean
  cpuPer1000: number
  peakRssMb: number
  loadgenCores: number
  serverCores: number
  foreignCores: number
  loadgenBottleneck: boolean
  /** Ratios to @y/websocket-server measured in the same run. */
  p99VsReference: number
  cpuVsReference: number
}

const CORES = os.cpus().length
/** Full (Y.Doc) receivers per worker besides its writers, to check convergence on real documents. */
const FULL_RECEIVERS = 3

const gcLine = (t: GcTotals) => `${t.pauses}×/${t.ms.toFixed(0)} ms (max ${t.maxMs.toFixed(1)}, ${t.major} full)`

const maxOf = (values: number[]) => (values.length ? Math.max(...values) : NaN)

function spread(total: number, parts: number): number[] {
  return Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0))
}

async function runOne(server: ServerKind, config: FanoutConfig, round: number, workers: LoadWorker[], opts: FanoutOptions): Promise<RunResult> {
  const setupStarted = performance.now()
  const phases: Record<string, number> = {}
  const target = await startServer(server)
  phases.startMs = performance.now() - setupStarted
  try {
    const spec = await newDocument(target)
    const json = law(FANOUT_ARTICLES)
    const expectTopLevel = topLevelCount(json)
    // Worker 0's first client loads the document and stays connected (it is one of the N).
    await workers[0].request({ cmd: 'load', spec, articles: FANOUT_ARTICLES })
    const shares = spread(config.clients, workers.length)
    shares[0] -= 1
    // Full clients: the writers of each worker and FULL_RECEIVERS more; the rest protocol-level receivers.
    const writersOf = (i: number) => Math.floor(config.writers / workers.length) + (i < config.writers % workers.length ? 1 : 0)
    await Promise.all(
      workers.map((w, i) =>
        w.request({ cmd: 'open', spec, count: shares[i], full: (i === 0 ? 0 : 1) + writersOf(i) + FULL_RECEIVERS, expectTopLevel, parallel: 10, timeoutMs: 90_000 }, 100_000),
      ),
    )
    const setupMs = performance.now() - setupStarted

    // Writers: spread over the workers (never the loader) and over the document.
    const perWorker: WriterSpec[][] = workers.map(() => [])
    const clauses = 150
    for (let writerId = 0; writerId < config.writers; writerId++) {
      const w = writerId % workers.length
      perWorker[w].push({ client: 1 + Math.floor(writerId / workers.length), writerId, clause: Math.floor(((writerId + 0.5) * clauses) / config.writers) })
    }
    await Promise.all(workers.map((w, i) => w.request({ cmd: 'write', writers: perWorker[i], ratePerSecond: config.rate, awareness: false })))
    await sleep(config.warmupMs ?? opts.warmupMs)

    const start = monotonicMs()
    await Promise.all(workers.map((w) => w.request({ cmd: 'window', start, end: start + opts.windowMs })))
    const busy0 = machineBusySeconds()
    const server0 = procStat(target.pid)
    const workers0 = await Promise.all(workers.map((w) => w.request({ cmd: 'usage' })))
    await sleep(opts.windowMs)
    const server1 = procStat(target.pid)
    const workers1 = await Promise.all(workers.map((w) => w.request({ cmd: 'usage' })))
    const elapsed = (monotonicMs() - start) / 1000
    if (process.env.BENCH_CPU_PROF || process.env.BENCH_PERF) opts.log(`  window ${target.pid} (CLOCK_MONOTONIC µs): ${Math.round(start * 1000)} ${Math.round((start + elapsed * 1000) * 1000)}`)
    const machineBusy = machineBusySeconds() - busy0
    const windowEndAt = performance.now()

    const sentParts = await Promise.all(workers.map((w) => w.request({ cmd: 'stopWriting' })))
    const expected: Record<number, number> = {}
    for (const part of sentParts) Object.assign(expected, part.sent)
    const collected: CollectResult[] = (
      await Promise.all(workers.map((w) => w.request({ cmd: 'collect', expected, drainMs: 10_000 })))
    ).map((r) => r.collect!)
    const collectedAt = performance.now()
    const serverPauses = await target.gcPauses(start)

    // A fresh client checks what the server holds.
    const verifier = connect(spec)
    await Promise.race([verifier.synced, sleep(20_000)])
    await until(() => textLength(verifier.ydoc) === expectTopLevel && verifier.ydoc.getArray('bench').length === Object.values(expected).reduce((a, b) => a + b, 0), 10_000)
    const serverDigest = contentDigest(verifier.ydoc)
    verifier.destroy()
    phases.collectMs = collectedAt - windowEndAt
    phases.verifyMs = performance.now() - collectedAt

    const digests = new Set<string>([serverDigest])
    for (const c of collected) for (const d of Object.keys(c.digests)) digests.add(d)
    const samples = concatSamples(collected.map((c) => c.samples))
    const latency = distribution(samples)
    const serverCpuSeconds = server1.cpuSeconds - server0.cpuSeconds
    // Ticks both (the kernel splits user and system time only in ticks).
    const serverSystemShare = (server1.systemSeconds - server0.systemSeconds) / (server1.ticksSeconds - server0.ticksSeconds)
    const workerCores = workers1.map((u, i) => (u.usage!.cpuMicros - workers0[i].usage!.cpuMicros) / 1e6 / elapsed)
    const loadgenCores = workerCores.reduce((a, b) => a + b, 0)
    const serverCores = serverCpuSeconds / elapsed
    const maxWorkerCore = Math.max(...workerCores)
    const workerEldP99 = Math.max(...workers1.map((u) => u.usage!.eldP99))
    const sent = Object.values(expected).reduce((a, b) => a + b, 0)
    // CPU used by other processes of the machine (other work sharing these cores) meanwhile.
    const foreignCores = Math.max(0, machineBusy / elapsed - serverCores - loadgenCores)
    return {
      server,
      config,
      round,
      latency,
      tail: tailAnatomy(samples, concatSamples(collected.map((c) => c.edits)), latency.p95, latency.p99),
      gc: gcInTail(
        collected.map((c) => ({ latencies: c.samples, sentAt: c.sentAt, edits: c.edits, pauses: c.gcPauses })),
        serverPauses,
        (writerId) => writerId % workers.length,
        latency.p99,
        { start, end: start + elapsed * 1000 },
      ),
      sent,
      delivered: samples.length,
      lost: collected.reduce((n, c) => n + c.missing, 0),
      duplicates: collected.reduce((n, c) => n + c.duplicates, 0),
      converged: digests.size === 1,
      serverCpuSeconds,
      cpuPer1000: (serverCpuSeconds / samples.length) * 1000,
      peakRssMb: procStat(target.pid).peakRssBytes / (1024 * 1024),
      loadgenCores,
      maxWorkerCore,
      workerEldP99,
      serverCores,
      serverSystemShare,
      faultsPer1000: ((server1.minorFaults - server0.minorFaults) / samples.length) * 1000,
      foreignCores,
      // The load generator, not the server, limits the figures when a worker runs flat out
      // or the machine has no idle core left.
      loadgenBottleneck: maxWorkerCore > 0.85 || loadgenCores + serverCores + foreignCores > 0.9 * CORES,
      setupMs,
      phases,
      samples,
    }
  } finally {
    const stopping = performance.now()
    await Promise.all(workers.map((w) => w.request({ cmd: 'close' }, 15_000).catch(() => undefined)))
    await target.stop()
    phases.stopMs = performance.now() - stopping
  }
}

interface FailedRun {
  server: ServerKind
  config: FanoutConfig
  round: number
  error: string
}

function summarize(runs: RunResult[], failed: FailedRun[], server: ServerKind, config: FanoutConfig): Omit<FanoutSummary, 'p99VsReference' | 'cpuVsReference'> {
  const mine = runs.filter((r) => r.server === server && r.config === config)
  const delivered = mine.reduce((n, r) => n + r.delivered, 0)
  return {
    server,
    config,
    rounds: mine.length,
    failures: failed.filter((f) => f.server === server && f.config === config).map((f) => f.error),
    latency: distribution(concatSamples(mine.map((r) => r.samples))),
    p99PerRound: mine.map((r) => r.latency.p99),
    tailCauses: tailCausesOf(mine),
    lost: mine.reduce((n, r) => n + r.lost, 0),
    converged: mine.every((r) => r.converged),
    cpuPer1000: (mine.reduce((s, r) => s + r.serverCpuSeconds, 0) / delivered) * 1000,
    peakRssMb: maxOf(mine.map((r) => r.peakRssMb)),
    loadgenCores: maxOf(mine.map((r) => r.loadgenCores)),
    serverCores: maxOf(mine.map((r) => r.serverCores)),
    foreignCores: maxOf(mine.map((r) => r.foreignCores)),
    loadgenBottleneck: mine.some((r) => r.loadgenBottleneck),
  }
}

export const configLabel = (c: FanoutConfig) => `N=${c.clients} W=${c.writers} R=${c.rate}/s`

/**
 * The load generators get faster over their first runs against each kind of server (their JIT
 * warms up the client code of that protocol: 0.39, 0.26, 0.19 cores in three identical Accord
 * runs), and a configuration's first run was slower than its later ones, which would count
 * against whichever server runs first. So one unrecorded run of every configuration against
 * every server (the heaviest first) before any recorded one.
 */
async function warmUp(workers: LoadWorker[], opts: FanoutOptions): Promise<void> {
  const heaviestFirst = [...opts.matrix].sort((a, b) => b.clients * b.writers * b.rate - a.clients * a.writers * a.rate)
  for (const config of heaviestFirst) for (const server of opts.servers) await runOne(server, config, -1, workers, { ...opts, windowMs: WARM_UP_WINDOW_MS })
  opts.log(`  warm-up runs (${heaviestFirst.map(configLabel).join(', ')}; ${WARM_UP_WINDOW_MS / 1000} s each, not recorded) done`)
}

/**
 * Warming up only the heaviest configuration, Accord's first recorded run (the benchmark's first,
 * at N=50) was its slowest: p99 mean ~11 ms in 21 runs with a 1.5 or 5 s warm-up, against ~8 ms
 * in its second round.
 */
const WARM_UP_WINDOW_MS = 2000

export async function runFanoutBenchmark(
  opts: FanoutOptions,
): Promise<{ runs: Omit<RunResult, 'samples'>[]; failed: FailedRun[]; summaries: FanoutSummary[] }> {
  let workers = startWorkers(opts.workers)
  const runs: RunResult[] = []
  const failed: FailedRun[] = []
  const started = Date.now()
  try {
    await warmUp(workers, opts).catch((err: unknown) => {
      opts.log(`  warm-up run failed (not recorded): ${err instanceof Error ? err.message : String(err)}`)
      for (const w of workers) w.kill()
      workers = startWorkers(opts.workers)
    })
    const rounds = Math.max(...opts.matrix.map((config) => roundsOf(config, opts.rounds)))
    /** The longest server run of each configuration so far, in ms. */
    const longest = new Map<FanoutConfig, number>()
    const { budgetMs } = opts
    let budget = typeof budgetMs === 'number' ? budgetMs : Infinity
    for (let round = 0; round < rounds; round++) {
      if (round === opts.rounds && typeof budgetMs === 'function') {
        budget = budgetMs(Date.now() - started)
        opts.log(`  required rounds done in ${((Date.now() - started) / 1000).toFixed(0)} s; extra rounds while ${(budget / 1000).toFixed(0)} s hold them`)
      }
      const order = round % 2 === 0 ? opts.servers : [...opts.servers].reverse()
      for (const config of opts.matrix.filter((c) => round < roundsOf(c, opts.rounds))) {
        // An extra round that only some servers got would weigh one moment of the machine against them alone.
        const roundMs = (longest.get(config) ?? Infinity) * order.length
        if (round >= opts.rounds && Date.now() - started + roundMs > budget) {
          opts.log(`  round ${round + 1} ${configLabel(config).padEnd(22)} (extra) left out: the time budget would not hold it for every server`)
          continue
        }
        for (const server of order) {
          if (Date.now() - started > budget) {
            failed.push({ server, config, round, error: 'skipped: time budget spent' })
            opts.log(`  round ${round + 1} ${configLabel(config).padEnd(22)} ${SERVER_LABEL[server].padEnd(20)} skipped: time budget spent`)
            continue
          }
          let run: RunResult
          const runStarted = Date.now()
          try {
            run = await runOne(server, config, round, workers, opts)
            longest.set(config, Math.max(longest.get(config) ?? 0, Date.now() - runStarted))
          } catch (err) {
            const error = err instanceof Error ? err.message : String(err)
            failed.push({ server, config, round, error })
            opts.log(`  round ${round + 1} ${configLabel(config).padEnd(22)} ${SERVER_LABEL[server].padEnd(20)} FAILED: ${error}`)
            // Fresh load generators: the old ones may still hold a backlog.
            for (const w of workers) w.kill()
            workers = startWorkers(opts.workers)
            continue
          }
          runs.push(run)
          opts.log(
            `  round ${round + 1} ${configLabel(config).padEnd(22)} ${SERVER_LABEL[server].padEnd(20)} ` +
              `p50 ${run.latency.p50.toFixed(1)} p99 ${run.latency.p99.toFixed(1)} max ${run.latency.max.toFixed(0)} ms ` +
              `(p99 made by ${run.tail.edits} edits, ${run.tail.lateEverywhere} late at every recipient; per edit fastest p50 ${run.tail.fastest.p50.toFixed(1)} p99 ${run.tail.fastest.p99.toFixed(1)}, spread p50 ${run.tail.spread.p50.toFixed(1)} p99 ${run.tail.spread.p99.toFixed(1)} ms${run.tail.worst.length ? `; worst ${run.tail.worst.map((w) => `${w.edit} ${w.fastestMs.toFixed(0)}–${w.slowestMs.toFixed(0)}`).join(', ')} ms` : ''}); ` +
              `GC server ${gcLine(run.gc.server)}, load generators ${gcLine(run.gc.workers)}, p99 deliveries ${run.gc.deliveries} over a pause of: server ${run.gc.overServer}, receiver ${run.gc.overReceiver}, writer ${run.gc.overWriter}; ` +
              `${run.delivered} delivered, lost ${run.lost}, ${run.converged ? 'converged' : 'DIVERGED'}; ` +
              `server ${run.serverCores.toFixed(2)} cores (${(run.serverSystemShare * 100).toFixed(0)}% kernel, ${run.faultsPer1000.toFixed(0)} page faults/1k), ${run.cpuPer1000.toFixed(3)} CPU-s/1k; loadgen ${run.loadgenCores.toFixed(2)} cores ` +
              `(max worker ${run.maxWorkerCore.toFixed(2)}, ELD p99 ${run.workerEldP99.toFixed(1)} ms); other processes ${run.foreignCores.toFixed(2)} cores${run.loadgenBottleneck ? ' [loadgen-bound]' : ''}; setup ${(run.setupMs / 1000).toFixed(1)} s (${Object.entries(run.phases).map(([k, v]) => `${k.replace(/Ms$/, '')} ${(v / 1000).toFixed(1)}`).join(', ')})`,
          )
        }
      }
    }
  } finally {
    for (const w of workers) w.kill()
  }
  const summaries: FanoutSummary[] = []
  for (const config of opts.matrix) {
    const reference = opts.servers.includes('yws') ? summarize(runs, failed, 'yws', config) : null
    for (const server of opts.servers) {
      const s = summarize(runs, failed, server, config)
      summaries.push({
        ...s,
        p99VsReference: reference ? s.latency.p99 / reference.latency.p99 : NaN,
        cpuVsReference: reference ? s.cpuPer1000 / reference.cpuPer1000 : NaN,
      })
    }
  }
  return { runs: runs.map(({ samples: _samples, ...rest }) => rest), failed, summaries }
}

/**
 * `npx tsx bench/fanout/run.ts [N×W×R …]`: this section alone, e.g. `50x5x10 200x10x20` (BENCH_SERVERS,
 * BENCH_ROUNDS, BENCH_WINDOW_MS, BENCH_WARMUP_MS; BENCH_PERF=1 prints each server's pid and window in
 * CLOCK_MONOTONIC, for `perf record -k CLOCK_MONOTONIC` and bench/lib/stallProbe.ts; flags for the servers: bench/servers/target.ts;
 * BENCH_WORKER_FLAGS for the load generators, e.g. `--max-semi-space-size=64`).
 */
if (import.meta.url === (await import('node:url')).pathToFileURL(process.argv[1] ?? '').href) {
  const matrix = (process.argv.slice(2).length ? process.argv.slice(2) : ['50x5x10']).map((s) => {
    const [clients, writers, rate] = s.split('x').map(Number)
    return { clients, writers, rate }
  })
  const servers = (process.env.BENCH_SERVERS?.split(',') ?? ['accord', 'yws', 'hocuspocus']) as ServerKind[]
  const result = await runFanoutBenchmark({
    matrix,
    servers,
    rounds: Number(process.env.BENCH_ROUNDS ?? 1),
    warmupMs: Number(process.env.BENCH_WARMUP_MS ?? PAST_START_UP_MS),
    windowMs: Number(process.env.BENCH_WINDOW_MS ?? 5000),
    workers: Number(process.env.BENCH_WORKERS ?? 3),
    budgetMs: 600_000,
    log: console.log,
  })
  for (const s of result.summaries) {
    console.log(`${configLabel(s.config)} ${s.server}: p99 ${s.latency.p99.toFixed(1)} (${s.p99VsReference.toFixed(2)}×), CPU/1k ${s.cpuPer1000.toFixed(3)} (${s.cpuVsReference.toFixed(2)}×)`)
  }
}
