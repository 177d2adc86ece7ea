import fs from 'node:fs'
import { runTask, type Task } from './task'

/**
 * The export worker's body: a child process of the server (server/export/workers.ts) that runs
 * one task at a time and posts the answer back over the IPC channel (structured clone: its
 * bytes arrive as a Uint8Array). Loaded through workerEntry.mjs.
 */

export interface TaskMessage {
  id: number
  task: Task
}

export type ReplyMessage =
  | { id: number; ok: true; result: Awaited<ReturnType<typeof runTask>> }
  | { id: number; ok: false; error: { name: string; message: string } }

const send = process.send?.bind(process)
if (!send) throw new Error('server/export/worker.ts must run as a child process with an IPC channel')

// Should the machine run out of memory, the kernel is to pick this worker rather than the
// server (Linux; raising one's own score needs no privilege). Elsewhere nothing to do.
try {
  fs.writeFileSync('/proc/self/oom_score_adj', '1000')
} catch {
  // not Linux, or /proc not writable: the heap limit still holds
}

// The server gone (or its pipe closed): nothing left to work for.
process.on('disconnect', () => process.exit(0))

process.on('message', (message: TaskMessage) => {
  runTask(message.task).then(
    (result) => {
      const reply: ReplyMessage = { id: message.id, ok: true, result }
      send(reply)
    },
    (err: unknown) => {
      const error = err instanceof Error ? { name: err.name, message: err.message } : { name: 'Error', message: String(err) }
      const reply: ReplyMessage = { id: message.id, ok: false, error }
      send(reply)
    },
  )
})
