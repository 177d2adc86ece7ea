import { GZIP_PARAM, MessageType } from '../../shared/protocol'
import { takeOverOnmessage } from './takeOverOnmessage'

/** Sync URL parameters asking the server for large messages gzipped, if this browser can unpack them. */
export function gzipParams(): Record<string, string> {
  return typeof DecompressionStream === 'function' ? { [GZIP_PARAM]: '1' } : {}
}

function isGzipped(data: unknown): data is ArrayBuffer {
  return data instanceof ArrayBuffer && data.byteLength > 0 && new Uint8Array(data, 0, 1)[0] === MessageType.gzipped
}

/**
 * The message a MessageType.gzipped message holds. Written to the stream and read back chunk by
 * chunk: through a Blob and Response.arrayBuffer(), a 1.3 MB message came out in 21–25 ms
 * instead of ~8.5 ms in Chromium, while the page's thread is what a long law's opening waits on.
 */
async function gunzip(data: ArrayBuffer): Promise<ArrayBuffer> {
  const stream = new DecompressionStream('gzip')
  const writer = stream.writable.getWriter()
  // A corrupt message fails the reading below as well; these would only repeat it, unheard.
  writer.write(new Uint8Array(data, 1)).catch(() => {})
  writer.close().catch(() => {})
  const reader = stream.readable.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    chunks.push(read.value)
    size += read.value.byteLength
  }
  const out = new Uint8Array(size)
  let at = 0
  for (const chunk of chunks) {
    out.set(chunk, at)
    at += chunk.byteLength
  }
  return out.buffer
}

/**
 * `ws`, with its onmessage handler given each gzipped message as the message it holds. The
 * provider reads every message at once, so the ones that arrive while a gzipped one is being
 * unpacked wait for it: the handler sees the server's order. One that cannot be unpacked closes
 * the socket (the provider reconnects and syncs again).
 */
export function gunzipping(ws: WebSocket): WebSocket {
  const toProvider = takeOverOnmessage(ws)
  let waiting = 0
  let broken = false
  let queue: Promise<void> = Promise.resolve()
  const handOn = (event: MessageEvent) => {
    if (!broken) toProvider(event)
  }
  ws.addEventListener('message', (event: MessageEvent) => {
    const gzipped = isGzipped(event.data)
    if (!gzipped && waiting === 0) return handOn(event)
    waiting++
    const ready = gzipped ? gunzip(event.data as ArrayBuffer) : Promise.resolve(event.data as unknown)
    queue = queue
      .then(() => ready)
      .then(
        (data) => handOn(gzipped ? new MessageEvent('message', { data }) : event),
        (err: unknown) => {
          broken = true
          console.error('Accord: a message from the server could not be unpacked; reconnecting', err)
          ws.close()
        },
      )
      // As a throwing onmessage would be: reported, and the next message still handed on.
      .catch((err: unknown) => reportError(err))
      .finally(() => waiting--)
  })
  return ws
}
