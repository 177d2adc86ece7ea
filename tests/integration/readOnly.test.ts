import * as Y from 'yjs'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import { afterEach, describe, expect, it } from 'vitest'
import { MessageType, READ_ONLY_REASON } from '../../shared/protocol'
import type { DocJSON } from '../../shared/schema'
import { removeDir, startTestServer, tempDataDir, type TestServer } from '../helpers/server'
import { bindAccount, createCast, createDocument, shareWithCast, type Account } from '../helpers/accounts'
import { connectClient, contentOf, elementText, nthElement, openRawSocket, waitSynced, type TestClient } from '../helpers/clients'
import { waitFor } from '../helpers/waitFor'

/** What a raw y-protocols client has received, decoded. */
function decodeFrames(frames: Uint8Array[]) {
  const roles: string[] = []
  const denied: string[] = []
  for (const frame of frames) {
    const decoder = decoding.createDecoder(frame)
    const type = decoding.readVarUint(decoder)
    if (type === MessageType.role) roles.push(decoding.readVarString(decoder))
    if (type === MessageType.auth && decoding.readVarUint(decoder) === 0) denied.push(decoding.readVarString(decoder))
  }
  return { roles, denied }
}

function syncFrame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.sync)
  write(encoder)
  return encoding.toUint8Array(encoder)
}

describe('a reviewer cannot change the text, whatever they send', () => {
  const cleanups: (() => unknown)[] = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup()
  })

  it('a raw y-protocols client with a reviewer session rewriting Article 1 changes nothing anywhere', async () => {
    const dataDir = await tempDataDir()
    cleanups.push(() => removeDir(dataDir))
    let server: TestServer = await startTestServer({ dataDir })
    cleanups.unshift(() => server.close())
    const cast = await createCast(server.url)
    const { id } = await createDocument(cast.owner, { title: 'Sample', template: 'sample' })
    await shareWithCast(cast, id)
    const content = async (owner: Account) => (await (await owner.api(`/api/documents/${id}/content`)).json()) as DocJSON
    const original = await content(cast.owner)

    const clients: TestClient[] = []
    cleanups.unshift(() => clients.forEach((c) => c.destroy()))
    const ownerClient = connectClient(server.wsUrl, id, { cookie: cast.owner.cookie })
    const drafterClient = connectClient(server.wsUrl, id, { cookie: cast.drafter.cookie })
    clients.push(ownerClient, drafterClient)
    await Promise.all([waitSynced(ownerClient), waitSynced(drafterClient)])

    // The raw client: its own sync handshake, then a crafted update.
    const raw = openRawSocket(server.wsUrl, id, { cookie: cast.reviewer.cookie })
    cleanups.unshift(() => raw.ws.terminate())
    await raw.opened
    const local = new Y.Doc()
    raw.ws.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data))
      if (decoding.readVarUint(decoder) === MessageType.sync) {
        syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), local, 'server')
      }
    })
    raw.ws.send(syncFrame((e) => syncProtocol.writeSyncStep1(e, local)))
    await waitFor(() => expect(elementText(local, 'articleHeading', 0)).not.toBe(''))
    const serverVector = Y.encodeStateVector(local)

    const updates: Uint8Array[] = []
    local.on('update', (update: Uint8Array) => updates.push(update))
    local.transact(() => {
      const heading = nthElement(local, 'articleHeading', 0).get(0) as Y.XmlText
      heading.delete(0, heading.length)
      heading.insert(0, 'Rewritten by the reviewer')
      const clause = nthElement(local, 'clause', 0).get(0) as Y.XmlText
      clause.delete(0, clause.length)
    })
    expect(updates).toHaveLength(1)
    // Sent both ways a client can: as an update, and as a sync step 2 of everything it has.
    raw.ws.send(syncFrame((e) => syncProtocol.writeUpdate(e, updates[0])))
    raw.ws.send(syncFrame((e) => syncProtocol.writeSyncStep2(e, local, serverVector)))

    await waitFor(() => expect(decodeFrames(raw.messages).denied).toEqual([READ_ONLY_REASON, READ_ONLY_REASON]))
    expect(decodeFrames(raw.messages).roles).toEqual(['reviewer'])
    expect(raw.ws.readyState).toBe(raw.ws.OPEN) // told, not thrown out

    // Stored document, via HTTP and via a fresh connection; the clients already there.
    expect(await content(cast.owner)).toEqual(original)
    const fresh = connectClient(server.wsUrl, id, { cookie: cast.owner.cookie })
    clients.push(fresh)
    await waitSynced(fresh)
    expect(contentOf(fresh.ydoc)).toEqual(original)
    for (const client of [ownerClient, drafterClient]) {
      expect(contentOf(client.ydoc)).toEqual(original)
      expect(elementText(client.ydoc, 'articleHeading', 0)).not.toContain('Rewritten')
    }

    // And after a restart, from disk alone (sessions survive in the database).
    raw.ws.terminate()
    clients.splice(0).forEach((c) => c.destroy())
    await server.close()
    server = await startTestServer({ dataDir })
    expect(await content(bindAccount(server.url, cast.owner))).toEqual(original)
  })
})
