import { fork, type ChildProcess } from 'node:child_process'
import os from 'node:os'
import { fileURLToPath } from 'node:url'
import { ErrorCode } from '../../shared/api'
import { HttpError } from '../errors'
import type { Logger } from '../logger'
import type { Task, TaskResult } from './task'
import type { ReplyMessage, TaskMessage } from './worker'

/**
 * A small pool of worker processes for exports and imports, so that writing a 300-article DOCX
 * (a second of CPU) never stalls other documents' sync on the main thread. Workers start on
 * demand, run one task at a time, and leave after a quiet spell; a task that runs too long
 * takes its worker down with it. The queue is bounded: beyond it the answer is 503.
 *
 * Processes, not threads: a task that exhausts its heap (a heavy file) must fail alone. A worker
 * thread's `resourceLimits` only sometimes contain that: Node terminates the thread when V8 calls
 * its near-heap-limit callback, but grants just 16 MB more meanwhile, and an allocation that
 * does not stop for the termination (a 200 MB string, a growing array) then hits V8's fatal
 * "Reached heap limit" — which aborts the whole process, every editing session with it
 * (nodejs/node#47224, still open). In a process of its own, that abort ends only the worker; the
 * task fails with TaskTooHeavy and the next task gets a fresh process. The cost: ~0.2 s more to
 * start a worker (then kept for `idleMs`), ~5 ms more per 300-article export to copy the
 * bytes over the IPC pipe, and ~40 MB more memory per running worker.
 */

export interface ExportWorkersOptions {
  log: Logger
  /** Threads at most (default: one less than the cores, at least 1, at most 2). */
  size?: number
  /** Tasks waiting beyond the running ones before new ones are refused. */
  maxQueue?: number
  taskTimeoutMs?: number
  /** A worker with nothing to do for this long exits. */
  idleMs?: number
  /** Each worker's V8 heap (old generation) in MB: a task that needs more fails with TaskTooHeavy. */
  heapMb?: number
}

/**
 * A task that took its worker past its memory (V8's heap, or the machine's: the kernel's OOM
 * killer): the input is too large or complex, not the server broken. The services answer it in
 * words (413 for an import, 422 for an export).
 */
export class TaskTooHeavy extends Error {
  override name = 'TaskTooHeavy'
}


interface Job {
  task: Task
  resolve: (result: TaskResult) => void
  reject: (err: Error) => void
}

interface Slot {
  worker: ChildProcess
  job: Job | null
  jobId: number
  timer?: NodeJS.Timeout
  /** The end of what the worker wrote to stderr (V8's "FATAL ERROR: … heap out of memory"). */
  stderr: string
  /**
   * Whether stderr said the heap ran out. Kept apart from the tail: V8 writes the words first and
   * then a native and a JS stack trace that can push them out of the last STDERR_KEPT characters.
   */
  heapExhausted: boolean
}

const ENTRY = fileURLToPath(new URL('./workerEntry.mjs', import.meta.url))
const STDERR_KEPT = 2048
const HEAP_EXHAUSTED = /out of memory|heap limit/i

export const busy = () =>
  new HttpError(503, ErrorCode.busy, 'too many exports and imports are being prepared; try again shortly', undefined, { 'Retry-After': '5' })

export class ExportWorkers {
  private readonly slots = new Set<Slot>()
  private readonly queue: Job[] = []
  private readonly size: number
  private readonly maxQueue: number
  private readonly taskTimeoutMs: number
  private readonly idleMs: number
  private readonly heapMb: number
  private nextId = 0
  private closed = false

  constructor(private readonly opts: ExportWorkersOptions) {
    this.size = opts.size ?? Math.min(2, Math.max(1, os.availableParallelism() - 1))
    this.maxQueue = opts.maxQueue ?? 16
    this.taskTimeoutMs = opts.taskTimeoutMs ?? 120_000
    this.idleMs = opts.idleMs ?? 30_000
    this.heapMb = opts.heapMb ?? 1024
  }

  /** Runs a task off the main thread. Rejects with the task's own error (name kept), or 503. */
  run(task: Task): Promise<TaskResult> {
    if (this.closed) return Promise.reject(new HttpError(503, ErrorCode.busy, 'server shutting down'))
    return new Promise<TaskResult>((resolve, reject) => {
      const job: Job = { task, resolve, reject }
      this.queue.push(job)
      this.pump()
      // Still waiting for a worker, with the queue full: refuse rather than pile up.
      if (this.queue.length > this.maxQueue && this.queue.at(-1) === job) {
        this.queue.pop()
        reject(busy())
      }
    })
  }

  /** Worker processes running now (for tests and logs). */
  get threads(): number {
    return this.slots.size
  }

  async close(): Promise<void> {
    this.closed = true
    for (const job of this.queue.splice(0)) job.reject(new HttpError(503, ErrorCode.busy, 'server shutting down'))
    await Promise.all([...this.slots].map((slot) => this.retire(slot, new HttpError(503, ErrorCode.busy, 'server shutting down'))))
  }

