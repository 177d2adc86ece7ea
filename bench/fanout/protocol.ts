/** IPC between the fan-out benchmark and its load-generator workers (bench/fanout/worker.ts). */
import type { ClientSpec } from '../lib/clients'
import type { GcPause } from '../lib/gcPauses'

export interface WriterSpec {
  /** Index of the writing client among this worker's clients. */
  client: number
  writerId: number
  /** Index of the clause (numbered paragraph) it types into. */
  clause: number
}

export type WorkerRequest =
  | { cmd: 'load'; spec: ClientSpec; articles: number }
  /** `count` clients on one document; the first `full` (default all) are full clients, the rest protocol-level receivers. */
  /** `ignoreOthers`: see ConnectOptions (lib/clients.ts). */
  | { cmd: 'open'; spec: ClientSpec; count: number; full?: number; expectTopLevel: number; parallel: number; timeoutMs: number; ignoreOthers?: boolean }
  /** One client per spec (many documents), each waited for until synced. */
  | { cmd: 'openEach'; specs: ClientSpec[]; parallel: number; timeoutMs: number }
  | { cmd: 'write'; writers: WriterSpec[]; ratePerSecond: number; awareness: boolean }
  | { cmd: 'window'; start: number; end: number }
  | { cmd: 'stopWriting' }
  | { cmd: 'collect'; expected: Record<number, number>; drainMs: number }
  | { cmd: 'usage' }
  | { cmd: 'close' }

export interface CollectResult {
  /** Latencies (ms) of the edits sent inside the window, one per receiving client. */
  samples: Float64Array
  /** The edit of each sample (see tail.ts). */
  edits: Float64Array
  /** When each sample's edit was sent (CLOCK_MONOTONIC ms). */
  sentAt: Float64Array
  /** This worker's garbage-collection pauses from the window's start to the collection. */
  gcPauses: GcPause[]
  /** Deliveries seen in total (any time). */
  received: number
  missing: number
  duplicates: number
  /** Content digest → number of this worker's full clients holding it. */
  digests: Record<string, number>
}

export interface WorkerUsage {
  cpuMicros: number
  /** Event-loop delay since the last window start, ms. */
  eldP99: number
  eldMax: number
}

export type WorkerReply =
  | { id: number; ok: true; opened?: number; ms?: number; sent?: Record<number, number>; collect?: CollectResult; usage?: WorkerUsage }
  | { id: number; ok: false; error: string }
