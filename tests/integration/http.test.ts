import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiError, DocumentSummary } from '../../shared/api'
import { CloseCode } from '../../shared/protocol'
import { startTestServer, type TestServer } from '../helpers/server'
import { createDocument, setupAdmin, type Account } from '../helpers/accounts'
import { connectClient, insertText, waitClosedWith, waitSaved, waitSynced } from '../helpers/clients'

const json = { 'Content-Type': 'application/json' }

describe('HTTP API', () => {
  let server: TestServer
  let owner: Account
  /** As the signed-in owner (cookie and CSRF token). */
  const api = (path: string, init?: RequestInit) => owner.api(path, init)
  const connect = (docId: string) => connectClient(server.wsUrl, docId, { cookie: owner.cookie })

  beforeAll(async () => {
    server = await startTestServer()
    owner = await setupAdmin(server.url)
  })
  afterAll(async () => {
    await server?.close()
  })

  it('reports health', async () => {
    const res = await api('/api/health')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ ok: true })
  })

  it('creates, lists, gets, renames and deletes a document', async () => {
    const created = await api('/api/documents', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ title: '  Draft law on bees  ', language: 'ru', template: 'empty' }),
    })
    expect(created.status).toBe(201)
    const doc = (await created.json()) as DocumentSummary
    expect(doc).toMatchObject({ title: 'Draft law on bees', language: 'ru', role: 'owner' })
    expect(doc.organizations).toEqual([owner.user.organization])
    expect(doc.id).toMatch(/^[0-9a-z]{16}$/)

    const list = (await (await api('/api/documents')).json()) as DocumentSummary[]
    expect(list.map((d) => d.id)).toContain(doc.id)
    expect(await (await api(`/api/documents/${doc.id}`)).json()).toEqual(doc)

    const renamed = await api(`/api/documents/${doc.id}`, {
      method: 'PATCH',
      headers: json,
      body: JSON.stringify({ title: 'Law on bees' }),
    })
    expect(renamed.status).toBe(200)
    expect(((await renamed.json()) as DocumentSummary).title).toBe('Law on bees')
    // One line: a line break sent by a client (the interface cannot type one) becomes a space.
    const broken = await api(`/api/documents/${doc.id}`, { method: 'PATCH', headers: json, body: JSON.stringify({ title: 'Law on\n bees  and\r\nwasps' }) })
    expect(((await broken.json()) as DocumentSummary).title).toBe('Law on bees and wasps')

    const deleted = await api(`/api/documents/${doc.id}`, { method: 'DELETE' })
    expect(deleted.status).toBe(204)
    expect((await api(`/api/documents/${doc.id}`)).status).toBe(404)
    const after = (await (await api('/api/documents')).json()) as DocumentSummary[]
    expect(after.map((d) => d.id)).not.toContain(doc.id)
  })

  it('lists the most recently edited document first', async () => {
    const older = await createDocument(owner, { title: 'older' })
    await createDocument(owner, { title: 'newer' })
    const client = connect(older.id)
    await waitSynced(client)
    insertText(client.ydoc, 'edited')
    await waitSaved(client)
    client.destroy()
    const list = (await (await api('/api/documents')).json()) as DocumentSummary[]
    expect(list[0].id).toBe(older.id)
  })

  it('closes open editors of a deleted document with 4404', async () => {
    const doc = await createDocument(owner)
    const client = connect(doc.id)
    await waitSynced(client)
    expect((await api(`/api/documents/${doc.id}`, { method: 'DELETE' })).status).toBe(204)
    await waitClosedWith(client, CloseCode.unknownDocument)
    client.destroy()
  })

  it('creates the sample law from its template', async () => {
    const doc = await createDocument(owner, { title: 'Sample', template: 'sample' })
    const tree = (await (await api(`/api/documents/${doc.id}/content`)).json()) as { content: { type: string }[] }
    expect(tree.content.filter((n) => n.type === 'article').length).toBeGreaterThan(5)
  })

  it('returns the document tree, from the store and from a live room', async () => {
    const doc = await createDocument(owner, { title: 'Tree' })
    const stored = (await (await api(`/api/documents/${doc.id}/content`)).json()) as {
      type: string
      content: { type: string; content?: { text: string }[] }[]
    }
    expect(stored.type).toBe('doc')
    expect(stored.content[0].type).toBe('lawTitle')
    expect(stored.content[0].content?.[0].text).toBe('Tree')

    const client = connect(doc.id)
    await waitSynced(client)
    insertText(client.ydoc, 'Live ', { name: 'lawTitle' })
    await waitSaved(client)
    const live = (await (await api(`/api/documents/${doc.id}/content`)).json()) as typeof stored
    expect(live.content[0].content?.[0].text).toBe('Live Tree')
    client.destroy()
  })

  it('rejects an invalid body with 400 validation_failed', async () => {
    const res = await api('/api/documents', { method: 'POST', headers: json, body: JSON.stringify({ title: '' }) })
    expect(res.status).toBe(400)
    expect(((await res.json()) as ApiError).error.code).toBe('validation_failed')
    const badTemplate = await api('/api/documents', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ title: 'x', template: 'nonsense' }),
    })
    expect(((await badTemplate.json()) as ApiError).error.code).toBe('validation_failed')
  })

  it('rejects malformed JSON with 400 bad_request', async () => {
    const res = await api('/api/documents', { method: 'POST', headers: json, body: '{"title":' })
    expect(res.status).toBe(400)
    expect(((await res.json()) as ApiError).error.code).toBe('bad_request')
  })

  it('answers 404 document_not_found for unknown and malformed ids', async () => {
    for (const id of ['zzzzzzzzzzzzzzzz', 'not-an-id']) {
      for (const path of [`/api/documents/${id}`, `/api/documents/${id}/content`]) {
        const res = await api(path)
        expect(res.status).toBe(404)
        expect(((await res.json()) as ApiError).error.code).toBe('document_not_found')
      }
    }
    const patch = await api('/api/documents/zzzzzzzzzzzzzzzz', { method: 'PATCH', headers: json, body: '{"title":"x"}' })
    expect(patch.status).toBe(404)
  })

  it('answers 404 for unknown routes and 405 for wrong methods, as JSON', async () => {
    const unknown = await api('/api/nothing-here')
    expect(unknown.status).toBe(404)
    expect(((await unknown.json()) as ApiError).error.code).toBe('not_found')
    const wrong = await api('/api/health', { method: 'DELETE' })
    expect(wrong.status).toBe(405)
    expect(((await wrong.json()) as ApiError).error.code).toBe('method_not_allowed')
  })

  it('rejects a body over 1 MiB with 413', async () => {
    const res = await api('/api/documents', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ title: 'x'.repeat(1024 * 1024 + 10) }),
    })
    expect(res.status).toBe(413)
    expect(((await res.json()) as ApiError).error.code).toBe('payload_too_large')
  })

  it('sends the security headers on API, static and error responses', async () => {
    for (const path of ['/api/health', '/api/nothing-here', '/', '/d/abc']) {
      const res = await api(path)
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'")
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      expect(res.headers.get('referrer-policy')).toBe('same-origin')
      expect(res.headers.get('x-frame-options')).toBe('DENY')
      await res.arrayBuffer()
    }
  })
})
