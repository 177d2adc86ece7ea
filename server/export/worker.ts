import { parentPort } from 'node:worker_threads'
import { runTask, type Task } from './task'

/**
 * The export worker's body: one task at a time from the pool (server/export/workers.ts), the
 * answer posted back with its bytes transferred, not copied. Loaded through workerEntry.mjs.
 */

export interface TaskMessage {
  id: number
  task: Task
}

export type ReplyMessage =
  | { id: number; ok: true; result: Awaited<ReturnType<typeof runTask>> }
  | { id: number; ok: false; error: { name: string; message: string } }

const port = parentPort
if (!port) throw new Error('server/export/worker.ts must run in a worker thread')

port.on('message', (message: TaskMessage) => {
  runTask(message.task).then(
    (result) => {
      const bytes = result.kind === 'export' ? result.bytes : result.state
      const reply: ReplyMessage = { id: message.id, ok: true, result }
      port.postMessage(reply, [bytes.buffer as ArrayBuffer])
    },
    (err: unknown) => {
      const error = err instanceof Error ? { name: err.name, message: err.message } : { name: 'Error', message: String(err) }
      const reply: ReplyMessage = { id: message.id, ok: false, error }
      port.postMessage(reply)
    },
  )
})
