import http from 'node:http'
import { randomBytes } from 'node:crypto'

/** What the server answered to a WebSocket upgrade request, before any WebSocket exists. */
export interface UpgradeAnswer {
  /** 101 when it switched protocols (the socket is then dropped at once), else the HTTP status. */
  status: number
  retryAfter: string | undefined
}

export interface UpgradeAttempt {
  cookie?: string
  origin?: string
  /** Source address of the attempt, e.g. 127.0.0.2, so floods can come from their own address. */
  localAddress?: string
}

/**
 * A bare upgrade request to `/sync/<docId>`, as cheap as an attacker would make it: tells whether
 * the server refused it as plain HTTP (and how) or went on to the WebSocket handshake.
 */
export function tryUpgrade(baseUrl: string, docId: string, attempt: UpgradeAttempt = {}): Promise<UpgradeAnswer> {
  const { hostname, port } = new URL(baseUrl)
  const headers: Record<string, string> = {
    Connection: 'Upgrade',
    Upgrade: 'websocket',
    'Sec-WebSocket-Version': '13',
    'Sec-WebSocket-Key': randomBytes(16).toString('base64'),
  }
  if (attempt.cookie) headers.Cookie = attempt.cookie
  if (attempt.origin) headers.Origin = attempt.origin
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname, port, path: `/sync/${docId}`, headers, localAddress: attempt.localAddress, agent: false })
    req.on('upgrade', (_res, socket) => {
      socket.destroy()
      resolve({ status: 101, retryAfter: undefined })
    })
    req.on('response', (res) => {
      res.resume()
      resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'] })
    })
    req.on('error', reject)
    req.end()
  })
}
