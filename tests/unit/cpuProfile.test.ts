import { describe, expect, it } from 'vitest'
import { largest, summarizeProfile, type CpuProfile } from '../../bench/lib/cpuProfile'

const frame = (functionName: string, url = '') => ({ functionName, url, lineNumber: 0, columnNumber: 0 })

/** root → a → b, root → c, root → (idle); one sample a millisecond: b, b, a, (idle), c. */
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame('(root)'), children: [2, 4, 5] },
    { id: 2, callFrame: frame('a', 'http://x/app.js'), children: [3] },
    { id: 3, callFrame: frame('b', 'http://x/lib.js') },
    { id: 4, callFrame: frame('(idle)') },
    { id: 5, callFrame: frame('c', 'http://x/app.js') },
  ],
  startTime: 1_000_000,
  samples: [3, 3, 2, 4, 5],
  timeDeltas: [0, 1000, 1000, 1000, 1000],
}
const label = ({ functionName, url }: { functionName: string; url: string }) => ({ file: url ? url.split('/').pop()! : functionName, name: url ? functionName : '' })

describe('CPU profile summary', () => {
  it('counts self time by file and function, and each function once per sample inclusively, idle left out', () => {
    const s = summarizeProfile(profile, label)
    expect(s.busyMs).toBe(4)
    expect(Object.fromEntries(s.selfByFile)).toEqual({ 'lib.js': 2, 'app.js': 2 })
    expect(Object.fromEntries(s.selfByFunction)).toEqual({ 'lib.js:b': 2, 'app.js:a': 1, 'app.js:c': 1 })
    expect(Object.fromEntries(s.inclusive)).toEqual({ '(root)': 4, 'app.js:a': 3, 'lib.js:b': 2, 'app.js:c': 1 })
    expect(largest(s.inclusive, 2)).toEqual([['(root)', 4], ['app.js:a', 3]])
  })

  it('keeps only the samples under a function, or within a time window', () => {
    expect(summarizeProfile(profile, label, { under: /:b$/ }).busyMs).toBe(2)
    const late = summarizeProfile(profile, label, { fromMs: 1.5 })
    expect(late.busyMs).toBe(2)
    expect(Object.fromEntries(late.selfByFunction)).toEqual({ 'app.js:a': 1, 'app.js:c': 1 })
  })
})
