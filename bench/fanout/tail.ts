/**
 * What makes a fan-out run's p99. At N=50 a round has ~250 edits of 49 deliveries each, so the
 * slowest 1% of deliveries are two or three edits' worth: the p99 is whichever handful of edits
 * was slowest. An edit whose every recipient got it late was held up before the fan-out (in the
 * writer's process or in the server); one late at a few recipients only, in a load generator.
 */
import { percentile } from '../lib/stats'

/** One delivery's edit as a number: writer × EDIT_STRIDE + seq (exact in a Float64Array). */
const EDIT_STRIDE = 1_000_000

export const editKey = (writerId: number, seq: number): number => writerId * EDIT_STRIDE + seq

export const writerOf = (key: number): number => Math.floor(key / EDIT_STRIDE)

export interface TailAnatomy {
  /** Edits with at least one delivery at or over the p99. */
  edits: number
  /** Of those, edits whose fastest recipient too was over the run's p95: late before the fan-out. */
  lateEverywhere: number
  /** Their writer:seq and fastest/slowest delivery, slowest first (at most five). */
  worst: { edit: string; fastestMs: number; slowestMs: number }[]
  /** Over every edit: its fastest delivery (the writer's send to the server's first recipient), p50 and p99. */
  fastest: { p50: number; p99: number }
  /** Over every edit: its slowest delivery less its fastest (the fan-out's own spread), p50 and p99. */
  spread: { p50: number; p99: number }
}

function p50p99(values: number[]): { p50: number; p99: number } {
  const sorted = Float64Array.from(values).sort()
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99) }
}

/** `latencies[i]` is the delivery of edit `edits[i]`; `p95` and `p99` those of all of them. */
export function tailAnatomy(latencies: Float64Array, edits: Float64Array, p95: number, p99: number): TailAnatomy {
  const range = new Map<number, { fastest: number; slowest: number }>()
  for (let i = 0; i < latencies.length; i++) {
    const r = range.get(edits[i])
    if (!r) range.set(edits[i], { fastest: latencies[i], slowest: latencies[i] })
    else {
      r.fastest = Math.min(r.fastest, latencies[i])
      r.slowest = Math.max(r.slowest, latencies[i])
    }
  }
  const tail = [...range].filter(([, r]) => r.slowest >= p99).sort((a, b) => b[1].slowest - a[1].slowest)
  return {
    edits: tail.length,
    lateEverywhere: tail.filter(([, r]) => r.fastest > p95).length,
    worst: tail.slice(0, 5).map(([key, r]) => ({
      edit: `${writerOf(key)}:${key % EDIT_STRIDE}`,
      fastestMs: r.fastest,
      slowestMs: r.slowest,
    })),
    fastest: p50p99([...range.values()].map((r) => r.fastest)),
    spread: p50p99([...range.values()].map((r) => r.slowest - r.fastest)),
  }
}