  private pump(): void {
    while (this.queue.length > 0) {
      let slot = [...this.slots].find((s) => s.job === null)
      if (!slot) {
        if (this.slots.size >= this.size) return
        slot = this.spawn()
      }
      this.assign(slot, this.queue.shift()!)
    }
  }

  private spawn(): Slot {
    // Its own execArgv: not the server's (inspector ports, --max-old-space-size). The entry loads
    // the TypeScript body through tsx's API, as under `tsx server/main.ts`, node and vitest.
    const worker = fork(ENTRY, [], {
      execArgv: [`--max-old-space-size=${this.heapMb}`],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    })
    const slot: Slot = { worker, job: null, jobId: 0, stderr: '', heapExhausted: false }
    this.slots.add(slot)
    // An idle worker never keeps the server's process alive; a busy one does (see assign).
    this.hold(slot, false)
    worker.stderr?.setEncoding('utf8')
    worker.stderr?.on('data', (chunk: string) => {
      // Tested with the tail before it, for words split between two chunks.
      if (!slot.heapExhausted && HEAP_EXHAUSTED.test(slot.stderr.slice(-64) + chunk)) slot.heapExhausted = true
      slot.stderr = (slot.stderr + chunk).slice(-STDERR_KEPT)
    })
    worker.on('message', (message: ReplyMessage) => this.settle(slot, message))
    worker.on('error', (err) => {
      this.opts.log.error('export worker failed', { err })
      void this.retire(slot, new Error(`export worker failed: ${err.message}`))
    })
    // 'close', not 'exit': 'exit' may come before the last of stderr is read, and V8's "heap out
    // of memory" then went unseen — the task failed as a server error (500) instead of 413.
    worker.on('close', (code, signal) => {
      if (!this.slots.has(slot)) return
      const job = slot.job
      // V8 aborts a process past its heap limit (SIGABRT, "heap out of memory" on stderr); the
      // kernel's OOM killer sends SIGKILL (we only kill workers we have already retired).
      const outOfMemory = signal === 'SIGKILL' || (signal === 'SIGABRT' && slot.heapExhausted)
      const fields = { code, signal, kind: job?.task.kind, stderr: slot.stderr.trim().split('\n').slice(0, 3).join(' ') }
      if (outOfMemory) this.opts.log.warn('export worker ran out of memory; its task fails, the next one gets a new worker', { ...fields, heapMb: this.heapMb })
      else if (job) this.opts.log.error('export worker exited during a task', fields)
      void this.retire(slot, outOfMemory ? new TaskTooHeavy('the task needed more memory than an export worker has') : new Error(`export worker exited with code ${code ?? signal}`))
    })
    return slot
  }

  /** Whether the worker's process and pipe keep the event loop alive: only while it works. */
  private hold(slot: Slot, busy: boolean): void {
    const channel = slot.worker.channel
    if (busy) {
      slot.worker.ref()
      channel?.ref()
    } else {
      slot.worker.unref()
      channel?.unref()
    }
    // The stderr pipe is a handle too.
    const stderr = slot.worker.stderr as (NodeJS.ReadableStream & { unref?: () => void; ref?: () => void }) | null
    if (busy) stderr?.ref?.()
    else stderr?.unref?.()
  }

  private assign(slot: Slot, job: Job): void {
    clearTimeout(slot.timer)
    slot.job = job
    slot.jobId = ++this.nextId
    slot.timer = setTimeout(() => {
      this.opts.log.warn('export task timed out; stopping its worker', { kind: job.task.kind, timeoutMs: this.taskTimeoutMs })
      void this.retire(slot, new HttpError(503, ErrorCode.busy, 'the export took too long'))
    }, this.taskTimeoutMs)
    slot.timer.unref()
    this.hold(slot, true)
    const message: TaskMessage = { id: slot.jobId, task: job.task }
    slot.worker.send(message)
  }

  private settle(slot: Slot, message: ReplyMessage): void {
    const job = slot.job
    if (!job || message.id !== slot.jobId) return
    clearTimeout(slot.timer)
    slot.job = null
    this.hold(slot, false)
    if (message.ok) job.resolve(message.result)
    else {
      const err = new Error(message.error.message)
      err.name = message.error.name
      job.reject(err)
    }
    slot.timer = setTimeout(() => void this.retire(slot, null), this.idleMs)
    slot.timer.unref()
    this.pump()
  }

  /** Stops a worker; its task (if any) fails with `reason`. Queued tasks go to other workers. */
  private async retire(slot: Slot, reason: Error | null): Promise<void> {
    if (!this.slots.delete(slot)) return
    clearTimeout(slot.timer)
    const job = slot.job
    slot.job = null
    if (job) job.reject(reason ?? new Error('export worker stopped'))
    await stop(slot.worker)
    if (!this.closed) this.pump()
  }
}

/** Kills a worker process (SIGKILL: a task in the middle of its work has nothing to save). */
function stop(worker: ChildProcess): Promise<void> {
  if (worker.exitCode !== null || worker.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    worker.once('exit', () => resolve())
    worker.kill('SIGKILL')
  })
}
