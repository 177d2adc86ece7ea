import net from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { nativeAddon } from '../../server/nativeAddon'
import { frameWriter, writesTogether } from '../../server/collab/socketWrite'

/** A connected loopback pair: `server` is the side frames are written to, `client` reads them. */
async function socketPair(): Promise<{ server: net.Socket; client: net.Socket; close: () => void }> {
  const listener = net.createServer()
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve))
  const accepted = new Promise<net.Socket>((resolve) => listener.once('connection', resolve))
  const client = net.connect((listener.address() as net.AddressInfo).port, '127.0.0.1')
  const server = await accepted
  await new Promise<void>((resolve) => (client.connecting ? client.once('connect', () => resolve()) : resolve()))
  return {
    server,
    client,
    close: () => {
      server.destroy()
      client.destroy()
      listener.close()
    },
  }
}

/** Everything `client` receives until `length` bytes have come. */
function received(client: net.Socket, length: number): Promise<Buffer> {
  const chunks: Buffer[] = []
  let got = 0
  return new Promise((resolve) => {
    client.on('data', (chunk: Buffer) => {
      chunks.push(chunk)
      got += chunk.length
      if (got >= length) resolve(Buffer.concat(chunks))
    })
    client.resume()
  })
}

const frame = (n: number, size: number) => Buffer.alloc(size, n % 251)

describe('writing broadcast frames straight to a socket', () => {
  let close = () => {}
  afterEach(() => close())

  it('is available here: npm install built the socket-write addon', () => {
    expect(nativeAddon('socket_write')).toHaveProperty('addon')
  })

  it('writes to an idle socket with one system call, past the stream', async () => {
    const pair = await socketPair()
    close = pair.close
    const write = frameWriter(pair.server)
    const bytes = frame(1, 64)
    const got = received(pair.client, bytes.length)
    write(bytes)
    expect(pair.server.writableLength).toBe(0)
    expect(pair.server.bytesWritten).toBe(0) // not through net.Socket.write
    expect(await got).toEqual(bytes)
  })

  it('keeps every byte in order while the reader lags: what the kernel does not take queues, and later frames queue behind it', async () => {
    const pair = await socketPair()
    close = pair.close
    const write = frameWriter(pair.server)
    const sent: Buffer[] = []
    for (let i = 0; i < 600; i++) sent.push(frame(i, 48 * 1024 + i))
    const all = Buffer.concat(sent)
    const got = received(pair.client, all.length)
    let direct = 0
    let queued = 0
    // Batches far bigger than the loopback buffers, with event-loop turns between them in which
    // the reader reads and libuv drains part of the queue: a frame written straight to the kernel
    // then would overtake what is queued.
    for (let i = 0; i < sent.length; i++) {
      const before = pair.server.writableLength
      // Frames ws writes itself (pings, closes) go through the stream: they must keep their place too.
      if (i % 50 === 25) pair.server.write(sent[i])
      else write(sent[i])
      if (before === 0 && pair.server.writableLength === 0) direct++
      if (before > 0) queued++
      if (i % 40 === 39) await new Promise((resolve) => setImmediate(resolve))
    }
    expect(direct).toBeGreaterThan(0)
    expect(queued).toBeGreaterThan(0)
    const bytes = await got
    expect(bytes.length).toBe(all.length)
    expect(bytes.equals(all)).toBe(true)
  })

  it('leaves a corked socket to the stream, so frames of one tick still leave in one write', async () => {
    const pair = await socketPair()
    close = pair.close
    const write = frameWriter(pair.server)
    const a = frame(1, 32)
    const b = frame(2, 32)
    const got = received(pair.client, 64)
    pair.server.cork()
    write(a)
    write(b)
    expect(pair.server.writableLength).toBe(64) // held by the cork, not written
    pair.server.uncork()
    expect(await got).toEqual(Buffer.concat([a, b]))
  })

  it('hands a write to a socket whose peer has gone to the stream, which reports it as an error', async () => {
    const pair = await socketPair()
    close = pair.close
    const write = frameWriter(pair.server)
    const gone = new Promise((resolve) => pair.server.once('close', resolve))
    const errored = new Promise<Error>((resolve) => pair.server.once('error', resolve))
    pair.client.resetAndDestroy()
    await new Promise((resolve) => setTimeout(resolve, 50))
    for (let i = 0; i < 5 && !pair.server.destroyed; i++) write(frame(i, 1024))
    expect((await errored).message).toMatch(/EPIPE|ECONNRESET/)
    await gone
  })
})

