import path from 'node:path'
import Database from 'better-sqlite3'
import * as Y from 'yjs'
import * as decoding from 'lib0/decoding'
import * as syncProtocol from 'y-protocols/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MessageType, TEXT_FIELD } from '../../shared/protocol'
import { DB_FILE } from '../../server/db/connection'
import { startTestServer, type TestServer } from '../helpers/server'
import { createDocument, setupAdmin, type Account } from '../helpers/accounts'
import { connectClient, insertText, openRawSocket, waitSaved, waitSynced } from '../helpers/clients'
import { syncFrame } from '../helpers/rawSync'
import { waitFor } from '../helpers/waitFor'
import { writeDocJSON } from '../../shared/ydoc'
import { LostTextRestorer } from '../../shared/collab/lostTextRestorer'
import type { LostText } from '../../shared/collab/lostText'
import { shiftLevel } from '../../shared/editor/commands'
import { fixtureLaw, nodeWithId } from '../helpers/editorState'
import { HeadlessEditor } from '../helpers/headlessEditor'

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

/** The text of the element with stable id `id` (the first, if a copy is left beside it). */
function textWithId(doc: Y.Doc, id: string): Y.XmlText {
  for (const el of doc.getXmlFragment(TEXT_FIELD).createTreeWalker((n) => n instanceof Y.XmlElement && n.getAttribute('id') === id)) {
    return (el as Y.XmlElement).toArray().find((c): c is Y.XmlText => c instanceof Y.XmlText)!
  }
  throw new Error(`no element with id ${id}`)
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

  it('that deletes an element reaches the others naming the words in it its author never had, so a browser types again only its own words still on their way', async () => {
    const { id } = await createDocument(admin)
    const typist = connectClient(s.wsUrl, id, { cookie: admin.cookie })
    await waitSynced(typist)
    writeDocJSON(typist.ydoc, fixtureLaw())
    await waitSaved(typist)
    const mover = connectClient(s.wsUrl, id, { cookie: admin.cookie })
    await waitSynced(mover)
    mover.provider.disconnect()

    // The server has words typed at the end of a sub-point; the mover has not seen them.
    const typed = textWithId(typist.ydoc, 's1')
    typed.insert(typed.length, ' NEW')
    await waitSaved(typist)
    // The typist's browser as it stands now, with its half of restoring lost words (lostTextRestorer.ts).
    const browser = new Y.Doc()
    Y.applyUpdate(browser, Y.encodeStateAsUpdate(typist.ydoc))
    browser.clientID = typist.ydoc.clientID // the same replica: it restores only its own words
    const FROM_SERVER = Symbol('server')
    const restored: LostText[][] = []
    const restorer = new LostTextRestorer(browser, (origin) => origin === FROM_SERVER, Symbol('restored'), (lost) => restored.push(lost))
    // ...where the typist has typed on: words still on their way, which the server does not have.
    const inFlight = textWithId(browser, 's1')
    inFlight.insert(inFlight.length, ' MORE')

    // The mover makes the sub-point a point: the editor binding deletes it and inserts a copy.
    const edits: Uint8Array[] = []
    mover.ydoc.on('update', (u: Uint8Array) => edits.push(u))
    const editor = new HeadlessEditor(mover.ydoc)
    const sub = nodeWithId(editor.state.doc, 's1')!
    editor.select(sub.pos + sub.node.nodeSize - 1)
    expect(editor.run(shiftLevel(-1))).toBe(true)
    const observer = openRawSocket(s.wsUrl, id, { cookie: admin.cookie })
    const sender = openRawSocket(s.wsUrl, id, { cookie: admin.cookie })
    await Promise.all([observer.opened, sender.opened])
    for (const edit of edits) sender.ws.send(syncFrame(syncProtocol.messageYjsUpdate, edit))

    // The server types the words again into the copy (it had them), once.
    await waitFor(() => expect(textWithId(typist.ydoc, 's1').toString()).toBe('a sub-point. NEW'))
    // The typist's browser receives what the server passes on.
    let received = 0
    await waitFor(() => {
      for (const update of passedOn(observer.messages).slice(received)) {
        restorer.receive(update)
        Y.applyUpdate(browser, update, FROM_SERVER)
        received++
      }
      // The copy, a point now, with the words the server typed into it.
      expect(browser.getXmlFragment(TEXT_FIELD).toString()).toMatch(/<point id="s1">[^<]*NEW/)
    })
    // The browser types again only the words the server did not have.
    expect(textWithId(browser, 's1').toString()).toBe('a sub-point. NEW MORE')
    expect(restored.flat().map((lost) => lost.text)).toEqual([' MORE'])

    restorer.destroy()
    for (const raw of [observer, sender]) raw.ws.terminate()
    for (const client of [typist, mover]) client.destroy()
    browser.destroy()
  })
})
