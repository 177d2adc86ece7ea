import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { ACTIVITY_REFRESH_DELAY_MS, ACTIVITY_REFRESH_EVERY_MS, refreshAfterRemoteChanges } from '../../client/editor/activityRefresh'

/** The activity panel's refetching after co-authors' changes: throttled, and never for one's own keystrokes. */
describe('refreshAfterRemoteChanges', () => {
  const remote = { provider: true }
  let ydoc: Y.Doc
  let refresh: ReturnType<typeof vi.fn<() => void>>
  let stop: () => void
  const edit = (origin: unknown) => ydoc.transact(() => ydoc.getText('t').insert(0, 'x'), origin)

  beforeEach(() => {
    vi.useFakeTimers()
    ydoc = new Y.Doc()
    refresh = vi.fn<() => void>()
    stop = refreshAfterRemoteChanges(ydoc, (origin) => origin === remote, refresh)
  })
  afterEach(() => {
    stop()
    ydoc.destroy()
    vi.useRealTimers()
  })

  it('fetches once, a little after a burst of remote changes, and not for local ones', () => {
    for (let i = 0; i < 50; i++) edit(null)
    vi.advanceTimersByTime(60_000)
    expect(refresh).not.toHaveBeenCalled()

    for (let i = 0; i < 20; i++) {
      edit(remote)
      vi.advanceTimersByTime(50)
    }
    expect(refresh).not.toHaveBeenCalled()
    vi.advanceTimersByTime(ACTIVITY_REFRESH_DELAY_MS)
    expect(refresh).toHaveBeenCalledTimes(1)
  })

  it('fetches at most every ACTIVITY_REFRESH_EVERY_MS while co-authors keep typing, the last change always followed', () => {
    edit(remote)
    vi.advanceTimersByTime(ACTIVITY_REFRESH_DELAY_MS)
    expect(refresh).toHaveBeenCalledTimes(1)
    // Typing on for 25 s: two more fetches, not one per change or per delay.
    for (let t = 0; t < 25_000; t += 100) {
      edit(remote)
      vi.advanceTimersByTime(100)
    }
    expect(refresh.mock.calls.length).toBeLessThanOrEqual(1 + Math.ceil(25_000 / ACTIVITY_REFRESH_EVERY_MS))
    const before = refresh.mock.calls.length
    vi.advanceTimersByTime(ACTIVITY_REFRESH_EVERY_MS)
    expect(refresh).toHaveBeenCalledTimes(before + 1)
    vi.advanceTimersByTime(60_000)
    expect(refresh).toHaveBeenCalledTimes(before + 1)
  })

  it('stops listening when the panel closes', () => {
    edit(remote)
    stop()
    vi.advanceTimersByTime(60_000)
    edit(remote)
    vi.advanceTimersByTime(60_000)
    expect(refresh).not.toHaveBeenCalled()
  })
})