describe('writing one frame to many sockets together', () => {
  let closers: (() => void)[] = []
  afterEach(() => {
    for (const close of closers) close()
    closers = []
  })

  async function pairs(n: number) {
    const all = await Promise.all(Array.from({ length: n }, () => socketPair()))
    closers.push(...all.map((p) => p.close))
    return all.map((p) => ({ ...p, write: frameWriter(p.server) }))
  }

  it('delivers the frame to every idle socket, past the streams, once the sends are over', async () => {
    const sockets = await pairs(6)
    const bytes = frame(7, 300)
    const got = sockets.map((p) => received(p.client, bytes.length))
    writesTogether(() => {
      for (const p of sockets) p.write(bytes)
    })
    for (const p of sockets) {
      expect(p.server.writableLength).toBe(0)
      expect(p.server.bytesWritten).toBe(0) // not through net.Socket.write
    }
    for (const g of got) expect(await g).toEqual(bytes)
  })

  it('keeps every socket\'s bytes in order: a second frame to one socket, other frames, lagging readers, full buffers', async () => {
    const sockets = await pairs(4)
    const sent: Buffer[][] = sockets.map(() => [])
    const totals = [0, 0, 0, 0]
    const frames: Buffer[] = []
    for (let i = 0; i < 300; i++) frames.push(frame(i, 40 * 1024 + i))
    // Every socket's expected bytes, decided up front so the readers know how much to wait for.
    const plan = frames.map((_, i) => sockets.map((_, s) => (i + s) % 5 !== 0))
    plan.forEach((row, i) => row.forEach((on, s) => on && (sent[s].push(frames[i]), (totals[s] += frames[i].length))))
    // Socket 1 also gets every tenth frame twice in a row (a second frame in the same batch).
    for (let i = 0; i < frames.length; i += 10) {
      sent[1].splice(sent[1].indexOf(frames[i]) + 1, 0, frames[(i + 1) % frames.length])
      totals[1] += frames[(i + 1) % frames.length].length
    }
    // Socket 3 reads only after everything is sent: its buffers fill, and its frames queue.
    sockets[3].client.pause()
    const got = sockets.slice(0, 3).map((p, s) => received(p.client, totals[s]))
    for (let i = 0; i < frames.length; i++) {
      writesTogether(() => {
        sockets.forEach((p, s) => {
          if (!plan[i][s]) return
          p.write(frames[i])
          if (s === 1 && i % 10 === 0) p.write(frames[(i + 1) % frames.length])
        })
      })
      if (i % 30 === 29) await new Promise((resolve) => setImmediate(resolve))
    }
    expect(sockets[3].server.writableLength).toBeGreaterThan(0) // the kernel did not take it all
    const late = received(sockets[3].client, totals[3])
    for (const [s, g] of [...got, late].entries()) {
      const bytes = await g
      expect(bytes.length, `socket ${s}`).toBe(totals[s])
      expect(bytes.equals(Buffer.concat(sent[s])), `socket ${s}`).toBe(true)
    }
  })

  it('reports a peer that has gone as that socket\'s error, and still delivers to the others', async () => {
    const [gone, ...others] = await pairs(3)
    const errored = new Promise<Error>((resolve) => gone.server.once('error', resolve))
    gone.client.resetAndDestroy()
    await new Promise((resolve) => setTimeout(resolve, 50))
    const bytes = frame(3, 2048)
    const got = others.map((p) => received(p.client, bytes.length * 5))
    for (let i = 0; i < 5; i++) {
      writesTogether(() => {
        for (const p of [gone, ...others]) if (!p.server.destroyed) p.write(bytes)
      })
    }
    expect((await errored).message).toMatch(/EPIPE|ECONNRESET/)
    for (const g of got) expect((await g).equals(Buffer.concat(Array(5).fill(bytes)))).toBe(true)
  })
})

