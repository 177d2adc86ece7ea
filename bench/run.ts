/**
 * `npm run bench`: Accord's performance benchmark (see README, "Performance"). Prints a summary,
 * writes everything to bench/results/<time>.json (+ latest.json, summary.md). Not part of
 * `npm test`. Budget: under 5 minutes on a 2-core machine.
 *
 *   npm run bench                          all sections
 *   npm run bench -- --only=fanout,browser sections by name (fanout, coldopen, browser,
 *                                          manydocs, storage, diff, extra)
 *   BENCH_SKIP_BUILD=1                     reuse dist/client instead of `vite build`
 *   BENCH_SKIP_COLD=1                      in section browser, typing only (no cold open)
 *   BENCH_BROWSER_PROF=<file>              a V8 CPU profile of the page while typing (vsync-aligned run)
 *   BENCH_BROWSER_TRACE=<file>             the Chromium trace of the traced typing run
 *   BENCH_STRUCTURAL_PROF=<file>           a V8 CPU profile of the page during the structural edits
 *   BENCH_REVIEW_PROF=<file>               a V8 CPU profile of the page while typing under review
 *   BENCH_COLD_PROF=<file>                 a V8 CPU profile of the page during a cold open
 *   BENCH_COLD_TRACE=<file>                the Chromium trace of a cold open (without BENCH_COLD_PROF)
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { PAST_START_UP_MS, runFanoutBenchmark, type FanoutConfig } from './fanout/run'
import { runColdOpenBenchmark } from './coldOpen'
import { runBrowserBenchmark } from './browser'
import { runManyDocsBenchmark } from './manyDocs'
import { runStorageBenchmark } from './storage'
import { runDiffBenchmark } from './diff'
import { runDraftChecksBenchmark } from './draftChecks'
import { runDocxBenchmark } from './docx'
import { runLanguageVersionsBenchmark } from './languageVersions'
import { runWordRemarksBenchmark } from './wordRemarks'
import { runVersionsBenchmark } from './versions'
import { runExportBenchmark } from './export'
import { loadAverage, machineInfo } from './lib/machine'
import { resultsFile, RESULTS_DIR } from './lib/results'
import { markdownSummary, type BenchResults } from './report'
import type { ServerKind } from './servers/protocol'

const ROOT = path.resolve(import.meta.dirname, '..')

/**
 * The fan-out matrix: its two corners (every N, W and R of the issue appears once), three
 * servers each, two rounds, and two extra rounds of N=50 while the section's time budget holds
 * them whole: 18 server runs of ~7–8.5 s (4 s windows). A few edits held up by one moment of the
 * shared machine (5–17 ms, at every recipient) are 1–2% of a 4 s window's deliveries at N=50,
 * enough to set one round's p99 alone; pooled over four rounds they are not. The full 2×2×2 grid
 * would not fit in 5 minutes (`npx tsx bench/fanout/run.ts` runs more rounds, and longer
 * windows, alone).
 */
const FANOUT_MATRIX: FanoutConfig[] = [
  // Opened at 1 s, N=50's window held the load generators' start-up, which set every server's
  // p99 (five alternating pairs: every p99 ~0.7 ms lower past it, the ratios not). N=200 keeps
  // 1 s: the 5 minutes would not hold both, and its p99 is the one with room under the target.
  { clients: 50, writers: 5, rate: 10, rounds: 4, warmupMs: PAST_START_UP_MS },
  { clients: 200, writers: 10, rate: 20 },
]
const SERVERS: ServerKind[] = ['accord', 'yws', 'hocuspocus']

/**
 * Issue 7 asks for the whole benchmark within 5 minutes on a 2-core machine. Where Chromium is
 * slow (~140 s for its section with Chromium 156, ~70 s with 150), the sections of Accord's own
 * figures give way first, so that everything the issue asks for is measured in time.
 */
const DEADLINE_MS = 290_000
/** The fan-out's time at most (its required rounds, ~110 s, and two extra rounds of N=50 where the rest fits). */
const FANOUT_BUDGET_MS = 165_000
/**
 * Seconds the sections after the fan-out need (those issue 7 asks for) for each second its
 * required rounds took: they are slower on a slower machine too. Seventy-eighth round, a machine
 * with a fresh page of memory at ~14 µs to touch: the required rounds ~136 s, the rest ~145 s,
 * and with a fixed budget the first run took 312 s; ~110 s and ~120 s on the usual machines, where
 * this leaves the budget at 165 s.
 */
const REST_PER_FANOUT = 1.1
/** Sections 4–6 after the browser's: ~35 s. */
const AFTER_BROWSER_S = 40

const log = (line: string) => console.log(line)

function selected(): Set<string> {
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length)
  return new Set(only ? only.split(',') : ['fanout', 'coldopen', 'browser', 'manydocs', 'storage', 'diff', 'extra'])
}

