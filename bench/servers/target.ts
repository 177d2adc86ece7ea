/** Starting a server child (bench/servers/child.ts) and talking to it from the benchmark. */
import { fork, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { SERVER_V8_FLAGS } from '../../server/v8Flags'
import type { GcPause } from '../lib/gcPauses'
import { SERVER_LABEL, type ChildMessage, type ChildCommand, type ChildRequest, type ProcessUsage, type ServerKind } from './protocol'

const CHILD = path.join(import.meta.dirname, 'child.ts')

export interface ServerTarget {
  kind: ServerKind
  label: string
  port: number
  pid: number
  /** Accord only: its data directory. */
  dataDir: string | null
  usage(): Promise<ProcessUsage>
  /** Full garbage collection in the server, then its usage. */
  gcUsage(): Promise<ProcessUsage>
  /** Its garbage-collection pauses that ended at or after `since` (CLOCK_MONOTONIC ms). */
  gcPauses(since: number): Promise<GcPause[]>
  stop(): Promise<void>
}

export interface StartOptions {
  env?: Record<string, string>
}

/**
 * Flags for looking inside the servers, from the environment: BENCH_CPU_PROF=<dir> writes a V8
 * CPU profile of every server process when it stops; BENCH_SERVER_FLAGS adds Node/V8 flags to
 * every server (--trace-gc, say), BENCH_ACCORD_FLAGS to Accord's only (for A/B runs of a flag).
 */
function experimentFlags(kind: ServerKind): string[] {
  const words = (name: string) => process.env[name]?.split(' ').filter(Boolean) ?? []
  return [
    ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
    ...words('BENCH_SERVER_FLAGS'),
    ...(kind === 'accord' ? words('BENCH_ACCORD_FLAGS') : []),
  ]
}

export async function startServer(kind: ServerKind, options: StartOptions = {}): Promise<ServerTarget> {
  const dataDir = kind === 'accord' ? fs.mkdtempSync(path.join(os.tmpdir(), 'accord-bench-')) : null
  const child: ChildProcess = fork(CHILD, [kind], {
    execArgv: ['--import', 'tsx', '--expose-gc', ...(kind === 'accord' ? SERVER_V8_FLAGS : []), ...experimentFlags(kind)],
    env: { ...process.env, ...(dataDir ? { DATA_DIR: dataDir } : {}), ...options.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const pending = new Map<number, (m: ChildMessage) => void>()
  let nextId = 0
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${kind} did not start in 30 s`)), 30_000)
    child.once('exit', (code) => reject(new Error(`${kind} exited with ${code} before listening`)))
    child.on('message', (m: ChildMessage) => {
      if ('ready' in m) {
        clearTimeout(timer)
        resolve(m.port)
      } else pending.get(m.id)?.(m)
    })
  })
  const request = (message: ChildCommand) =>
    new Promise<ChildMessage>((resolve, reject) => {
      const id = ++nextId
      // A server that cannot answer for this long has fallen hopelessly behind.
      const timer = setTimeout(() => reject(new Error(`${kind}: no answer to ${message.cmd} within 45 s`)), 45_000)
      pending.set(id, (m) => {
        clearTimeout(timer)
        pending.delete(id)
        resolve(m)
      })
      child.send({ ...message, id } satisfies ChildRequest)
    })
  const usageOf = async (cmd: 'usage' | 'gc') => {
    const m = await request({ cmd })
    if (!('usage' in m) || !m.usage) throw new Error(`${kind}: no usage`)
    return m.usage
  }
  let stopped: Promise<void> | undefined
  return {
    kind,
    label: SERVER_LABEL[kind],
    port,
    pid: child.pid!,
    dataDir,
    usage: () => usageOf('usage'),
    gcUsage: () => usageOf('gc'),
    gcPauses: async (since) => {
      const m = await request({ cmd: 'pauses', since })
      return 'pauses' in m && m.pauses ? m.pauses : []
    },
    stop: () => {
      stopped ??= (async () => {
        const exited = new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) resolve()
          else child.once('exit', () => resolve())
        })
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
        try {
          await request({ cmd: 'stop' }).catch(() => child.kill('SIGKILL'))
          await exited
        } finally {
          clearTimeout(timer)
          if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
        }
      })()
      return stopped
    },
  }
}
