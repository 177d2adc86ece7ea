import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

describe('quietMoments', () => {
  // Module state (when the last edit was shown) starts afresh for each test.
  let quiet: typeof import('../../client/ui/quietMoments')
  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] })
    vi.resetModules()
    quiet = await import('../../client/ui/quietMoments')
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('runs work at once while nobody types', () => {
    const fn = vi.fn()
    expect(quiet.whenQuiet(fn)).toBeNull()
    expect(fn).toHaveBeenCalledTimes(1)
  })

  it('while someone types, runs it at their next painted keystroke, once', () => {
    quiet.editShown()
    const fn = vi.fn()
    expect(quiet.whenQuiet(fn)).not.toBeNull()
    vi.advanceTimersByTime(100)
    expect(fn).not.toHaveBeenCalled()
    quiet.editShown()
    expect(fn).toHaveBeenCalledTimes(1)
    quiet.editShown()
    vi.advanceTimersByTime(quiet.TYPING_MS)
    expect(fn).toHaveBeenCalledTimes(1)
  })

  it('runs what waits once typing has stopped, without another keystroke', () => {
    quiet.editShown()
    const fn = vi.fn()
    quiet.whenQuiet(fn)
    vi.advanceTimersByTime(quiet.TYPING_MS - 1)
    expect(fn).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(fn).toHaveBeenCalledTimes(1)
    // Typing has stopped: the next piece of work runs at once.
    const next = vi.fn()
    quiet.whenQuiet(next)
    expect(next).toHaveBeenCalledTimes(1)
  })

  it('does not run work that was cancelled while it waited', () => {
    quiet.editShown()
    const fn = vi.fn()
    quiet.whenQuiet(fn)!()
    quiet.editShown()
    vi.advanceTimersByTime(quiet.TYPING_MS)
    expect(fn).not.toHaveBeenCalled()
  })
})
