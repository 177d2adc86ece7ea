/**
 * Main-thread work per keystroke, from a Chromium trace of the page (categories below): what
 * the editor costs, without the wait for the next frame that a latency figure includes.
 */

export interface KeystrokeWork {
  /** The task that dispatched the keydown: native text insertion, ProseMirror, Yjs, send. */
  inputMs: number
  /** The task of the frame that shows the keystroke: rAF callbacks, style, layout, paint. */
  frameMs: number
  /**
   * From the end of that frame's task to the mark: the latency's last part, in which every task
   * queued before the mark's own (a timer set by the keystroke, the key's release) is counted.
   */
  afterFrameMs: number
  /** Every main-thread task from the keydown's task to the painted frame (remote changes included). */
  busyMs: number
  /**
   * Of busyMs, the time the main thread was inside a task but not running on a CPU (waiting for
   * a core, or blocked), from the trace's thread times; the commit's wait for the compositor
   * thread, part of making the frame, not counted.
   */
  offCpuMs: number
}

export const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing']

interface TraceEvent {
  name: string
  ph: string
  pid: number
  tid: number
  ts: number
  dur?: number
  /** Thread (CPU) time of an 'X' event. */
  tdur?: number
  args?: { name?: string; data?: { type?: string } }
}

interface Task {
  start: number
  end: number
  /** Wall time in it that the thread was not on a CPU, commits' own waits left out (µs). */
  offCpu: number
}

/** The renderer main thread that recorded `mark` (the page's). */
function pageThread(events: TraceEvent[], mark: string): { pid: number; tid: number } {
  const marked = events.find((e) => e.name === mark)
  if (!marked) throw new Error(`trace: no ${mark} mark`)
  return { pid: marked.pid, tid: marked.tid }
}

/** The top-level task around `ts` (tasks are sorted by start). */
function taskAt(tasks: Task[], ts: number): Task | undefined {
  let lo = 0
  let hi = tasks.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (tasks[mid].start <= ts) lo = mid + 1
    else hi = mid - 1
  }
  const task = tasks[hi]
  return task && task.end >= ts ? task : undefined
}

/**
 * One entry per keydown that has a painted mark after it: the keydown's task, the frame task
 * (the last rAF before the mark) and all task time between the keydown's task and the mark.
 */
export function keystrokeWork(trace: { traceEvents: TraceEvent[] }, paintedMark: string): KeystrokeWork[] {
  const events = trace.traceEvents
  const thread = pageThread(events, paintedMark)
  const mine = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid).sort((a, b) => a.ts - b.ts)
  const offCpu = (e: TraceEvent) => Math.max(0, (e.dur ?? 0) - (e.tdur ?? e.dur ?? 0))
  const tasks: Task[] = mine
    .filter((e) => e.name === 'RunTask' && e.ph === 'X')
    .map((e) => ({ start: e.ts, end: e.ts + (e.dur ?? 0), offCpu: offCpu(e) }))
  // A commit's wait for the compositor thread is part of making the frame, not time lost.
  for (const commit of mine) {
    if (commit.name !== 'Commit' || commit.ph !== 'X') continue
    const task = taskAt(tasks, commit.ts)
    if (task) task.offCpu = Math.max(0, task.offCpu - offCpu(commit))
  }
  const keydowns = mine.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'keydown').map((e) => e.ts)
  const marks = mine.filter((e) => e.name === paintedMark).map((e) => e.ts)
  const frames = mine.filter((e) => e.name === 'FireAnimationFrame').map((e) => e.ts)
  const out: KeystrokeWork[] = []
  for (let k = 0; k < keydowns.length; k++) {
    const input = taskAt(tasks, keydowns[k])
    const painted = marks.find((m) => m > keydowns[k] && (k + 1 === keydowns.length || m < keydowns[k + 1]))
    const frameTs = painted === undefined ? undefined : frames.filter((f) => f > keydowns[k] && f < painted).at(-1)
    const frame = frameTs === undefined ? undefined : taskAt(tasks, frameTs)
    if (!input || painted === undefined || !frame) continue
    let busy = 0
    let off = 0
    for (const t of tasks) {
      if (t.end <= input.start || t.start >= painted) continue
      busy += Math.min(t.end, painted) - Math.max(t.start, input.start)
      off += t.offCpu
    }
    out.push({
      inputMs: (input.end - input.start) / 1000,
      frameMs: (frame.end - frame.start) / 1000,
      afterFrameMs: Math.max(0, painted - frame.end) / 1000,
      busyMs: busy / 1000,
      offCpuMs: Math.min(off, busy) / 1000,
    })
  }
  return out
}
