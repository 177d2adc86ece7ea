/**
 * A quicker loop for typing latency than `npm run bench`: K runs of the benchmark's 60 Hz typing
 * run (200 keys, five remote writers) on the 300-article law, each on a fresh page, and the keys
 * of all runs pooled. One run's p95 moves by a millisecond or two from run to run; to compare two
 * client builds, alternate them (STATIC_DIR serves another build):
 *
 *   npx tsx bench/typingRuns.ts [runs=3]      REVIEW=1: with an open thread on every article
 *                                             UNTHROTTLED=1: frames not tied to 60 Hz, keys back to back
 *                                             STRUCTURAL=1: the benchmark's structural edits instead (40 keys, Enter and
 *                                               Backspace in turn, frames not tied to 60 Hz)
 *                                             BENCH_ARTICLES=<n>: a law of n articles
 *                                             NO_WRITERS=1: nobody else writing
 *                                             BENCH_USER_CLAUSE=<n>: type in clause n (4 by default, article 3)
 *                                             TRACE=<file>: the first run's Chromium trace to <file>
 *                                             PROFILE=<file>: the first run's CPU profile of the page to <file>
 *                                             THREADS=1: every run's busiest threads, by process kind
 *                                             TRACE_CATS=<a,b,…>: the trace's categories instead of mainThread.ts's
 *   STATIC_DIR=<dir> npx tsx bench/typingRuns.ts
 *
 * Prints each run and the pool; the keys' latencies (ms, in the order typed) go to
 * bench/results/typing-<time>.json.
 */
import fs from 'node:fs'
import { launchBenchBrowser } from './lib/devtoolsKeys'
import { benchArticles } from './lib/law'
import { startWorkers } from './lib/workers'
import { startServer } from './servers/target'
import { addReviewThreads } from './lib/reviewThreads'
import { tenths } from './lib/stats'
import { describeKeys } from './lib/keyLatency'
import { resultsFile } from './lib/results'
import { describeCores, summarizeCores } from './lib/threadCpu'
import { BACK_TO_BACK, openedLaw, startRemoteWriters, structuralRun, typing, TYPED_KEYS, TYPIST, UNTHROTTLED_SWITCHES } from './browser'

const runs = Number(process.argv[2] ?? 3)
const underReview = process.env.REVIEW === '1'
const structural = process.env.STRUCTURAL === '1'
// The structural edits are measured with frames not tied to 60 Hz, as in `npm run bench`.
const unthrottled = process.env.UNTHROTTLED === '1' || structural
const articles = benchArticles()

const target = await startServer('accord')
const browser = await launchBenchBrowser(unthrottled ? UNTHROTTLED_SWITCHES : [])
const [worker] = startWorkers(1)
try {
  const { baseUrl, admin, spec, loader, docUrl, json } = await openedLaw(target, articles)
  if (underReview) await addReviewThreads(admin, spec.doc, loader.ydoc)
  if (process.env.NO_WRITERS !== '1') await startRemoteWriters(worker, spec, json)
  const samples: number[][] = []
  for (let i = 0; i < runs; i++) {
    const recording = { traceTo: i === 0 ? process.env.TRACE : undefined, traceCategories: process.env.TRACE_CATS?.split(','), profileTo: i === 0 ? process.env.PROFILE : undefined }
    const { latencyMs, cores } = structural
      ? { latencyMs: await structuralRun(browser, baseUrl, docUrl, admin.cookie, recording), cores: undefined }
      : await typing(browser, baseUrl, docUrl, admin.cookie, { ...recording, pace: unthrottled ? BACK_TO_BACK : TYPIST, keys: TYPED_KEYS, trace: false, cores: true })
    samples.push(latencyMs.map(tenths))
    console.log(`run ${i + 1}: ${describeKeys(latencyMs)}`)
    if (!cores) continue // the structural edits: no reading of the cores
    console.log(`  ${describeCores({ durationMs: cores.durationMs, summary: summarizeCores(cores.threads) })}`)
    if (process.env.THREADS === '1') for (const t of cores.threads.slice(0, 20)) console.log(`    ${t.group}: ran ${t.cpuMs.toFixed(0)} ms, waited ${t.waitMs.toFixed(0)} ms`)
  }
  const pooled = samples.flat()
  console.log(`all ${runs} runs, ${articles} articles${underReview ? ', under review' : ''}${unthrottled ? ', frames not tied to 60 Hz' : ''}${structural ? ', structural edits' : ''}: ${describeKeys(pooled)}`)
  fs.writeFileSync(resultsFile(new Date().toISOString(), 'typing-'), JSON.stringify({ staticDir: process.env.STATIC_DIR ?? null, articles, underReview, unthrottled, samplesMs: samples }))
  loader.destroy()
} finally {
  await worker.stop()
  await browser.close()
  await target.stop()
}
