import { describe, expect, it } from 'vitest'
import { MessageType } from '../../shared/protocol'
import { batchingRemoteChanges } from '../../client/collab/batchedRemoteChanges'
import { waitFor } from '../helpers/waitFor'

/**
 * What batchingRemoteChanges() uses of a browser WebSocket: its onmessage handler, kept where
 * the socket calls it (as a browser's is, whatever later becomes of the property), and close events.
 */
class Socket extends EventTarget {
  #onmessage: ((event: MessageEvent) => void) | null = null
  get onmessage() {
    return this.#onmessage
  }
  set onmessage(handler) {
    this.#onmessage = handler
  }
  receive(bytes: number[]) {
    this.#onmessage?.call(this, new MessageEvent('message', { data: new Uint8Array(bytes).buffer }))
  }
  closeNow() {
    this.dispatchEvent(new Event('close'))
  }
}

const BATCH_MS = 100
/** A batch that has waited this long goes on at the session's cue. */
const SOONEST_MS = 20
/** A co-author's edit (sync update) and caret (awareness), numbered. */
const edit = (n: number) => [MessageType.sync, 2, 1, n]
const caret = (n: number) => [MessageType.awareness, 1, n]
/** Messages that are never held: a sync step 2 and a "stored" acknowledgement. */
const step2 = (n: number) => [MessageType.sync, 1, 1, n]
const stored = (n: number) => [MessageType.stored, n]

/** `seen`: every message handed on; `together`: the messages of each batch handed on together. */
function listen(socket: Socket, typing: { now: boolean }) {
  const together: number[][][] = []
  let batch: number[][] | null = null
  const inOne = (handOnAll: () => void) => {
    batch = []
    handOnAll()
    together.push(batch)
    batch = null
  }
  const ws = batchingRemoteChanges(socket as unknown as WebSocket, () => typing.now, inOne, BATCH_MS, SOONEST_MS)
  const seen: number[][] = []
  ws.onmessage = (event: MessageEvent) => {
    const bytes = [...new Uint8Array(event.data as ArrayBuffer)]
    seen.push(bytes)
    batch?.push(bytes)
  }
  return { ws, seen, together }
}

describe('co-authors’ changes batched while the user types', () => {
  it('hands everything on at once while the user is not typing', () => {
    const socket = new Socket()
    const { seen } = listen(socket, { now: false })
    socket.receive(edit(1))
    expect(seen).toEqual([edit(1)])
    socket.receive(caret(2))
    expect(seen).toEqual([edit(1), caret(2)])
  })

  it('while the user types, hands edits and carets on together within the batch time, in order', async () => {
    const socket = new Socket()
    const typing = { now: true }
    const { seen, together } = listen(socket, typing)
    const start = performance.now()
    socket.receive(edit(1))
    socket.receive(caret(2))
    typing.now = false // what already waits still goes first
    socket.receive(edit(3))
    expect(seen).toEqual([])
    await waitFor(() => seen.length === 3)
    expect(performance.now() - start).toBeGreaterThanOrEqual(BATCH_MS - 5)
    expect(seen).toEqual([edit(1), caret(2), edit(3)])
    expect(together).toEqual([[edit(1), caret(2), edit(3)]]) // one transaction for the batch
    socket.receive(edit(4)) // nothing waits and nobody types: at once again
    expect(seen.at(-1)).toEqual(edit(4))
    expect(together).toHaveLength(1)
  })

  it('hands a batch on at the session’s cue (the user’s own edit on screen) once it has waited a while', async () => {
    const socket = new Socket()
    const { ws, seen, together } = listen(socket, { now: true })
    socket.receive(edit(1))
    socket.receive(caret(2))
    ws.userEditShown() // too soon: the batch waits on
    expect(seen).toEqual([])
    await new Promise((resolve) => setTimeout(resolve, SOONEST_MS + 5))
    socket.receive(edit(3))
    ws.userEditShown()
    expect(seen).toEqual([edit(1), caret(2), edit(3)])
    expect(together).toEqual([[edit(1), caret(2), edit(3)]]) // one batch: handed on at the cue, not by its timer
    ws.userEditShown() // nothing waits: no empty batch
    socket.receive(edit(4)) // a new batch, its own time from now
    ws.userEditShown()
    expect(seen).toHaveLength(3)
    await waitFor(() => seen.length === 4)
    expect(together).toEqual([[edit(1), caret(2), edit(3)], [edit(4)]]) // the first batch's timer did not fire again
  })

  it('hands what waits on before any other message, keeping the server’s order', () => {
    const socket = new Socket()
    const { seen } = listen(socket, { now: true })
    socket.receive(edit(1))
    socket.receive(caret(2))
    socket.receive(stored(3))
    expect(seen).toEqual([edit(1), caret(2), stored(3)])
    socket.receive(edit(4))
    socket.receive(step2(5))
    expect(seen).toEqual([edit(1), caret(2), stored(3), edit(4), step2(5)])
  })

  it('hands what waits on when the socket closes, before anyone hears of the close', () => {
    const socket = new Socket()
    const { seen } = listen(socket, { now: true })
    let seenAtClose = -1
    socket.addEventListener('close', () => (seenAtClose = seen.length))
    socket.receive(edit(1))
    socket.closeNow()
    expect(seenAtClose).toBe(1)
  })

  it('drops what waits once the provider lets go of the socket (onmessage = null)', async () => {
    const socket = new Socket()
    const { ws, seen } = listen(socket, { now: true })
    socket.receive(edit(1))
    ws.onmessage = null
    await new Promise((resolve) => setTimeout(resolve, BATCH_MS * 2))
    expect(seen).toEqual([])
  })
})
