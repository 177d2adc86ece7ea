/**
 * Counts failures per key (an account, an address) in a sliding window, in memory. A key with
 * `limit` failures in the window is blocked until the oldest of them leaves it.
 */
export class Throttle {
  private readonly failures = new Map<string, number[]>()

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    /** Keys kept at most; beyond it, stale keys are swept (and the oldest dropped). */
    private readonly maxKeys = 100_000,
  ) {}

  /** Seconds until `key` may try again, or 0 if it may now. */
  retryAfter(key: string, now = Date.now()): number {
    const times = this.recent(key, now)
    if (times.length < this.limit) return 0
    return Math.max(1, Math.ceil((times[times.length - this.limit] + this.windowMs - now) / 1000))
  }

  fail(key: string, now = Date.now()): void {
    const times = this.recent(key, now)
    times.push(now)
    // Only the last `limit` failures matter for blocking.
    if (times.length > this.limit) times.splice(0, times.length - this.limit)
    this.failures.set(key, times)
    if (this.failures.size > this.maxKeys) this.sweep(now)
  }

  reset(key: string): void {
    this.failures.delete(key)
  }

  private recent(key: string, now: number): number[] {
    const times = this.failures.get(key)
    if (!times) return []
    const fresh = times.filter((t) => now - t < this.windowMs)
    if (fresh.length === 0) this.failures.delete(key)
    return fresh
  }

  private sweep(now: number): void {
    for (const key of [...this.failures.keys()]) this.recent(key, now)
    // Still too many: forget the oldest entries (Map keeps insertion order).
    for (const key of this.failures.keys()) {
      if (this.failures.size <= this.maxKeys) break
      this.failures.delete(key)
    }
  }
}
