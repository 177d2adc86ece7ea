import type { IncomingMessage } from 'node:http'
import type { TLSSocket } from 'node:tls'

/** First value of a possibly repeated, comma-separated header. */
function firstHeader(req: IncomingMessage, name: string): string | undefined {
  const raw = req.headers[name]
  const value = Array.isArray(raw) ? raw[0] : raw
  return value?.split(',')[0]?.trim() || undefined
}

/** Whether the browser reached us over HTTPS (directly, or through a trusted proxy). */
export function isHttps(req: IncomingMessage, trustProxy: boolean): boolean {
  if ((req.socket as TLSSocket).encrypted) return true
  return trustProxy && firstHeader(req, 'x-forwarded-proto')?.toLowerCase() === 'https'
}

/** The client's address, for throttling: the socket's, or X-Forwarded-For's first hop behind a trusted proxy. */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = trustProxy ? firstHeader(req, 'x-forwarded-for') : undefined
  return forwarded ?? req.socket.remoteAddress ?? 'unknown'
}

/** host[:port] the browser addressed. */
export function requestHost(req: IncomingMessage, trustProxy: boolean): string | undefined {
  return (trustProxy ? firstHeader(req, 'x-forwarded-host') : undefined) ?? req.headers.host
}

/** scheme://host the browser addressed, e.g. for links in invitations. */
export function requestOrigin(req: IncomingMessage, trustProxy: boolean): string {
  return `${isHttps(req, trustProxy) ? 'https' : 'http'}://${requestHost(req, trustProxy) ?? 'localhost'}`
}

/** Where one-time links (invitations, password resets) point: PUBLIC_URL, else the address the request came to. */
export function linkBase(req: IncomingMessage, config: { publicUrl: string; trustProxy: boolean }): string {
  return config.publicUrl || requestOrigin(req, config.trustProxy)
}

/**
 * False when the request carries an Origin header naming another site than the one addressed
 * (a cross-site form post or WebSocket). No Origin (non-browser clients) is allowed.
 */
export function sameOrigin(req: IncomingMessage, trustProxy: boolean): boolean {
  const origin = req.headers.origin
  if (origin === undefined) return true
  let host: string
  try {
    host = new URL(origin).host
  } catch {
    return false
  }
  const addressed = requestHost(req, trustProxy)
  return addressed !== undefined && host.toLowerCase() === addressed.toLowerCase()
}
