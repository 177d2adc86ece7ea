/**
 * Whether garbage collection held up the deliveries that make a fan-out run's p99: a delivery
 * whose way from the writer's send to its arrival overlapped a pause of the server, of the
 * receiving load generator or of the writer's one.
 */
import type { GcPause } from '../lib/gcPauses'
import { writerOf } from './tail'

export interface GcTotals {
  pauses: number
  ms: number
  maxMs: number
  major: number
}

export interface GcInTail {
  /** The server's pauses in the window. */
  server: GcTotals
  /** The load generators' pauses in the window, all of them together. */
  workers: GcTotals
  /** Deliveries at or over the p99, and how many overlapped a pause of each kind of process. */
  deliveries: number
  overServer: number
  overReceiver: number
  overWriter: number
}

export interface WorkerSamples {
  latencies: Float64Array
  sentAt: Float64Array
  /** The edit of each sample (tail.ts's editKey). */
  edits: Float64Array
  pauses: GcPause[]
}

function totals(pauses: GcPause[], from: number, to: number): GcTotals {
  const inside = pauses.filter((p) => p.at + p.ms >= from && p.at < to)
  return {
    pauses: inside.length,
    ms: inside.reduce((s, p) => s + p.ms, 0),
    maxMs: inside.reduce((m, p) => Math.max(m, p.ms), 0),
    major: inside.filter((p) => p.major).length,
  }
}

const overlaps = (pauses: GcPause[], from: number, to: number) => pauses.some((p) => p.at < to && p.at + p.ms > from)

/** `workers[i]` is load generator i's samples; writer w writes from load generator `writerWorker(w)`. */
export function gcInTail(
  workers: WorkerSamples[],
  serverPauses: GcPause[],
  writerWorker: (writerId: number) => number,
  p99: number,
  window: { start: number; end: number },
): GcInTail {
  const result: GcInTail = {
    server: totals(serverPauses, window.start, window.end),
    workers: totals(
      workers.flatMap((w) => w.pauses),
      window.start,
      window.end,
    ),
    deliveries: 0,
    overServer: 0,
    overReceiver: 0,
    overWriter: 0,
  }
  workers.forEach((w, receiver) => {
    for (let i = 0; i < w.latencies.length; i++) {
      if (w.latencies[i] < p99) continue
      const from = w.sentAt[i]
      const to = from + w.latencies[i]
      result.deliveries++
      if (overlaps(serverPauses, from, to)) result.overServer++
      if (overlaps(w.pauses, from, to)) result.overReceiver++
      if (overlaps(workers[writerWorker(writerOf(w.edits[i]))]?.pauses ?? [], from, to)) result.overWriter++
    }
  })
  return result
}
