/**
 * Section 4: 1,000 documents opened and left idle on Accord. Server memory (after a full GC):
 * with the documents created but not loaded; with all 1,000 open by an idle client each;
 * right after the clients left (rooms still loaded); after idle unloading.
 */
import { createDocument } from '../tests/helpers/accounts'
import type { ClientSpec } from './lib/clients'
import { accordAdmin } from './lib/documents'
import { mb, sleep } from './lib/stats'
import { startWorkers } from './lib/workers'
import type { ProcessUsage } from './servers/protocol'
import { startServer } from './servers/target'

export interface MemoryPoint {
  rssMb: number
  heapUsedMb: number
  /** Heap + external (ArrayBuffers and the like): what the documents themselves hold. */
  jsMb: number
}

export interface ManyDocsResult {
  documents: number
  template: string
  openMs: number
  created: MemoryPoint
  openWithClients: MemoryPoint
  loadedIdle: MemoryPoint
  afterUnload: MemoryPoint
  /** (loaded idle − after unload) / documents, heap + external. */
  perLoadedDocumentKb: number
  /** (open with clients − after unload) / documents: a room plus its one connection. */
  perOpenDocumentKb: number
  idleUnloadMs: number
}

const DOCUMENTS = 1000
const IDLE_UNLOAD_MS = 2000

const point = (u: ProcessUsage): MemoryPoint => ({ rssMb: mb(u.rss), heapUsedMb: mb(u.heapUsed), jsMb: mb(u.heapUsed + u.external) })

export async function runManyDocsBenchmark(log: (line: string) => void): Promise<ManyDocsResult> {
  const target = await startServer('accord', { env: { IDLE_UNLOAD_MS: String(IDLE_UNLOAD_MS) } })
  const [worker] = startWorkers(1)
  try {
    const admin = await accordAdmin(target)
    const specs: ClientSpec[] = []
    for (let i = 0; i < DOCUMENTS; i += 20) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(20, DOCUMENTS - i) }, (_, j) => createDocument(admin, { title: `Draft ${i + j + 1}`, language: 'en', template: 'sample' })),
      )
      for (const doc of batch) specs.push({ kind: 'accord', port: target.port, doc: doc.id, cookie: admin.cookie })
    }
    const created = point(await target.gcUsage())
    const opened = await worker.request({ cmd: 'openEach', specs, parallel: 25, timeoutMs: 120_000 }, 130_000)
    const openWithClients = point(await target.gcUsage())
    await worker.request({ cmd: 'close' })
    await sleep(500) // sockets closed; rooms stay loaded until IDLE_UNLOAD_MS
    const loadedIdle = point(await target.gcUsage())
    await sleep(IDLE_UNLOAD_MS + 1000)
    const afterUnload = point(await target.gcUsage())
    const result: ManyDocsResult = {
      documents: DOCUMENTS,
      template: 'sample (the model-law skeleton)',
      openMs: opened.ms ?? NaN,
      created,
      openWithClients,
      loadedIdle,
      afterUnload,
      perLoadedDocumentKb: ((loadedIdle.jsMb - afterUnload.jsMb) * 1024) / DOCUMENTS,
      perOpenDocumentKb: ((openWithClients.jsMb - afterUnload.jsMb) * 1024) / DOCUMENTS,
      idleUnloadMs: IDLE_UNLOAD_MS,
    }
    const show = (p: MemoryPoint) => `RSS ${p.rssMb.toFixed(0)} MB, heap+external ${p.jsMb.toFixed(1)} MB`
    log(`  ${DOCUMENTS} documents created: ${show(created)}`)
    log(`  all open, one idle client each (opened in ${(result.openMs / 1000).toFixed(1)} s): ${show(openWithClients)}`)
    log(`  clients gone, rooms loaded: ${show(loadedIdle)}`)
    log(`  after idle unloading: ${show(afterUnload)}`)
    log(`  per loaded document ${result.perLoadedDocumentKb.toFixed(0)} KB; per open document with its connection ${result.perOpenDocumentKb.toFixed(0)} KB`)
    return result
  } finally {
    await worker.stop()
    await target.stop()
  }
}
