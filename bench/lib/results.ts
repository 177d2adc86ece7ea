/** Where benchmark results go: bench/results (git-ignored). */
import fs from 'node:fs'
import path from 'node:path'

export const RESULTS_DIR = path.join(import.meta.dirname, '..', 'results')

/** bench/results/<prefix><time>.json for a run started at `startedAt` (ISO time); the directory made if need be. */
export function resultsFile(startedAt: string, prefix = ''): string {
  fs.mkdirSync(RESULTS_DIR, { recursive: true })
  return path.join(RESULTS_DIR, `${prefix}${startedAt.replace(/[:.]/g, '-')}.json`)
}
