import path from 'node:path'
import Database from 'better-sqlite3'
import * as Y from 'yjs'
import * as decoding from 'lib0/decoding'
import * as syncProtocol from 'y-protocols/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MessageType } from '../../shared/protocol'
import { DB_FILE } from '../../server/db/connection'
import { startTestServer, type TestServer } from '../helpers/server'
import { createDocument, setupAdmin, type Account } from '../helpers/accounts'
import { connectClient, insertText, openRawSocket, waitSynced } from '../helpers/clients'
import { syncFrame } from '../helpers/rawSync'
import { waitFor } from '../helpers/waitFor'

/** The updates of the sync messages among `messages` (type 2: an update passed on). */
function passedOn(messages: readonly Uint8Array[]): Uint8Array[] {
  const updates: Uint8Array[] = []
  for (const message of messages) {
    const decoder = decoding.createDecoder(message)
    if (decoding.readVarUint(decoder) !== MessageType.sync) continue
    if (decoding.readVarUint(decoder) !== syncProtocol.messageYjsUpdate) continue
    updates.push(decoding.readVarUint8Array(decoder))
  }
  return updates
}

describe('a live edit', () => {
  let s: TestServer
  let admin: Account
  beforeAll(async () => {
    s = await startTestServer()
    admin = await setupAdmin(s.url)
  })
  afterAll(() => s.close())

  it('reaches the others as its author sent it, once: sent again, it is neither passed on nor stored again', async () => {
    const { id } = await createDocument(admin)
    const author = connectClient(s.wsUrl, id, { cookie: admin.cookie })
    await waitSynced(author)
    const edits: Uint8Array[] = []
    author.ydoc.on('update', (u: Uint8Array) => edits.push(u))
    author.provider.disconnect()
    insertText(author.ydoc, 'Статья ', { index: 0 })
    expect(edits).toHaveLength(1)

    const observer = openRawSocket(s.wsUrl, id, { cookie: admin.cookie })
    const sender = openRawSocket(s.wsUrl, id, { cookie: admin.cookie })
    await Promise.all([observer.opened, sender.opened])
    // What the update log holds for the draft, read beside the server (rows land there within a second).
    const db = new Database(path.join(s.dataDir, DB_FILE), { readonly: true })
    const logged = () =>
      db.prepare<[string], { data: Buffer }>('SELECT data FROM doc_updates WHERE doc_id = ? ORDER BY seq').all(id).map((r) => new Uint8Array(r.data))
    const before = logged().length
    sender.ws.send(syncFrame(syncProtocol.messageYjsUpdate, edits[0]))
    await waitFor(() => expect(passedOn(observer.messages)).toHaveLength(1))
    expect(passedOn(observer.messages)[0]).toEqual(edits[0])

    sender.ws.send(syncFrame(syncProtocol.messageYjsUpdate, edits[0]))
    // A later edit shows that the repeat was handled (frames of one connection are handled in order).
    const next = new Y.Doc()
    Y.applyUpdate(next, Y.encodeStateAsUpdate(author.ydoc))
    next.on('update', (u: Uint8Array) => edits.push(u))
    insertText(next, 'X', { index: 0 })
    sender.ws.send(syncFrame(syncProtocol.messageYjsUpdate, edits[1]))
    await waitFor(() => expect(passedOn(observer.messages)).toHaveLength(2))
    expect(passedOn(observer.messages)[1]).toEqual(edits[1])
    // Once the later edit is in the log, so is everything before it: the repeat is not.
    await waitFor(() => expect(logged().at(-1)).toEqual(edits[1]))
    expect(logged().slice(before)).toEqual([edits[0], edits[1]])
    db.close()

    for (const raw of [observer, sender]) raw.ws.terminate()
    author.destroy()
    next.destroy()
  })
})
