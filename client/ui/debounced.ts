/** A function run once calls pause, with one timer however many calls come (see debounced). */
export interface Debounced {
  /** Notes a call: `fn` runs `waitMs` after the last one, or `maxWaitMs` after the first since it last ran. */
  call(): void
  /** Forgets the pending run, if any. */
  cancel(): void
}

/**
 * Runs `fn` once calls have paused for `waitMs`, and, with `maxWaitMs`, at the latest that long
 * after the first call since it last ran (so a stream of calls that never pauses still gets it).
 * A call only notes its time: the timer is set once and moved on when it fires early, not
 * cleared and set again per call, which a browser charges for on every keystroke and every
 * remote change.
 */
export function debounced(fn: () => void, waitMs: number, maxWaitMs = Infinity): Debounced {
  let timer: ReturnType<typeof setTimeout> | undefined
  let first = 0
  let last = 0
  const fire = () => {
    const now = performance.now()
    const due = Math.min(last + waitMs, first + maxWaitMs)
    if (now < due) {
      timer = setTimeout(fire, due - now)
      return
    }
    timer = undefined
    fn()
  }
  return {
    call() {
      last = performance.now()
      if (timer !== undefined) return
      first = last
      timer = setTimeout(fire, waitMs)
    },
    cancel() {
      clearTimeout(timer)
      timer = undefined
    },
  }
}
