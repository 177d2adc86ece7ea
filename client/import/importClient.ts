import type { DocJSON } from '../../shared/schema'
import type { TrackedChanges } from '../../shared/import/types'
import type { Language } from '../../shared/language'
import type { ImportResult } from '../../shared/import/types'
import type { LawStructure } from '../../shared/export/structure'
import { ImportError } from '../../shared/import/errors'
import type { FromImportWorker, ImportSource, ImportStage, ToImportWorker } from './messages'

type Request = ToImportWorker extends infer M ? (M extends ToImportWorker ? Omit<M, 'id'> : never) : never

/** The page's side of the import worker: one request at a time, promises instead of messages. */
export class ImportWorkerClient {
  private worker: Worker | null = null
  private nextId = 0
  private pending = new Map<number, { resolve: (m: FromImportWorker) => void; reject: (e: Error) => void; onStage?: (s: ImportStage) => void }>()

  private ensure(): Worker {
    if (this.worker) return this.worker
    const worker = new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module', name: 'accord-import' })
    worker.addEventListener('message', (event: MessageEvent<FromImportWorker>) => {
      const message = event.data
      const waiting = this.pending.get(message.id)
      if (!waiting) return
      if (message.kind === 'stage') waiting.onStage?.(message.stage)
      else {
        this.pending.delete(message.id)
        if (message.kind === 'error') waiting.reject(new ImportError(message.problem, message.message))
        else waiting.resolve(message)
      }
    })
    worker.addEventListener('error', (event) => {
      const err = new Error(event.message || 'the import worker failed')
      for (const waiting of this.pending.values()) waiting.reject(err)
      this.pending.clear()
      this.terminate()
    })
    this.worker = worker
    return worker
  }

  private send(message: Request, onStage?: (s: ImportStage) => void, transfer: Transferable[] = []): Promise<FromImportWorker> {
    const id = ++this.nextId
    const worker = this.ensure()
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onStage })
      worker.postMessage({ ...message, id } as ToImportWorker, transfer)
    })
  }

  /**
   * Starts the worker and has it load the Word reader, while the person picks a file: the
   * worker's start and the reader's loading (~100–150 ms in Chromium) are then not waited for.
   */
  warm(): void {
    this.ensure().postMessage({ id: 0, kind: 'warm' } satisfies ToImportWorker)
  }

  async parse(source: ImportSource, onStage: (stage: ImportStage) => void, trackedChanges: TrackedChanges = 'accept'): Promise<{ result: ImportResult; structure: LawStructure }> {
    const transfer = source.type === 'docx' ? [source.bytes] : []
    const reply = await this.send({ kind: 'parse', source, trackedChanges }, onStage, transfer)
    if (reply.kind !== 'parsed') throw new Error('unexpected answer from the import worker')
    return { result: reply.result, structure: reply.structure }
  }

  async structure(doc: DocJSON, language: Language): Promise<LawStructure> {
    const reply = await this.send({ kind: 'structure', doc, language })
    if (reply.kind !== 'structure') throw new Error('unexpected answer from the import worker')
    return reply.structure
  }

  /** Stops the worker (a parse in progress is abandoned; its promise never settles). */
  terminate(): void {
    this.worker?.terminate()
    this.worker = null
    this.pending.clear()
  }
}
