import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import { binaryFrame, frameOf } from '../../server/collab/frame'
import { syncUpdateMessage } from '../../server/collab/messages'

// ws's own frame parser (not in its type declarations): what a client makes of our frames.
const { Receiver } = createRequire(import.meta.url)('ws') as {
  Receiver: new (options: { isServer: boolean; binaryType: string }) => NodeJS.WritableStream & {
    on(event: 'message', listener: (data: Buffer, isBinary: boolean) => void): void
  }
}

function parse(frames: Buffer[]): { data: Buffer; isBinary: boolean }[] {
  const receiver = new Receiver({ isServer: false, binaryType: 'nodebuffer' })
  const out: { data: Buffer; isBinary: boolean }[] = []
  receiver.on('message', (data, isBinary) => out.push({ data, isBinary }))
  receiver.write(Buffer.concat(frames))
  return out
}

describe('prebuilt WebSocket frames', () => {
  it('frames payloads of every length class as ws reads them', () => {
    const payloads = [0, 1, 125, 126, 65535, 65536, 70_000].map((n) => Uint8Array.from({ length: n }, (_, i) => (i * 7) % 256))
    const parsed = parse(payloads.map(binaryFrame))
    expect(parsed).toHaveLength(payloads.length)
    parsed.forEach((m, i) => {
      expect(m.isBinary).toBe(true)
      expect(new Uint8Array(m.data)).toEqual(payloads[i])
    })
  })

  it('builds the frame of a broadcast message once', () => {
    const message = new Uint8Array([0, 2, 1, 2, 3])
    expect(frameOf(message)).toBe(frameOf(message))
    expect(frameOf(new Uint8Array([0, 2, 1, 2, 3]))).not.toBe(frameOf(message))
  })

  it('writes a sync update, as y-protocols encodes it, straight into the frame that goes out', () => {
    for (const n of [0, 5, 121, 124, 125, 126, 127, 128, 20_000, 65_531, 70_000]) {
      const update = Uint8Array.from({ length: n }, (_, i) => (i * 13) % 256)
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, 0)
      syncProtocol.writeUpdate(encoder, update)
      const message = syncUpdateMessage(update)
      expect(new Uint8Array(message)).toEqual(encoding.toUint8Array(encoder))
      const frame = frameOf(message)
      expect(frame.buffer).toBe(message.buffer) // the message's own frame, not a copy
      expect(new Uint8Array(parse([frame])[0].data)).toEqual(new Uint8Array(message))
    }
  })
})
