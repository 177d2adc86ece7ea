import { distribution } from './stats'

/** The target for typing p95: a key at or over it missed its frame. */
const FRAME_MS = 16

/** A run's keystroke latencies in a line: p50, p95, max and how many keys missed their frame. */
export function describeKeys(samples: number[]): string {
  const d = distribution(samples)
  return `p50 ${d.p50.toFixed(1)} ms, p95 ${d.p95.toFixed(1)} ms, max ${d.max.toFixed(0)} ms, ${samples.filter((ms) => ms >= FRAME_MS).length} of ${samples.length} keys at ${FRAME_MS} ms or over`
}
