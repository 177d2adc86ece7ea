import fs from 'node:fs'
import { ThrottledJob } from './throttledJob'

/**
 * At most one disk sync per this many milliseconds. Only acknowledgements wait for the sync
 * (broadcasts go out once committed), so "Saved" shows up to this much later while people keep
 * typing (the first commit after a quiet spell is synced at once), and a draft with many writers
 * pays for one move into SQLite, one fsync and one acknowledgement write per writer per interval
 * instead of per commit. 1 s instead of 250 ms: the server's CPU per delivered update at N=50
 * went from 1.13–1.17× the reference's to 1.04–1.10× (three runs of 5–6 rounds each).
 */
export const SYNC_INTERVAL_MS = 1000

/**
 * Group commit's second half: making committed WAL frames durable without blocking the event
 * loop. Appends commit with synchronous=NORMAL (no fsync of their own); this then fsyncs the
 * WAL file, in libuv's thread pool, once for everything committed so far (at most once per
 * `intervalMs`), and tells each waiter when what it committed is on disk. Nothing is
 * acknowledged before that. (SQLite itself syncs at checkpoints under NORMAL, and the FULL
 * connection's commits sync the same WAL.) fsync flushes the file whichever descriptor wrote
 * it, so our own descriptor will do.
 */
export class WalSync {
  private fd: number | null = null
  /** Commits made so far, and how many of them are known to be on disk. */
  private committed = 0
  private durable = 0
  private syncing = false
  private readonly waiters: { upTo: number; resolve: () => void; reject: (err: unknown) => void }[] = []
  private failure: unknown = null
  private closed = false
  private readonly syncs: ThrottledJob

  constructor(
    private readonly walPath: string,
    intervalMs = SYNC_INTERVAL_MS,
    /**
     * Runs on the event loop right before each sync, for what must be in the WAL by then (the
     * store moves its journaled updates there). If it throws, the waiters so far are failed
     * and the next sync tries again: nothing was lost, unlike when a sync fails.
     */
    private readonly prepare: () => void = () => {},
  ) {
    this.syncs = new ThrottledJob((done) => this.sync(done), intervalMs)
  }

  /** Counts a commit just made (call right after it returns). */
  noteCommit(): void {
    this.committed++
  }

  /** Resolves once every commit noted so far is on disk; rejects if the disk sync failed. */
  whenDurable(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure)
    if (this.durable >= this.committed) return Promise.resolve()
    const promise = new Promise<void>((resolve, reject) => this.waiters.push({ upTo: this.committed, resolve, reject }))
    this.syncs.request()
    return promise
  }

  /** Every commit noted so far is on disk when this returns (a blocking fsync, for readers). */
  syncNow(): void {
    if (this.failure) throw this.failure
    if (this.durable >= this.committed) return
    const upTo = this.committed
    this.prepare()
    try {
      fs.fsyncSync(this.descriptor())
    } catch (err) {
      this.fail(err)
      throw err
    }
    this.settle(upTo)
  }

  /** Closes the descriptor (once a sync in flight, if any, has finished with it); a sync still waiting for its interval runs now. */
  close(): void {
    if (this.syncs.cancelWaiting()) {
      try {
        this.syncNow()
      } catch (err) {
        this.rejectWaiters(err) // if fail() has not already
      }
    }
    this.closed = true
    if (!this.syncing) this.release()
  }

  private release(): void {
    if (this.fd !== null) fs.closeSync(this.fd)
    this.fd = null
  }

  private descriptor(): number {
    if (this.closed) throw new Error('the update log is closed')
    this.fd ??= fs.openSync(this.walPath, 'r')
    return this.fd
  }

  /** One fsync in libuv's thread pool for everything committed so far (ThrottledJob paces them). */
  private sync(done: () => void): boolean {
    if (this.closed || this.waiters.length === 0) return false
    const upTo = this.committed
    try {
      this.prepare()
    } catch (err) {
      this.rejectWaiters(err)
      return false
    }
    let fd: number
    try {
      fd = this.descriptor()
    } catch (err) {
      this.fail(err)
      return false
    }
    this.syncing = true
    fs.fsync(fd, (err) => {
      this.syncing = false
      if (this.closed) this.release()
      if (err) this.fail(err)
      else this.settle(upTo)
      done()
    })
    return true
  }

  private settle(upTo: number): void {
    this.durable = Math.max(this.durable, upTo)
    while (this.waiters.length > 0 && this.waiters[0].upTo <= this.durable) this.waiters.shift()!.resolve()
  }

  /** A failed fsync may have lost data: every waiter, now and later, fails. */
  private fail(err: unknown): void {
    this.failure = err
    this.rejectWaiters(err)
  }

  private rejectWaiters(err: unknown): void {
    for (const w of this.waiters.splice(0)) w.reject(err)
  }
}
