import type { IncomingMessage } from 'node:http'
import { ErrorCode } from '../../shared/api'
import { HttpError } from './respond'

export const MAX_BODY_BYTES = 1024 * 1024

/** How much of an oversized body we read (and discard) so the client gets its 413 cleanly. */
const MAX_DRAIN_BYTES = 16 * 1024 * 1024

const tooLarge = (limit = MAX_BODY_BYTES) =>
  new HttpError(413, ErrorCode.payloadTooLarge, `request body over ${limit} bytes`, undefined, {
    Connection: 'close',
  })

/**
 * Reads a JSON request body of at most `limit` bytes. Requires a JSON content type: a plain
 * HTML form cannot send one cross-site, which keeps simple CSRF out of the API.
 */
export async function readJsonBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<unknown> {
  const type = req.headers['content-type'] ?? ''
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    req.resume()
    throw new HttpError(415, ErrorCode.unsupportedMediaType, 'expected Content-Type: application/json')
  }
  const text = Buffer.from(await readRawBody(req, limit)).toString('utf8')
  if (text.trim() === '') throw new HttpError(400, ErrorCode.badRequest, 'empty body')
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw new HttpError(400, ErrorCode.badRequest, 'body is not valid JSON')
  }
}

/** Reads a raw request body (an uploaded file) of at most `limit` bytes; 413 beyond it, `empty()` thrown for none. */
export async function readRawBody(req: IncomingMessage, limit: number, empty: () => Error = () => new HttpError(400, ErrorCode.badRequest, 'empty body')): Promise<Uint8Array> {
  const declared = Number(req.headers['content-length'])
  if (Number.isFinite(declared) && declared > limit) {
    req.resume()
    throw tooLarge(limit)
  }
  const chunks: Buffer[] = []
  let size = 0
  await new Promise<void>((resolve, reject) => {
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= limit) chunks.push(chunk)
      else if (size > limit + MAX_DRAIN_BYTES) {
        req.destroy()
        resolve()
      }
    })
    req.on('end', () => resolve())
    req.on('error', reject)
    req.on('aborted', () => reject(new HttpError(400, ErrorCode.badRequest, 'request aborted')))
  })
  if (size > limit) throw tooLarge(limit)
  if (size === 0) throw empty()
  const body = Buffer.concat(chunks)
  return new Uint8Array(body.buffer, body.byteOffset, body.byteLength)
}
