/** A pool of load-generator processes (bench/fanout/worker.ts) with request/response over IPC. */
import { fork, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import type { WorkerReply, WorkerRequest } from '../fanout/protocol'

const WORKER = path.join(import.meta.dirname, '../fanout/worker.ts')

export interface LoadWorker {
  index: number
  pid: number
  request(request: WorkerRequest, timeoutMs?: number): Promise<Extract<WorkerReply, { ok: true }>>
  kill(): void
  /** Closes its clients (if it still answers), then kills it: the end of a run, failed or not. */
  stop(): Promise<void>
}

export function startWorkers(count: number): LoadWorker[] {
  return Array.from({ length: count }, (_, index) => {
    const child: ChildProcess = fork(WORKER, [], {
      // --expose-gc: a worker collects its setup's garbage before the writers start (worker.ts).
      // --initial-old-space-size: at N=200 a worker's heap outgrew V8's first limits inside the
      // window, 1–3 full collections (5–10 ms each) in the window of whichever server ran first.
      execArgv: ['--import', 'tsx', '--expose-gc', '--initial-old-space-size=512', ...(process.env.BENCH_WORKER_FLAGS?.split(' ').filter(Boolean) ?? [])],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    })
    const pending = new Map<number, (reply: WorkerReply) => void>()
    child.on('message', (reply: WorkerReply) => pending.get(reply.id)?.(reply))
    child.on('exit', (code) => {
      for (const resolve of pending.values()) resolve({ id: -1, ok: false, error: `worker ${index} exited (${code})` })
    })
    let nextId = 0
    const worker: LoadWorker = {
      index,
      pid: child.pid!,
      request: (request, timeoutMs = 120_000) =>
        new Promise((resolve, reject) => {
          const id = ++nextId
          const timer = setTimeout(() => reject(new Error(`worker ${index}: ${request.cmd} timed out`)), timeoutMs)
          pending.set(id, (reply) => {
            clearTimeout(timer)
            pending.delete(id)
            if (reply.ok) resolve(reply)
            else reject(new Error(`worker ${index}: ${reply.error}`))
          })
          child.send({ ...request, id })
        }),
      kill: () => {
        child.kill('SIGKILL')
      },
      stop: async () => {
        await worker.request({ cmd: 'close' }).catch(() => undefined)
        worker.kill()
      },
    }
    return worker
  })
}
