import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiError, ImportCreated } from '../../shared/api'
import { startTestServer, type TestServer } from '../helpers/server'
import { createCast, createDocument, type Cast } from '../helpers/accounts'
import { paddedDocx } from '../helpers/draftDocx'
import { connectClient, insertText, waitSaved, waitSynced, type TestClient } from '../helpers/clients'

/**
 * A file that takes its export/import worker past its memory fails alone: a DOCX whose main part
 * unpacks to just under the ZIP-bomb guard's 64 MB, which mammoth's tree of it takes far past
 * 256 MB of heap. With worker threads,
 * V8's "FATAL ERROR: Reached heap limit" aborted the whole server — this test process with it.
 * Now the worker is a process of its own: the request gets 413 in words, and the server keeps
 * serving requests, imports, exports and sync.
 */

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
/** 880,000 paragraphs of 74 bytes: a 65 MB main part (MAX_DOCX_XML_BYTES is 67.1 MB) in a ~240 KB upload. */
const PARAGRAPHS = 880_000

describe('a task past its worker memory', () => {
  let server: TestServer
  let cast: Cast
  let heavy: Uint8Array
  let client: TestClient | undefined

  beforeAll(async () => {
    // Built before the server starts (seconds on a busy machine: see import.test.ts).
    heavy = await paddedDocx(PARAGRAPHS)
    // A smaller heap than production's 1024 MB, to fail in seconds; the abort it replaces
    // happened at 1024 MB as well, depending on where the limit was reached.
    server = await startTestServer({ config: { exportWorkerHeapMb: 256 } })
    cast = await createCast(server.url)
  }, 60_000)
  afterAll(async () => {
    client?.destroy()
    await server?.close()
  })

  it('fails alone, in words, and the server carries on: health, sync, import and export', async () => {
    const doc = await createDocument(cast.owner, { title: 'Being edited' })
    client = connectClient(server.wsUrl, doc.id, { cookie: cast.owner.cookie })
    await waitSynced(client)

    const res = await cast.drafter.api('/api/documents/import', { method: 'POST', headers: { 'Content-Type': DOCX }, body: Buffer.from(heavy) })
    expect(res.status).toBe(413)
    const body = (await res.json()) as ApiError
    expect(body.error).toMatchObject({ code: 'payload_too_large', message: 'the file is too large or complex to import' })

    expect((await fetch(`${server.url}/api/health`)).status).toBe(200)
    // The editing session opened before is still there and its edits are stored.
    insertText(client.ydoc, 'still editing')
    await waitSaved(client)
    // A normal import and export run in a fresh worker.
    const text = 'Law on Bees\n\nArticle 1. Purpose\n1. Bees are protected.\n'
    const imported = await cast.drafter.api('/api/documents/import?language=en', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: text })
    expect(imported.status).toBe(201)
    const created = (await imported.json()) as ImportCreated
    expect(created.stats).toMatchObject({ articles: 1, clauses: 1 })
    const exported = await cast.drafter.api(`/api/documents/${created.document.id}/export?format=docx`)
    expect(exported.status).toBe(200)
    expect(Buffer.from(await exported.arrayBuffer()).subarray(0, 2).toString()).toBe('PK')
  }, 120_000)
})
