/**
 * This process's garbage-collection pauses on CLOCK_MONOTONIC (the clock the fan-out's edits
 * carry), so that a late delivery can be laid next to the collections that ran meanwhile.
 */
import { PerformanceObserver, constants, performance } from 'node:perf_hooks'
import { monotonicMs } from './stats'

export interface GcPause {
  /** Start, ms on CLOCK_MONOTONIC. */
  at: number
  ms: number
  /** A mark-compact (full) collection rather than a scavenge or an incremental step. */
  major: boolean
}

const KEEP = 20_000

/** Starts recording; `since(t)` gives the pauses that ended at or after `t`. */
export function recordGcPauses(): { since(t: number): GcPause[] } {
  // performance.now() is CLOCK_MONOTONIC from the process's time origin.
  const offset = monotonicMs() - performance.now()
  const pauses: GcPause[] = []
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = (entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind
      pauses.push({ at: entry.startTime + offset, ms: entry.duration, major: kind === constants.NODE_PERFORMANCE_GC_MAJOR })
    }
    if (pauses.length > KEEP) pauses.splice(0, pauses.length - KEEP)
  }).observe({ entryTypes: ['gc'] })
  return { since: (t) => pauses.filter((p) => p.at + p.ms >= t) }
}
