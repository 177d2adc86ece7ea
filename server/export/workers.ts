import os from 'node:os'
import { Worker } from 'node:worker_threads'
import { ErrorCode } from '../../shared/api'
import { HttpError } from '../errors'
import type { Logger } from '../logger'
import type { Task, TaskResult } from './task'
import type { ReplyMessage, TaskMessage } from './worker'

/**
 * A small pool of worker threads for exports and imports, so that writing a 300-article DOCX
 * (a second of CPU) never stalls other documents' sync on the main thread. Workers start on
 * demand, run one task at a time, and leave after a quiet spell; a task that runs too long
 * takes its worker down with it. The queue is bounded: beyond it the answer is 503.
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
}

interface Job {
  task: Task
  resolve: (result: TaskResult) => void
  reject: (err: Error) => void
}

interface Slot {
  worker: Worker
  job: Job | null
  jobId: number
  timer?: NodeJS.Timeout
}

const ENTRY = new URL('./workerEntry.mjs', import.meta.url)

export const busy = () =>
  new HttpError(503, ErrorCode.busy, 'too many exports and imports are being prepared; try again shortly', undefined, { 'Retry-After': '5' })

export class ExportWorkers {
  private readonly slots = new Set<Slot>()
  private readonly queue: Job[] = []
  private readonly size: number
  private readonly maxQueue: number
  private readonly taskTimeoutMs: number
  private readonly idleMs: number
  private nextId = 0
  private closed = false

  constructor(private readonly opts: ExportWorkersOptions) {
    this.size = opts.size ?? Math.min(2, Math.max(1, os.availableParallelism() - 1))
    this.maxQueue = opts.maxQueue ?? 16
    this.taskTimeoutMs = opts.taskTimeoutMs ?? 120_000
    this.idleMs = opts.idleMs ?? 30_000
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

  /** Threads running now (for tests and logs). */
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
    const worker = new Worker(ENTRY, { resourceLimits: { maxOldGenerationSizeMb: 1024 } })
    // A worker never keeps the process alive on its own; shutdown closes the pool.
    worker.unref()
    const slot: Slot = { worker, job: null, jobId: 0 }
    this.slots.add(slot)
    worker.on('message', (message: ReplyMessage) => this.settle(slot, message))
    worker.on('error', (err) => {
      this.opts.log.error('export worker failed', { err })
      void this.retire(slot, new Error(`export worker failed: ${err.message}`))
    })
    worker.on('exit', (code) => {
      if (this.slots.has(slot)) void this.retire(slot, new Error(`export worker exited with code ${code}`))
    })
    return slot
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
    const message: TaskMessage = { id: slot.jobId, task: job.task }
    slot.worker.postMessage(message)
  }

  private settle(slot: Slot, message: ReplyMessage): void {
    const job = slot.job
    if (!job || message.id !== slot.jobId) return
    clearTimeout(slot.timer)
    slot.job = null
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
    await slot.worker.terminate()
    if (!this.closed) this.pump()
  }
}
