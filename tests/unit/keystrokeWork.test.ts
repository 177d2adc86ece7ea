import { describe, expect, it } from 'vitest'
import { keystrokeWork } from '../../bench/lib/mainThread'

const MARK = 'painted'
const page = { pid: 1, tid: 1 }
const task = (ts: number, dur: number, tdur: number) => ({ ...page, name: 'RunTask', ph: 'X', ts, dur, tdur })

/** One keystroke: its task at 0 µs, its frame (with a commit) at 12 ms, painted at 20 ms. */
function trace(keydownTask: { dur: number; tdur: number }, commit: { dur: number; tdur: number }) {
  return {
    traceEvents: [
      task(0, keydownTask.dur, keydownTask.tdur),
      { ...page, name: 'EventDispatch', ph: 'X', ts: 100, dur: 500, tdur: 500, args: { data: { type: 'keydown' } } },
      task(12_000, 6_000, 6_000 - (commit.dur - commit.tdur)),
      { ...page, name: 'FireAnimationFrame', ph: 'X', ts: 12_100, dur: 1_000, tdur: 1_000 },
      { ...page, name: 'Commit', ph: 'X', ts: 15_000, dur: commit.dur, tdur: commit.tdur },
      { ...page, name: MARK, ph: 'R', ts: 20_000 },
    ],
  }
}

describe('main-thread work per keystroke, from a Chromium trace', () => {
  it('splits out the time the page thread was in a task but not running, the commit\'s wait for the compositor aside', () => {
    const [work] = keystrokeWork(trace({ dur: 10_000, tdur: 4_000 }, { dur: 2_000, tdur: 500 }), MARK)
    expect(work).toEqual({ inputMs: 10, frameMs: 6, afterFrameMs: 2, busyMs: 16, offCpuMs: 6 })
  })

  it('counts none when the thread ran throughout', () => {
    const [work] = keystrokeWork(trace({ dur: 5_000, tdur: 5_000 }, { dur: 2_000, tdur: 2_000 }), MARK)
    expect(work.offCpuMs).toBe(0)
    expect(work.busyMs).toBe(11)
  })
})
