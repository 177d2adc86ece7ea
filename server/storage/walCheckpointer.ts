import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import { ThrottledJob } from './throttledJob'

/**
 * At most one checkpoint per this many milliseconds while commits keep coming (the WAL holds up
 * to that much of them). Each checkpoint writes and syncs the database file: at N=50, one every
 * 5 s instead of every second left CPU per delivered update at 1.00–1.05× the reference's
 * against 1.04–1.08× (two interleaved pairs of 5 rounds).
 */
export const CHECKPOINT_INTERVAL_MS = 5000

/**
 * The worker's whole program, plain CommonJS: it runs the same under tsx, vitest and the
 * bundled server, none of which a TypeScript worker file would survive.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.sqlite)
let db = null
parentPort.on('message', (message) => {
  if (message === 'close') {
    if (db) db.close()
    parentPort.close()
    return
  }
  try {
    if (!db) {
      db = new Database(workerData.file, { fileMustExist: true })
      db.pragma('busy_timeout = 5000')
    }
    const [result] = db.pragma('wal_checkpoint(PASSIVE)')
    parentPort.postMessage({ ok: true, result })
  } catch (err) {
    parentPort.postMessage({ ok: false, error: String((err && err.message) || err) })
  }
})
`

export interface CheckpointResult {
  /** 1 if the checkpoint could not run (another one held the lock). */
  busy: number
  /** Frames in the WAL, and how many of them are now in the database file. */
  log: number
  checkpointed: number
}

type Reply = { ok: true; result: CheckpointResult } | { ok: false; error: string }

/**
 * Copies the WAL into the database file from a worker thread, so that no commit on the event
 * loop ever does it. SQLite's automatic checkpoint runs inside the commit that crosses
 * 1,000 WAL pages: 5–9 ms on a busy draft, during which nobody's edits are passed on. The
 * group-commit connection turns that off and calls `noteCommit()` instead. PASSIVE: never waits
 * for readers or writers; what it cannot copy now, the next one does.
 */
export class WalCheckpointer {
  private readonly worker: Worker
  private readonly checkpoints: ThrottledJob
  /** Callers of checkpoint(): those the running checkpoint answers, and those it started too early for. */
  private answering: ((result: CheckpointResult | null) => void)[] = []
  private waiting: ((result: CheckpointResult | null) => void)[] = []
  /** The running checkpoint's end. */
  private done: (() => void) | null = null
  private closed = false
  /** The worker gone, and with it its connection to the database. */
  private readonly exited: Promise<void>

  constructor(
    dbFile: string,
    private readonly onError: (message: string) => void,
    intervalMs = CHECKPOINT_INTERVAL_MS,
  ) {
    const sqlite = createRequire(import.meta.url).resolve('better-sqlite3')
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { sqlite, file: dbFile } })
    this.exited = new Promise((resolve) => this.worker.once('exit', () => resolve()))
    // Never what keeps the process alive: SQLite checkpoints as the last connection closes.
    this.worker.unref()
    this.checkpoints = new ThrottledJob((done) => this.start(done), intervalMs, true)
    this.worker.on('message', (reply: Reply) => {
      // After close() the store is gone, and so, often, its directory: nothing to report.
      if (!reply.ok && !this.closed) this.onError(reply.error)
      for (const answer of this.answering.splice(0)) answer(reply.ok ? reply.result : null)
      this.finish()
    })
    this.worker.on('error', (err) => {
      if (!this.closed) this.onError(String(err))
      this.closed = true
      for (const answer of [...this.answering.splice(0), ...this.waiting.splice(0)]) answer(null)
      this.finish()
    })
  }

  /**
   * Called after each commit: a checkpoint starts now if none is running and the last began at
   * least the interval ago, else once that is so (so the WAL is copied within about one interval
   * of the last commit, even if no other commit follows).
   */
  noteCommit(): void {
    this.checkpoints.request()
  }

  /** A checkpoint that starts after this call (null if it failed or the checkpointer is closed). */
  checkpoint(): Promise<CheckpointResult | null> {
    if (this.closed) return Promise.resolve(null)
    return new Promise((resolve) => {
      this.waiting.push(resolve)
      this.checkpoints.requestNow()
    })
  }

  /**
   * Resolves once the worker has closed its connection and exited: until then SQLite may still
   * be writing the database's files (the last connection to close checkpoints the WAL and
   * removes it), which a stopped server must not leave behind it.
   */
  close(): Promise<void> {
    if (!this.closed) {
      this.closed = true
      this.checkpoints.cancelWaiting()
      this.worker.postMessage('close')
      for (const answer of this.waiting.splice(0)) answer(null)
    }
    return this.exited
  }

  private start(done: () => void): boolean {
    if (this.closed) return false
    this.done = done
    this.answering.push(...this.waiting.splice(0))
    this.worker.postMessage('checkpoint')
    return true
  }

  private finish(): void {
    const done = this.done
    this.done = null
    done?.()
  }
}
