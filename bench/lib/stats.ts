/** Small statistics helpers shared by the benchmark sections. */

export interface Distribution {
  count: number
  p50: number
  p95: number
  p99: number
  max: number
}

/** Nearest-rank percentile of an ascending array (p in 0..100). */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]
}

export const mean = (values: readonly number[]): number => values.reduce((sum, v) => sum + v, 0) / values.length

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  if (sorted.length === 0) return NaN
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/** Median time of `runs` runs of `run` (sync or async), after one unmeasured run (JIT, lazy imports). */
export async function medianTime(run: () => unknown, runs: number): Promise<number> {
  await run()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    await run()
    times.push(performance.now() - start)
  }
  return median(times)
}

/** A latency to a tenth of a millisecond, as the results keep each key's. */
export const tenths = (ms: number) => Math.round(ms * 10) / 10

export function distribution(samples: Float64Array | number[]): Distribution {
  const sorted = Float64Array.from(samples).sort()
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1] : NaN,
  }
}

/** Concatenates sample arrays (from several workers or rounds). */
export function concatSamples(parts: readonly (Float64Array | number[])[]): Float64Array {
  const out = new Float64Array(parts.reduce((n, p) => n + p.length, 0))
  let offset = 0
  for (const p of parts) {
    out.set(p, offset)
    offset += p.length
  }
  return out
}

/** A monotonic clock in milliseconds, shared by every process on the machine (CLOCK_MONOTONIC). */
export function monotonicMs(): number {
  return Number(process.hrtime.bigint() / 1000n) / 1000
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** Whether `promise` resolves within `ms`; its rejection within them is thrown, one after them dropped. */
export async function resolvesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined
  promise.catch(() => {})
  try {
    return await Promise.race([promise.then(() => true), new Promise<false>((resolve) => (timer = setTimeout(resolve, ms, false)))])
  } finally {
    clearTimeout(timer)
  }
}

/** Polls `check` until it returns true or `timeoutMs` passes; returns whether it became true. */
export async function until(check: () => boolean, timeoutMs: number, intervalMs = 20): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) return false
    await sleep(intervalMs)
  }
  return true
}

export const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '–')
export const mb = (bytes: number) => bytes / (1024 * 1024)
