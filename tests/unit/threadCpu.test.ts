import { describe, expect, it } from 'vitest'
import { processCpuSeconds, processKind, summarizeCores, threadCpuBetween, type ThreadSnapshot } from '../../bench/lib/threadCpu'

describe('who used the cores (bench/lib/threadCpu)', () => {
  it('names processes: Chromium by --type (its children rewrite their command line with spaces), Node.js by script, not by loader', () => {
    expect(processKind('/usr/lib/chromium/chromium\0--headless\0--no-sandbox\0')).toBe('chromium browser')
    expect(processKind('/usr/lib/chromium/chromium --type=renderer --lang=en-US')).toBe('chromium renderer')
    expect(processKind('/usr/lib/chromium/chromium --type=utility --utility-sub-type=network.mojom.NetworkService')).toBe('chromium utility NetworkService')
    expect(processKind('node\0--require\0/p/preflight.cjs\0--import\0file:///p/loader.mjs\0bench/run.ts\0--only=browser\0')).toBe('node run.ts')
  })

  it('counts what each thread group used and the fresh pages it touched between two snapshots; a thread started meanwhile counts from zero', () => {
    const before: ThreadSnapshot = new Map([
      ['1/1', { group: 'chromium renderer / chromium', cpuNs: 1e9, waitNs: 5e8, faults: 100 }],
      ['2/2', { group: 'node child.ts / node', cpuNs: 2e9, waitNs: 0, faults: 50 }],
    ])
    const after: ThreadSnapshot = new Map([
      ['1/1', { group: 'chromium renderer / chromium', cpuNs: 3e9, waitNs: 1.5e9, faults: 160 }],
      ['1/7', { group: 'chromium renderer / Compositor', cpuNs: 4e8, waitNs: 1e8, faults: 9 }],
      ['2/2', { group: 'node child.ts / node', cpuNs: 2e9, waitNs: 0, faults: 50 }], // idle throughout: left out
    ])
    const used = threadCpuBetween(before, after)
    expect(used).toEqual([
      { group: 'chromium renderer / chromium', cpuMs: 2000, waitMs: 1000, faults: 60 },
      { group: 'chromium renderer / Compositor', cpuMs: 400, waitMs: 100, faults: 9 },
    ])
    expect(summarizeCores([...used, { group: 'node child.ts / node', cpuMs: 300, waitMs: 0, faults: 7 }])).toEqual({
      pageThread: { cpuMs: 2000, waitMs: 1000, faults: 60 },
      chromiumOtherCpuMs: 400,
      chromiumOtherFaults: 9,
      nodeCpuMs: 300,
      otherCpuMs: 0,
    })
  })

  it("reads a process's CPU as the process itself counts it (all its threads); null once it is gone", () => {
    const before = processCpuSeconds(process.pid)!
    const usage = process.cpuUsage()
    let x = 0
    for (let i = 0; i < 6e7; i++) x += i % 7
    const used = process.cpuUsage(usage)
    const after = processCpuSeconds(process.pid)!
    expect(x).toBeGreaterThan(0)
    const own = (used.user + used.system) / 1e6
    expect(own).toBeGreaterThan(0.03)
    // The kernel brings a running thread's figure up to date at its next tick (up to 4 ms late at
    // either end); other threads of this process (V8's, libuv's) may run meanwhile: a little more.
    expect(after - before).toBeGreaterThan(own - 0.01)
    expect(after - before).toBeLessThan(own + 0.05)
    expect(processCpuSeconds(2 ** 22 + 1)).toBeNull()
  })
})
