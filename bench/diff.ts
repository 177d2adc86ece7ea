/**
 * Benchmark of the version comparison: two versions of a generated 300-article law
 * (~600 KB of text). Median of 20 runs per scenario; target: well under 100 ms.
 * Run alone with `npx tsx bench/diff.ts`, or call `runDiffBenchmark()` from bench/run.ts.
 */
import { pathToFileURL } from 'node:url'
import { compareDocuments, comparativeTable } from '../shared/diff'
import { generateLaw } from '../shared/diff/testing/generateLaw'
import { editLaw } from '../shared/diff/testing/editLaw'
import { textOf } from '../shared/diff/flatten'
import type { Language } from '../shared/language'
import type { DocJSON } from '../shared/schema'

const RUNS = 20

export interface DiffBenchResult {
  language: Language
  scenario: string
  medianMs: number
  runs: number
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

export function time(run: () => void, runs: number): number {
  run() // warm-up: JIT and regex compilation
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    run()
    samples.push(performance.now() - start)
  }
  return median(samples)
}

export function runDiffBenchmark(log: (line: string) => void = () => {}): DiffBenchResult[] {
  const results: DiffBenchResult[] = []
  for (const language of ['en', 'ru'] as const satisfies readonly Language[]) {
    const before = generateLaw({ language })
    const identical = structuredClone(before)
    const edited = editLaw(before, { language })
    const rewritten = editLaw(before, { language, editShare: 1, seed: 3 })
    // Every id replaced (as if the text were re-imported): 300 added + 300 deleted articles to trace.
    const reissued = JSON.parse(JSON.stringify(before).replace(/"g1-/g, '"re-')) as DocJSON
    log(`${language}: ${textOf(before).length.toLocaleString('en')} characters of text; ` +
      `edited version: ${JSON.stringify(compareDocuments(before, edited, language).summary.articles)}`)
    const scenarios: [string, () => void, number][] = [
      ['identical', () => compareDocuments(before, identical, language), RUNS],
      ['5% edited + 1 inserted + 1 moved', () => compareDocuments(before, edited, language), RUNS],
      ['same + comparative table', () => comparativeTable(compareDocuments(before, edited, language)), RUNS],
      ['every article edited + table', () => comparativeTable(compareDocuments(before, rewritten, language)), RUNS],
      ['every id new (worst case)', () => compareDocuments(before, reissued, language), 5],
    ]
    for (const [scenario, run, runs] of scenarios) {
      const medianMs = time(run, runs)
      results.push({ language, scenario, medianMs, runs })
      log(`  ${scenario.padEnd(34)} median ${medianMs.toFixed(1)} ms (${runs} runs)`)
    }
  }
  return results
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) runDiffBenchmark(console.log)
