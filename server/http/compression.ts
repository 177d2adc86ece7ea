import zlib from 'node:zlib'
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http'

/**
 * Gzip for what the server sends over HTTP (and a long draft's first sync, see
 * collab/gzipped.ts): drafters reach it from six countries, and the client bundle (~1.2 MB of
 * JavaScript) or a comparison of a long law (~1.2 MB of JSON) shrinks 4–6×. Compression runs in
 * libuv's thread pool, never on the event loop that passes edits on.
 */

/** Bodies from this size up are gzipped for clients that take it; smaller ones gain little. */
export const GZIP_FROM_BYTES = 8 * 1024

/** Whether the request's Accept-Encoding takes gzip (not refused with q=0). */
export function acceptsGzip(req: IncomingMessage | undefined): boolean {
  const header = req?.headers['accept-encoding']
  if (typeof header !== 'string') return false
  return header.split(',').some((part) => {
    const [name, ...params] = part.trim().toLowerCase().split(';')
    if (name.trim() !== 'gzip' && name.trim() !== '*') return false
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    return q === undefined || Number(q.slice(2)) > 0
  })
}

export function gzip(body: string | Uint8Array, level: number = zlib.constants.Z_DEFAULT_COMPRESSION): Promise<Buffer> {
  return new Promise((resolve, reject) => zlib.gzip(body, { level }, (err, out) => (err ? reject(err) : resolve(out))))
}

/** Ends `res` with a gzipped body (none for a HEAD request), unless the client has gone meanwhile. */
export function endGzipped(res: ServerResponse, status: number, headers: OutgoingHttpHeaders, zipped: Buffer, withBody = true): void {
  if (res.destroyed) return
  res.writeHead(status, { ...headers, 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding', 'Content-Length': zipped.byteLength })
  res.end(withBody ? zipped : undefined)
}
