/**
 * Who used the machine's cores while something ran: CPU time and time spent runnable but
 * waiting for a core, per thread of every process, from /proc (schedstat), grouped by process
 * kind (Chromium's browser, renderer, GPU and network processes; Node.js processes by script)
 * and thread name. On a 2-core machine a keystroke's latency depends on who else wanted a core
 * at that moment; this says who.
 */
import fs from 'node:fs'
import path from 'node:path'

interface ThreadSample {
  group: string
  cpuNs: number
  waitNs: number
  /** Minor page faults so far: fresh memory touched (10–16 µs each on the machines of the thirty-second and thirty-third rounds). */
  faults: number
}

export type ThreadSnapshot = Map<string, ThreadSample>

export interface ThreadCpu {
  /** "process kind / thread name" */
  group: string
  cpuMs: number
  /** Runnable, waiting for a core. */
  waitMs: number
  faults: number
}

function read(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8')
  } catch {
    return null // the process or thread ended meanwhile
  }
}

/**
 * What kind of process this is, from its command line (NUL-separated; Chromium's child processes
 * rewrite theirs into one space-separated string).
 */
export function processKind(raw: string): string {
  const cmdline = raw.split(/[\0 ]/).filter(Boolean)
  const exe = path.basename(cmdline[0] ?? '')
  if (exe.includes('chrom')) {
    const type = cmdline.find((a) => a.startsWith('--type='))?.slice('--type='.length)
    if (!type) return 'chromium browser'
    if (type === 'utility') {
      const sub = cmdline.find((a) => a.startsWith('--utility-sub-type='))?.split('.').at(-1)
      return `chromium utility ${sub ?? ''}`.trim()
    }
    return `chromium ${type}`
  }
  if (exe.startsWith('node')) {
    // The last script named, not a loader given to --import or --require (tsx's).
    for (let i = cmdline.length - 1; i > 0; i--) {
      if (/\.(m?[jt]s)$/.test(cmdline[i]) && !/^--(import|require)$/.test(cmdline[i - 1])) return `node ${path.basename(cmdline[i])}`
    }
    return 'node'
  }
  return exe || 'unknown'
}

/** CPU and run-queue wait of one thread so far, in nanoseconds, or null if it is gone. */
function threadTimes(pid: string, tid: string): { cpuNs: number; waitNs: number } | null {
  const schedstat = read(`/proc/${pid}/task/${tid}/schedstat`)
  if (!schedstat) return null
  const [cpuNs, waitNs] = schedstat.trim().split(/\s+/).map(Number)
  return { cpuNs, waitNs }
}

/**
 * A /proc `stat` line: the name (in parentheses; it may hold spaces) and the fields after it,
 * from the state on (`fields[7]` minor faults, `[11]` user and `[12]` system ticks).
 */
export function parseStat(stat: string): { name: string; fields: string[] } {
  const close = stat.lastIndexOf(')')
  return { name: stat.slice(stat.indexOf('(') + 1, close), fields: stat.slice(close + 2).split(' ') }
}

/**
 * CPU-seconds run so far by the threads `pid` has now, or null if it is gone: to the nanosecond,
 * where /proc/<pid>/stat counts 10 ms ticks (±4% of the ~0.25 CPU-s a server spends in an N=50
 * fan-out window). A thread that ended is not counted: a server's live as long as it does.
 */
export function processCpuSeconds(pid: number): number | null {
  let tids: string[]
  try {
    tids = fs.readdirSync(`/proc/${pid}/task`)
  } catch {
    return null
  }
  return tids.reduce((ns, tid) => ns + (threadTimes(String(pid), tid)?.cpuNs ?? 0), 0) / 1e9
}

