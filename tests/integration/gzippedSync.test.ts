import zlib from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import { GZIP_PARAM, MessageType } from '../../shared/protocol'
import type { ImportCreated } from '../../shared/api'
import type { DocJSON } from '../../shared/schema'
import { generateLaw } from '../../shared/diff/testing/generateLaw'
import { docJSONOf } from '../../shared/ydoc'
import { startTestServer, type TestServer } from '../helpers/server'
import { createDocument, setupAdmin, type Account } from '../helpers/accounts'
import { openRawSocket } from '../helpers/clients'
import { waitFor } from '../helpers/waitFor'

function message(type: number, write: (encoder: encoding.Encoder) => void = () => {}): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, type)
  write(encoder)
  return encoding.toUint8Array(encoder)
}

/** What a client with an empty document sends first: sync step 1, then (here) a query for awareness. */
const STEP1 = message(MessageType.sync, (e) => syncProtocol.writeSyncStep1(e, new Y.Doc()))
const QUERY_AWARENESS = message(MessageType.queryAwareness)

/** The doc a sync step 2 message carries. */
function docOfStep2(bytes: Uint8Array): Y.Doc {
  const decoder = decoding.createDecoder(bytes)
  expect(decoding.readVarUint(decoder)).toBe(MessageType.sync)
  expect(decoding.readVarUint(decoder)).toBe(syncProtocol.messageYjsSyncStep2)
  const doc = new Y.Doc()
  Y.applyUpdate(doc, decoding.readVarUint8Array(decoder))
  return doc
}

/** A generated 40-article law (~100 KB of Yjs state) as a new draft of `owner`; its id. */
async function importLongDraft(owner: Account): Promise<string> {
  const imported = await owner.json<ImportCreated>('/api/documents/import', {
    method: 'POST',
    body: JSON.stringify({ title: 'Forty articles', language: 'en', doc: generateLaw({ articles: 40 }) }),
  })
  return imported.document.id
}

const isStep2 = (m: Uint8Array) => m[0] === MessageType.sync && m[1] === syncProtocol.messageYjsSyncStep2

describe('the first sync of a long draft, gzipped for clients that ask', () => {
  let server: TestServer
  let owner: Account
  let longDoc: string
  /** The long draft as the server has it. */
  let stored: DocJSON

  beforeAll(async () => {
    server = await startTestServer()
    owner = await setupAdmin(server.url)
    longDoc = await importLongDraft(owner)
    stored = await owner.json<DocJSON>(`/api/documents/${longDoc}/content`)
    expect(stored.content?.length).toBeGreaterThan(40)
  })
  afterAll(async () => {
    await server?.close()
  })

  /** Opens a raw socket, sends step 1 and an awareness query at once, and waits for both answers. */
  async function firstSync(docId: string, query: string) {
    const raw = openRawSocket(server.wsUrl, `${docId}${query}`, { cookie: owner.cookie })
    await raw.opened
    raw.ws.send(STEP1)
    raw.ws.send(QUERY_AWARENESS)
    // The awareness answer comes last whatever the server does first: it answers in order.
    await waitFor(() => raw.messages.some((m) => m[0] === MessageType.awareness) && raw.messages.some((m) => isStep2(m) || m[0] === MessageType.gzipped))
    raw.ws.close()
    return raw.messages
  }

  it('sends the sync step 2 gzipped, before anything sent after it, and it holds the whole law', async () => {
    const messages = await firstSync(longDoc, `?${GZIP_PARAM}=1`)
    const gzipped = messages.findIndex((m) => m[0] === MessageType.gzipped)
    expect(gzipped).toBeGreaterThanOrEqual(0)
    expect(messages.some(isStep2)).toBe(false)
    // The reply to the awareness query was held until the gzipped step 2 had gone out.
    expect(messages.findIndex((m) => m[0] === MessageType.awareness)).toBeGreaterThan(gzipped)

    const inner = new Uint8Array(zlib.gunzipSync(messages[gzipped].subarray(1)))
    expect(messages[gzipped].byteLength).toBeLessThan(inner.byteLength / 2)
    expect(docJSONOf(docOfStep2(inner))).toEqual(stored)
  })

  it('sends it as is to a client that did not ask (a stock y-websocket provider)', async () => {
    const messages = await firstSync(longDoc, '')
    expect(messages.some((m) => m[0] === MessageType.gzipped)).toBe(false)
    const step2 = messages.find(isStep2)!
    expect(docJSONOf(docOfStep2(step2))).toEqual(stored)
  })

  it('sends a short draft as is even when asked', async () => {
    const short = await createDocument(owner, { title: 'Short' })
    const messages = await firstSync(short.id, `?${GZIP_PARAM}=1`)
    expect(messages.some((m) => m[0] === MessageType.gzipped)).toBe(false)
    expect(messages.some(isStep2)).toBe(true)
  })
})

describe('a client asking for the first sync again and again while it is gzipped', () => {
  it('is closed as a slow reader (1013) once what waits behind it passes MAX_BUFFERED_BYTES; others are served', async () => {
    const maxBufferedBytes = 256 * 1024
    const server = await startTestServer({ config: { maxBufferedBytes } })
    try {
      const owner = await setupAdmin(server.url)
      const docId = await importLongDraft(owner)
      const flood = openRawSocket(server.wsUrl, `${docId}?${GZIP_PARAM}=1`, { cookie: owner.cookie })
      await flood.opened
      // Each answer is ~100 KB as is; twenty of them wait behind the first while it is gzipped.
      for (let i = 0; i < 20; i++) flood.ws.send(STEP1)
      expect((await flood.closed).code).toBe(1013)

      const other = openRawSocket(server.wsUrl, `${docId}?${GZIP_PARAM}=1`, { cookie: owner.cookie })
      await other.opened
      other.ws.send(STEP1)
      await waitFor(() => other.messages.some((m) => m[0] === MessageType.gzipped))
      other.ws.close()
    } finally {
      await server.close()
    }
  })
})

