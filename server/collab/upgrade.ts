import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type { WebSocket, WebSocketServer } from 'ws'
import { CloseCode, CloseReason, SYNC_PATH } from '../../shared/protocol'
import { DOCUMENT_ID_PATTERN } from '../../shared/ids'
import type { DocumentsRepo } from '../db/documentsRepo'
import type { AccessRepo } from '../db/accessRepo'
import type { VisitsRepo } from '../db/visitsRepo'
import type { Logger } from '../logger'
import type { Sessions } from '../auth/sessions'
import { clientAddress, sameOrigin } from '../auth/request'
import type { StorageHealth } from '../storage/storageHealth'
import { Connection, type ConnectionOptions } from './connection'
import { identityOf } from './liveAccess'
import { ShuttingDown, type Rooms } from './rooms'
import { limitMessages, type Admission, type HttpRefusal } from './admission'
import { beforeHandshake } from './preflight'
import { bindsOtherSchema, clientOptionsOf } from './clientOptions'

export interface UpgradeOptions extends ConnectionOptions {
  wss: WebSocketServer
  repo: DocumentsRepo
  access: AccessRepo
  sessions: Sessions
  rooms: Rooms
  log: Logger
  trustProxy: boolean
  /** Connection and message limits (admission.ts). */
  admission: Admission
  /** Documents whose storage just failed are refused (4503) without loading them. */
  health: StorageHealth
  /** When each person leaves a draft (for "since your last visit", server/services/visits.ts). */
  visits: VisitsRepo
}

function rejectHttp(socket: Duplex, status: number, text: string, headers = ''): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n${headers}\r\n`)
  socket.destroy()
}

function rejectTooMany(socket: Duplex, refusal: HttpRefusal): void {
  rejectHttp(socket, refusal.status, refusal.text, `Retry-After: ${refusal.retryAfterSeconds}\r\n`)
}

/** How long a refused WebSocket may take to answer our close frame before it is cut. */
const REFUSAL_GRACE_MS = 1000

/** The document id of `/sync/<docId>` (query string ignored), or null for any other path. */
export function syncDocId(url: string | undefined): string | null {
  const pathname = (url ?? '').split('?')[0]
  const prefix = SYNC_PATH + '/'
  return pathname.startsWith(prefix) ? pathname.slice(prefix.length) : null
}

/**
 * HTTP upgrade → WebSocket on `/sync/<docId>`. Before the handshake, cheaply, as plain HTTP
 * (preflight.ts): too many attempts from the address or too many open connections → 429, no
 * session cookie at all → 401. After it, as close codes (the only way a browser learns why):
 * a session cookie that opens no session → 4401, a page of another site → 4403, no such document
 * → 4404, no role on it → 4403, storage failing → 4503; an editor page of another schema version
 * than the server's (opened before an upgrade) → 4426, before it can delete what it cannot read.
 */
export function createUpgradeHandler(opts: UpgradeOptions) {
  const { wss, repo, rooms, access } = opts

  const refuse = (ws: WebSocket, code: number, reason: string) => {
    ws.on('error', () => {}) // a peer vanishing mid-refusal is not worth a log line
    ws.close(code, reason)
    // A peer that never answers the close frame is not kept for ws's 30 s closing timeout.
    setTimeout(() => ws.terminate(), REFUSAL_GRACE_MS).unref()
  }

  return (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const remote = req.socket.remoteAddress
    const onSocketError = (err: Error) => opts.log.debug('upgrade socket error', { remote, err })
    socket.on('error', onSocketError)
    const docId = syncDocId(req.url)
    if (docId === null) {
      rejectHttp(socket, 404, 'Not Found')
      return
    }
    const log = opts.log.child({ docId: docId.slice(0, 64), remote })
    const address = clientAddress(req, opts.trustProxy)
    const pre = beforeHandshake(req, address, opts)
    if (pre.kind === 'tooMany') {
      log.debug('refused before handshake: too many', { why: pre.refusal.why }) // a flood must not flood the log
      rejectTooMany(socket, pre.refusal)
      return
    }
    if (pre.kind === 'noCookie') {
      log.debug('refused before handshake: no session cookie')
      rejectHttp(socket, 401, 'Unauthorized')
      return
    }
    // The slot is held until the socket is gone, however the connection ends.
    if (pre.kind === 'admitted') socket.once('close', () => pre.ticket.release())
    wss.handleUpgrade(req, socket, head, (ws) => {
      socket.off('error', onSocketError) // from here on the WebSocket reports socket errors
      if (pre.kind === 'storageError') {
        log.error('refused: cannot read sessions', { err: pre.err })
        refuse(ws, CloseCode.storageUnavailable, CloseReason.storageUnavailable)
        return
      }
      const options = clientOptionsOf(req.url)
      if (bindsOtherSchema(options)) {
        log.info('refused: editor of another schema version', { schema: options.schema })
        refuse(ws, CloseCode.outdated, CloseReason.outdated)
        return
      }
      if (pre.kind === 'signedOut') {
        log.info('refused: not signed in')
        refuse(ws, CloseCode.unauthorized, CloseReason.unauthorized)
        return
      }
      if (!sameOrigin(req, opts.trustProxy)) {
        log.warn('refused: cross-site WebSocket')
        refuse(ws, CloseCode.forbidden, CloseReason.forbidden)
        return
      }
      const { auth } = pre
      let role
      try {
        if (!DOCUMENT_ID_PATTERN.test(docId) || !repo.get(docId)) {
          log.info('refused: unknown document')
          refuse(ws, CloseCode.unknownDocument, CloseReason.unknownDocument)
          return
        }
        role = access.roleOf(docId, auth.user.id, auth.user.organization.id)
        if (!role) {
          log.info('refused: no access', { user: auth.user.id })
          refuse(ws, CloseCode.forbidden, CloseReason.forbidden)
          return
        }
      } catch (err) {
        log.error('refused: cannot read documents', { err })
        refuse(ws, CloseCode.storageUnavailable, CloseReason.storageUnavailable)
        return
      }
      if (!rooms.get(docId) && opts.health.coolingDown(docId)) {
        log.debug('refused: storage of this document failed just now')
        refuse(ws, CloseCode.storageUnavailable, CloseReason.storageUnavailable)
        return
      }
      let room
      try {
        room = rooms.acquire(docId)
      } catch (err) {
        if (err instanceof ShuttingDown) {
          refuse(ws, CloseCode.serverShutdown, CloseReason.serverShutdown)
          return
        }
        // Never fall back to an empty doc: refuse, and the client retries later (4503).
        log.error('refused: cannot load document', { err })
        opts.health.failed(docId)
        refuse(ws, CloseCode.storageUnavailable, CloseReason.storageUnavailable)
        return
      }
      try {
        // Lives on through the socket's event handlers.
        const connection = new Connection(ws, room, identityOf(auth.user, auth.sessionId), role, log, opts, options)
        const userId = auth.user.id
        ws.once('close', () => {
          try {
            opts.visits.seen(docId, userId, new Date().toISOString())
          } catch (err) {
            log.warn('cannot record the end of a visit', { docId, user: userId, err })
          }
        })
        limitMessages(ws, pre.ticket, (code, reason) => {
          log.warn('closing: over the message rate', { user: auth.user.id })
          connection.close(code, reason)
        })
      } catch (err) {
        log.error('connection setup failed', { err })
        ws.terminate()
        if (room.connections.size === 0) rooms.onEmpty(room) // let the idle timer free it
      }
    })
  }
}
