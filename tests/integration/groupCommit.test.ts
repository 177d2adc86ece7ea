import type { Socket } from 'node:net'
import * as Y from 'yjs'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import { afterEach, describe, expect, it } from 'vitest'
import { MessageType } from '../../shared/protocol'
import { readStoredAck } from '../../shared/storedAck'
import { removeDir, tempDataDir } from '../helpers/server'
import { startChildServer, type ChildServer } from '../helpers/childServer'
import { createDocument, setupAdmin } from '../helpers/accounts'
import { clauseText, connectClient, insertText, openRawSocket, waitSynced, type TestClient } from '../helpers/clients'
import { waitFor } from '../helpers/waitFor'

function updateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.sync)
  syncProtocol.writeUpdate(encoder, update)
  return encoding.toUint8Array(encoder)
}

describe('group commit (updates of one event-loop turn in one transaction)', () => {
  const cleanups: (() => unknown)[] = []
  const clients: TestClient[] = []
  afterEach(async () => {
    clients.splice(0).forEach((c) => c.destroy())
    for (const cleanup of cleanups.splice(0)) await cleanup()
  })

  it('keeps both updates of one turn once both are acknowledged, through a SIGKILL', async () => {
    const dir = await tempDataDir()
    cleanups.push(() => removeDir(dir))
    let child: ChildServer = await startChildServer({ dataDir: dir })
    cleanups.unshift(() => child.kill())
    const owner = await setupAdmin(child.url)
    const { id } = await createDocument(owner)

    // Two edits prepared on a synced copy, sent as two frames in one TCP write: one server turn.
    const prep = connectClient(child.wsUrl, id, { cookie: owner.cookie })
    clients.push(prep)
    await waitSynced(prep)
    const updates: Uint8Array[] = []
    prep.provider.disconnect()
    prep.ydoc.on('update', (u: Uint8Array) => updates.push(u))
    insertText(prep.ydoc, 'first ', { index: 0 })
    insertText(prep.ydoc, 'second', { index: 6 })
    expect(updates).toHaveLength(2)

    const raw = openRawSocket(child.wsUrl, id, { cookie: owner.cookie })
    await raw.opened
    const socket = (raw.ws as unknown as { _socket: Socket })._socket
    socket.cork()
    for (const u of updates) raw.ws.send(updateFrame(u))
    socket.uncork()

    const acks = () =>
      raw.messages
        .map((m) => decoding.createDecoder(m))
        .filter((d) => decoding.readVarUint(d) === MessageType.stored)
        .map((d) => readStoredAck(d))
        .filter((ack) => ack.syncType === syncProtocol.messageYjsUpdate)
    await waitFor(() => acks().length === 2)
    // One commit: the first acknowledgement already covers the second update.
    const own = Y.decodeStateVector(Y.encodeStateVector(prep.ydoc)).get(prep.ydoc.clientID)
    for (const ack of acks()) expect(Y.decodeStateVector(ack.stateVector).get(prep.ydoc.clientID)).toBe(own)

    await child.kill()
    child = await startChildServer({ dataDir: dir })
    const fresh = connectClient(child.wsUrl, id, { cookie: owner.cookie })
    clients.push(fresh)
    await waitFor(() => expect(clauseText(fresh.ydoc)).toBe('first second'), 10_000)
  })
})
