import type { ServerResponse } from 'node:http'
import type { ApiError } from '../../shared/api'
import type { HttpError } from '../errors'
import type { DownloadFile } from '../export/filename'
import { acceptsGzip, endGzipped, gzip, GZIP_FROM_BYTES } from './compression'

export { HttpError, internalError, notFound } from '../errors'

/** Sent on every HTTP response, API and static alike. */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
    "connect-src 'self' ws: wss:; frame-ancestors 'none'; base-uri 'self'; object-src 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
}

export function setSecurityHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value)
}

/** `body` as JSON; gzipped (off the event loop) when it is large and the client takes it. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const payload = JSON.stringify(body)
  const head = { ...headers, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' }
  const sendAsIs = () => {
    if (res.destroyed) return
    res.writeHead(status, { ...head, 'Content-Length': Buffer.byteLength(payload) })
    res.end(payload)
  }
  if (payload.length < GZIP_FROM_BYTES || !acceptsGzip(res.req)) {
    sendAsIs()
    return
  }
  gzip(payload).then((zipped) => endGzipped(res, status, head, zipped), sendAsIs)
}

export function sendDownload(res: ServerResponse, file: DownloadFile): void {
  const body = typeof file.body === 'string' ? Buffer.from(file.body, 'utf8') : file.body
  res.writeHead(200, {
    'Content-Type': file.contentType,
    'Content-Length': body.byteLength,
    'Content-Disposition': file.disposition,
    'Cache-Control': 'no-store',
  })
  res.end(body)
}

export function sendNoContent(res: ServerResponse): void {
  res.writeHead(204, { 'Cache-Control': 'no-store' })
  res.end()
}

export function sendError(res: ServerResponse, err: HttpError): void {
  const body: ApiError = { error: { code: err.code, message: err.message } }
  if (err.details !== undefined) body.error.details = err.details
  sendJson(res, err.status, body, err.headers)
}
