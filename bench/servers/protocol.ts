/** IPC between the benchmark and a server child process (bench/servers/child.ts). */
import type { GcPause } from '../lib/gcPauses'

export type ServerKind = 'accord' | 'yws' | 'hocuspocus'

export const SERVER_LABEL: Record<ServerKind, string> = {
  accord: 'Accord',
  yws: '@y/websocket-server',
  hocuspocus: '@hocuspocus/server',
}

export interface ProcessUsage {
  /** process.cpuUsage(): user + system, microseconds since start. */
  cpuMicros: number
  rss: number
  heapUsed: number
  external: number
  arrayBuffers: number
  /** Peak resident set size since start, bytes. */
  maxRss: number
}

export type ChildRequest =
  | { id: number; cmd: 'usage' }
  | { id: number; cmd: 'gc' }
  | { id: number; cmd: 'stop' }
  /** Garbage-collection pauses that ended at or after `since` (CLOCK_MONOTONIC ms). */
  | { id: number; cmd: 'pauses'; since: number }

/** A request as sent before it is given its id. */
type WithoutId<R> = R extends unknown ? Omit<R, 'id'> : never
export type ChildCommand = WithoutId<ChildRequest>

export type ChildMessage = { ready: true; port: number } | { id: number; usage?: ProcessUsage; pauses?: GcPause[]; error?: string }

export function processUsage(): ProcessUsage {
  const cpu = process.cpuUsage()
  const mem = process.memoryUsage()
  return {
    cpuMicros: cpu.user + cpu.system,
    rss: mem.rss,
    heapUsed: mem.heapUsed,
    external: mem.external,
    arrayBuffers: mem.arrayBuffers,
    maxRss: process.resourceUsage().maxRSS * 1024,
  }
}
