import { describe, expect, it } from 'vitest'
import { processKind, summarizeCores, threadCpuBetween, type ThreadSnapshot } from '../../bench/lib/threadCpu'

describe('who used the cores (bench/lib/threadCpu)', () => {
  it('names processes: Chromium by --type (its children rewrite their command line with spaces), Node.js by script, not by loader', () => {
    expect(processKind('/usr/lib/chromium/chromium\0--headless\0--no-sandbox\0')).toBe('chromium browser')
    expect(processKind('/usr/lib/chromium/chromium --type=renderer --lang=en-US')).toBe('chromium renderer')
    expect(processKind('/usr/lib/chromium/chromium --type=utility --utility-sub-type=network.mojom.NetworkService')).toBe('chromium utility NetworkService')
    expect(processKind('node\0--require\0/p/preflight.cjs\0--import\0file:///p/loader.mjs\0bench/run.ts\0--only=browser\0')).toBe('node run.ts')
  })

  it('counts what each thread group used between two snapshots; a thread started meanwhile counts from zero', () => {
    const before: ThreadSnapshot = new Map([
      ['1/1', { group: 'chromium renderer / chromium', cpuNs: 1e9, waitNs: 5e8 }],
      ['2/2', { group: 'node child.ts / node', cpuNs: 2e9, waitNs: 0 }],
    ])
    const after: ThreadSnapshot = new Map([
      ['1/1', { group: 'chromium renderer / chromium', cpuNs: 3e9, waitNs: 1.5e9 }],
      ['1/7', { group: 'chromium renderer / Compositor', cpuNs: 4e8, waitNs: 1e8 }],
      ['2/2', { group: 'node child.ts / node', cpuNs: 2e9, waitNs: 0 }], // idle throughout: left out
    ])
    const used = threadCpuBetween(before, after)
    expect(used).toEqual([
      { group: 'chromium renderer / chromium', cpuMs: 2000, waitMs: 1000 },
      { group: 'chromium renderer / Compositor', cpuMs: 400, waitMs: 100 },
    ])
    expect(summarizeCores([...used, { group: 'node child.ts / node', cpuMs: 300, waitMs: 0 }])).toEqual({
      pageThread: { cpuMs: 2000, waitMs: 1000 },
      chromiumOtherCpuMs: 400,
      nodeCpuMs: 300,
      otherCpuMs: 0,
    })
  })
})
