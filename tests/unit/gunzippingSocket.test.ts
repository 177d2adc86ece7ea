import zlib from 'node:zlib'
import { describe, expect, it, vi } from 'vitest'
import { MessageType } from '../../shared/protocol'
import { gunzipping } from '../../client/collab/gunzippingSocket'
import { waitFor } from '../helpers/waitFor'

/** What gunzipping() uses of a browser WebSocket: its message events and close(). */
class Socket extends EventTarget {
  closed = false
  close() {
    this.closed = true
  }
  receive(bytes: Uint8Array) {
    this.dispatchEvent(new MessageEvent('message', { data: bytes.slice().buffer }))
  }
}

const plain = (n: number) => new Uint8Array([MessageType.sync, 2, 1, n])
const gzipped = (inner: Uint8Array) => new Uint8Array([MessageType.gzipped, ...zlib.gzipSync(inner)])

function listen(socket: Socket) {
  const ws = gunzipping(socket as unknown as WebSocket)
  const seen: number[][] = []
  ws.onmessage = (event: MessageEvent) => seen.push([...new Uint8Array(event.data as ArrayBuffer)])
  return { ws, seen }
}

describe('the provider’s socket unpacking gzipped messages', () => {
  it('hands a gzipped message on unpacked, and the messages after it only after it, in order', async () => {
    const socket = new Socket()
    const { seen } = listen(socket)
    socket.receive(plain(1))
    socket.receive(gzipped(plain(2)))
    socket.receive(plain(3))
    socket.receive(gzipped(plain(4)))
    socket.receive(plain(5))
    expect(seen).toEqual([[...plain(1)]]) // the rest waits for the first gzipped one
    await waitFor(() => seen.length === 5)
    expect(seen).toEqual([1, 2, 3, 4, 5].map((n) => [...plain(n)]))
    socket.receive(plain(6)) // nothing waits: at once again
    expect(seen.at(-1)).toEqual([...plain(6)])
  })

  it('hands nothing on once the provider has let go of the socket (onmessage = null)', async () => {
    const socket = new Socket()
    const { ws, seen } = listen(socket)
    socket.receive(gzipped(plain(1)))
    socket.receive(plain(2))
    ws.onmessage = null
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(seen).toEqual([])
  })

  it('closes the socket on a message that cannot be unpacked, and hands nothing after it on', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    const socket = new Socket()
    const { seen } = listen(socket)
    socket.receive(new Uint8Array([MessageType.gzipped, 1, 2, 3, 4]))
    socket.receive(plain(2))
    await waitFor(() => socket.closed)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(seen).toEqual([])
    expect(logged).toHaveBeenCalledOnce()
    logged.mockRestore()
  })
})