/** Every thread of every process now: CPU and run-queue wait so far. */
export function snapshotThreads(): ThreadSnapshot {
  const snapshot: ThreadSnapshot = new Map()
  for (const pid of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue
    const cmdline = read(`/proc/${pid}/cmdline`)
    if (!cmdline) continue // kernel thread or gone
    const kind = processKind(cmdline)
    let tids: string[]
    try {
      tids = fs.readdirSync(`/proc/${pid}/task`)
    } catch {
      continue
    }
    for (const tid of tids) {
      const times = threadTimes(pid, tid)
      const stat = read(`/proc/${pid}/task/${tid}/stat`)
      if (!times || !stat) continue
      const { name, fields } = parseStat(stat)
      // Pool threads are numbered: count them together.
      snapshot.set(`${pid}/${tid}`, { group: `${kind} / ${name.replace(/\d+$/, '')}`, ...times, faults: Number(fields[7]) })
    }
  }
  return snapshot
}

/** CPU and wait between two snapshots, per group, busiest first (threads started meanwhile count from zero). */
export function threadCpuBetween(before: ThreadSnapshot, after: ThreadSnapshot): ThreadCpu[] {
  const groups = new Map<string, ThreadCpu>()
  for (const [key, now] of after) {
    const then = before.get(key)
    const cpuMs = (now.cpuNs - (then?.cpuNs ?? 0)) / 1e6
    const waitMs = (now.waitNs - (then?.waitNs ?? 0)) / 1e6
    if (cpuMs <= 0 && waitMs <= 0) continue
    const group = groups.get(now.group) ?? { group: now.group, cpuMs: 0, waitMs: 0, faults: 0 }
    group.cpuMs += cpuMs
    group.waitMs += waitMs
    group.faults += now.faults - (then?.faults ?? 0)
    groups.set(now.group, group)
  }
  return [...groups.values()].sort((a, b) => b.cpuMs - a.cpuMs)
}

export interface CoresSummary {
  /** The renderers' main threads (the page's JavaScript, style, layout, paint). */
  pageThread: { cpuMs: number; waitMs: number; faults: number }
  /** Every other Chromium thread: compositors, raster, V8's compilers, the browser, GPU and network processes. */
  chromiumOtherCpuMs: number
  chromiumOtherFaults: number
  /** Node.js processes: the server, the remote writers, the harness. */
  nodeCpuMs: number
  otherCpuMs: number
}

/** Chromium renderers' main threads are named for the executable ("chromium"); Node.js's main thread "node". */
export function summarizeCores(threads: readonly ThreadCpu[]): CoresSummary {
  const summary: CoresSummary = { pageThread: { cpuMs: 0, waitMs: 0, faults: 0 }, chromiumOtherCpuMs: 0, chromiumOtherFaults: 0, nodeCpuMs: 0, otherCpuMs: 0 }
  for (const t of threads) {
    if (t.group === 'chromium renderer / chromium') {
      summary.pageThread.cpuMs += t.cpuMs
      summary.pageThread.waitMs += t.waitMs
      summary.pageThread.faults += t.faults
    } else if (t.group.startsWith('chromium')) {
      summary.chromiumOtherCpuMs += t.cpuMs
      summary.chromiumOtherFaults += t.faults
    } else if (t.group.startsWith('node')) summary.nodeCpuMs += t.cpuMs
    else summary.otherCpuMs += t.cpuMs
  }
  return summary
}

/** One sentence for the log and the summary. */
export function describeCores({ durationMs, summary: s }: { durationMs: number; summary: CoresSummary }): string {
  const sec = (ms: number) => (ms / 1000).toFixed(1)
  return `in ${sec(durationMs)} s the page's main thread ran ${sec(s.pageThread.cpuMs)} s and waited ${sec(s.pageThread.waitMs)} s for a core; ` +
    `Chromium's other threads ran ${sec(s.chromiumOtherCpuMs)} s, the Node.js processes (server, remote writers, harness) ${sec(s.nodeCpuMs)} s; ` +
    `page faults: the page's main thread ${s.pageThread.faults.toLocaleString('en')}, Chromium's other threads ${s.chromiumOtherFaults.toLocaleString('en')}`
}
