/**
 * Where a V8 CPU profile's time went (a page's, from `PROFILE_DIR` or `BENCH_*_PROF`, or a
 * server's, from `BENCH_CPU_PROF`): self time by file and by function, and inclusive time by
 * function, optionally only within a time window or under a function. Pure: the caller says how
 * a call frame is named (bench/profileSummary.ts names them through the build's source maps).
 */

export interface CallFrame {
  functionName: string
  url: string
  lineNumber: number
  columnNumber: number
}

export interface ProfileNode {
  id: number
  callFrame: CallFrame
  children?: number[]
}

/** The `.cpuprofile` format (Chrome DevTools' and Node's `--cpu-prof`). */
export interface CpuProfile {
  nodes: ProfileNode[]
  startTime: number
  samples: number[]
  timeDeltas: number[]
}

/** A call frame's file and function (shown as `file:function`, or the file alone for a nameless one); self time is also grouped by file. */
export type Labeller = (frame: CallFrame) => { file: string; name: string }

export interface SummaryOptions {
  /** Only samples from this many ms after the profile's start… */
  fromMs?: number
  /** …up to this many. */
  toMs?: number
  /** Only samples with a frame whose label matches this on their stack. */
  under?: RegExp
}

export interface ProfileSummary {
  /** Sampled time spent running (V8's idle and "program" samples left out), ms. */
  busyMs: number
  selfByFile: Map<string, number>
  selfByFunction: Map<string, number>
  /** Each function counted once per sample however often it is on the stack. */
  inclusive: Map<string, number>
}

const NOT_RUNNING = new Set(['(idle)', '(program)'])

function add(map: Map<string, number>, key: string, ms: number): void {
  map.set(key, (map.get(key) ?? 0) + ms)
}

export function summarizeProfile(profile: CpuProfile, label: Labeller, options: SummaryOptions = {}): ProfileSummary {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id)
  const labels = new Map<number, { file: string; name: string; full: string }>()
  const labelOf = (id: number) => {
    let known = labels.get(id)
    if (!known) {
      const { file, name } = label(nodes.get(id)!.callFrame)
      labels.set(id, (known = { file, name, full: name ? `${file}:${name}` : file }))
    }
    return known
  }
  // Many samples share a node: its stack's distinct names, and whether it is `under`, once per node.
  const stacks = new Map<number, { names: string[]; under: boolean }>()
  const stackOf = (id: number) => {
    let known = stacks.get(id)
    if (!known) {
      const names = new Set<string>()
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) names.add(labelOf(at).full)
      const all = [...names]
      stacks.set(id, (known = { names: all, under: !options.under || all.some((name) => options.under!.test(name)) }))
    }
    return known
  }
  const summary: ProfileSummary = { busyMs: 0, selfByFile: new Map(), selfByFunction: new Map(), inclusive: new Map() }
  let t = profile.startTime
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i]
    const sinceStartMs = (t - profile.startTime) / 1000
    if (sinceStartMs < (options.fromMs ?? -Infinity) || sinceStartMs > (options.toMs ?? Infinity)) continue
    const id = profile.samples[i]
    if (NOT_RUNNING.has(nodes.get(id)!.callFrame.functionName)) continue
    const stack = stackOf(id)
    if (!stack.under) continue
    // A sample stands for the time until the next one.
    const ms = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i]) / 1000
    summary.busyMs += ms
    const own = labelOf(id)
    add(summary.selfByFile, own.file, ms)
    add(summary.selfByFunction, own.full, ms)
    for (const name of stack.names) add(summary.inclusive, name, ms)
  }
  return summary
}

/** The `count` largest entries, largest first. */
export function largest(map: Map<string, number>, count: number): [string, number][] {
  return [...map].sort((a, b) => b[1] - a[1]).slice(0, count)
}
