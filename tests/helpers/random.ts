/**
 * A small seeded PRNG (mulberry32) for randomized tests: every run prints its seed, and
 * `SEED=<n>` (or the test's own variable) replays it exactly.
 */
export interface Rng {
  readonly seed: number
  /** [0, 1) */
  next(): number
  /** An integer in [0, n). */
  int(n: number): number
  /** An integer in [min, max]. */
  between(min: number, max: number): number
  chance(p: number): boolean
  pick<T>(items: readonly T[]): T
  bytes(n: number): Uint8Array
}

export function createRng(seed: number): Rng {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (n: number) => Math.floor(next() * n)
  return {
    seed,
    next,
    int,
    between: (min, max) => min + int(max - min + 1),
    chance: (p) => next() < p,
    pick: (items) => items[int(items.length)],
    bytes: (n) => {
      const out = new Uint8Array(n)
      for (let i = 0; i < n; i++) out[i] = int(256)
      return out
    },
  }
}

/** The seed to use: from the environment variable `name` when set (to replay a failure), else a fresh one. */
export function seedFrom(name: string): number {
  const raw = process.env[name]
  if (raw !== undefined && raw.trim() !== '') {
    const seed = Number(raw)
    if (!Number.isInteger(seed)) throw new Error(`${name} must be an integer, got "${raw}"`)
    return seed >>> 0
  }
  return (Math.random() * 2 ** 32) >>> 0
}
