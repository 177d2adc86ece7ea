import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { debounced } from '../../client/ui/debounced'

describe('debounced', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('runs once the calls have paused for the wait, once', () => {
    const fn = vi.fn()
    const later = debounced(fn, 250)
    for (let i = 0; i < 3; i++) {
      later.call()
      vi.advanceTimersByTime(100)
    }
    expect(fn).not.toHaveBeenCalled() // 100 ms after the last call
    vi.advanceTimersByTime(149)
    expect(fn).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(fn).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(1000)
    expect(fn).toHaveBeenCalledTimes(1)
  })

  it('runs at the latest the longest wait after the first call while calls never pause', () => {
    const fn = vi.fn()
    const later = debounced(fn, 250, 1000)
    const runs: number[] = []
    fn.mockImplementation(() => runs.push(performance.now()))
    const start = performance.now()
    for (let t = 0; t < 2500; t += 50) {
      later.call()
      vi.advanceTimersByTime(50)
    }
    expect(runs.map((at) => Math.round(at - start))).toEqual([1000, 2000])
  })

  it('sets one timer for a burst of calls, not one per call', () => {
    const set = vi.spyOn(globalThis, 'setTimeout')
    const later = debounced(() => {}, 250)
    for (let i = 0; i < 20; i++) {
      later.call()
      vi.advanceTimersByTime(10)
    }
    vi.advanceTimersByTime(1000)
    expect(set.mock.calls.length).toBeLessThanOrEqual(2) // the first, and one moved on when it fired early
  })

  it('forgets a pending run when cancelled', () => {
    const fn = vi.fn()
    const later = debounced(fn, 250)
    later.call()
    later.cancel()
    vi.advanceTimersByTime(1000)
    expect(fn).not.toHaveBeenCalled()
    later.call() // and can be called again
    vi.advanceTimersByTime(250)
    expect(fn).toHaveBeenCalledTimes(1)
  })
})