async function main(): Promise<void> {
  const sections = selected()
  const started = Date.now()
  const results: BenchResults = {
    startedAt: new Date().toISOString(),
    machine: { ...machineInfo(), loadAverageBefore: loadAverage() },
    durationsS: {},
    skipped: [],
  }
  const secondsLeft = () => (DEADLINE_MS - (Date.now() - started)) / 1000
  /** `needsS`: for a section of Accord's own figures (not issue 7's), skipped when less time than that is left of the 5 minutes. */
  const section = async <T>(name: string, title: string, run: () => Promise<T> | T, needsS?: number): Promise<T | undefined> => {
    if (!sections.has(name)) return undefined
    log(`\n== ${title}`)
    if (needsS !== undefined && secondsLeft() < needsS) {
      log(`   skipped: ${Math.max(0, secondsLeft()).toFixed(0)} s left of the benchmark's 5 minutes, ~${needsS} s needed (\`--only=${name}\` runs it alone)`)
      results.skipped.push(title)
      return undefined
    }
    const t = Date.now()
    const value = await run()
    results.durationsS[name] = (Date.now() - t) / 1000
    log(`   (${results.durationsS[name].toFixed(0)} s)`)
    return value
  }

  if (sections.has('browser') && process.env.BENCH_SKIP_BUILD !== '1') {
    log('building the client (vite build)…')
    execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' })
  }

  await section('fanout', '1. Server fan-out', async () => {
    // ~7 s per server run, ~8.5 s at N=50 (~110 s for the warm-ups and two rounds, ~26 s for
    // each extra round of N=50); no new run after 165 s, and extra rounds only in what the
    // sections after this one leave of the 5 minutes (REST_PER_FANOUT). Where Chromium is slow,
    // the browser section's own extras give way too (see DEADLINE_MS).
    const fanoutStarted = Date.now()
    const rest = ['coldopen', 'browser', 'manydocs', 'storage', 'diff'].some((name) => sections.has(name)) ? REST_PER_FANOUT : 0
    const budgetMs = (requiredMs: number) => Math.min(FANOUT_BUDGET_MS, Date.now() - fanoutStarted + secondsLeft() * 1000 - rest * requiredMs)
    const options = { matrix: FANOUT_MATRIX, servers: SERVERS, rounds: 2, warmupMs: 1000, windowMs: 4000, workers: 3, budgetMs, log }
    const { runs, failed, summaries } = await runFanoutBenchmark(options)
    results.fanout = { matrix: FANOUT_MATRIX, rounds: options.rounds, windowMs: options.windowMs, workers: options.workers, summaries, runs, failed }
  })
  results.coldOpen = await section('coldopen', '2a. Cold open, Node client', () => runColdOpenBenchmark(SERVERS, log))
  results.browser = await section('browser', '2b/3. Cold open and typing in Chromium', () =>
    // What is left of the 5 minutes once the sections after this one (~40 s) are set aside.
    runBrowserBenchmark(log, () => secondsLeft() - AFTER_BROWSER_S),
  )
  if (results.browser) {
    results.machine.chromium = results.browser.chromium
    results.skipped.push(...results.browser.leftOut)
  }
  results.manyDocs = await section('manydocs', '4. Many documents', () => runManyDocsBenchmark(log))
  results.storage = await section('storage', '5. Storage', () => runStorageBenchmark(log))
  await section('diff', '6. Diff and DOCX export', async () => {
    results.diff = runDiffBenchmark(log)
    results.docx = await runDocxBenchmark(log)
    results.languageVersions = await runLanguageVersionsBenchmark(log)
    results.wordRemarks = await runWordRemarksBenchmark(log)
    results.draftChecks = await runDraftChecksBenchmark(log)
  })
  await section('extra', 'Named versions, exports and imports', async () => {
    log('-- versions')
    const versions = runVersionsBenchmark(log)
    log('-- export')
    results.extra = { versions, export: await runExportBenchmark(log) }
  }, 20)

  results.machine.loadAverageAfter = loadAverage()
  results.durationsS.total = (Date.now() - started) / 1000
  const summary = markdownSummary(results)
  const file = resultsFile(results.startedAt)
  const json = JSON.stringify(results, null, 2)
  fs.writeFileSync(file, json)
  fs.writeFileSync(path.join(RESULTS_DIR, 'latest.json'), json)
  fs.writeFileSync(path.join(RESULTS_DIR, 'summary.md'), summary + '\n')
  log(`\n${summary}\n`)
  log(`Total ${results.durationsS.total.toFixed(0)} s. Results: ${path.relative(ROOT, file)}, summary: bench/results/summary.md`)
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err)
    process.exit(1)
  },
)
