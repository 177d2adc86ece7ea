/**
 * One asynchronous job run at most once per `intervalMs` and never twice at once: a request
 * while a run is going, or waiting for its interval, is folded into the next run. WalSync's disk
 * syncs and WalCheckpointer's checkpoints are both paced this way.
 */
export class ThrottledJob {
  private running = false
  /** Requested since the current run started: run again once it is done. */
  private again = false
  private lastStart = -Infinity
  private timer: NodeJS.Timeout | null = null

  constructor(
    /**
     * Starts one run and calls `done` when it is over (whatever the outcome); returns false,
     * without calling `done`, when there was nothing to do (that does not count as a run).
     */
    private readonly run: (done: () => void) => boolean,
    private readonly intervalMs: number,
    /** Whether a run waiting for its interval may not keep the process alive. */
    private readonly unref = false,
  ) {}

  /** A run now if none is going and the interval has passed, else as soon as both hold. */
  request(): void {
    this.again = true
    if (this.running || this.timer) return
    const wait = this.lastStart + this.intervalMs - performance.now()
    if (wait > 0) this.wait(wait)
    else this.start()
  }

  /** A run as soon as none is going, interval or not. */
  requestNow(): void {
    this.again = true
    if (this.running) return
    this.cancelWaiting()
    this.start()
  }

  /** Drops a run waiting for its interval (not one going); returns whether there was one. */
  cancelWaiting(): boolean {
    if (!this.timer) return false
    clearTimeout(this.timer)
    this.timer = null
    return true
  }

  private wait(ms: number): void {
    this.timer = setTimeout(() => {
      this.timer = null
      if (!this.running) this.start()
    }, ms)
    if (this.unref) this.timer.unref()
  }

  private start(): void {
    this.again = false
    this.running = true
    const previous = this.lastStart
    this.lastStart = performance.now()
    const started = this.run(() => {
      this.running = false
      if (this.again) this.request()
    })
    if (started) return
    this.running = false
    this.lastStart = previous
  }
}
