import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type { WebSocket, WebSocketServer } from 'ws'
import { CloseCode, CloseReason, SYNC_PATH } from '../../shared/protocol'
import { DOCUMENT_ID_PATTERN } from '../../shared/ids'
import type { DocumentsRepo } from '../db/documentsRepo'
import type { AccessRepo } from '../db/accessRepo'
import type { Logger } from '../logger'
import { sessionTokenOf, type Sessions } from '../auth/sessions'
import { sameOrigin } from '../auth/request'
import { Connection, type ConnectionOptions } from './connection'
import { identityOf } from './liveAccess'
import { ShuttingDown, type Rooms } from './rooms'

export interface UpgradeOptions extends ConnectionOptions {
  wss: WebSocketServer
  repo: DocumentsRepo
  access: AccessRepo
  sessions: Sessions
  rooms: Rooms
  log: Logger
  trustProxy: boolean
}

function rejectHttp(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
  socket.destroy()
}

/** The document id of `/sync/<docId>` (query string ignored), or null for any other path. */
export function syncDocId(url: string | undefined): string | null {
  const pathname = (url ?? '').split('?')[0]
  const prefix = SYNC_PATH + '/'
  return pathname.startsWith(prefix) ? pathname.slice(prefix.length) : null
}

/**
 * HTTP upgrade → WebSocket on `/sync/<docId>`. The session cookie is checked before any sync:
 * not signed in → 4401, a page of another site → 4403, no such document → 4404, no role on it
 * → 4403. Refusals are close codes after accepting, the only way a browser learns the reason.
 */
export function createUpgradeHandler(opts: UpgradeOptions) {
  const { wss, repo, rooms, sessions, access } = opts

  const refuse = (ws: WebSocket, code: number, reason: string) => {
    ws.on('error', () => {}) // a peer vanishing mid-refusal is not worth a log line
    ws.close(code, reason)
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
    wss.handleUpgrade(req, socket, head, (ws) => {
      socket.off('error', onSocketError) // from here on the WebSocket reports socket errors
      if (!sameOrigin(req, opts.trustProxy)) {
        log.warn('refused: cross-site WebSocket')
        refuse(ws, CloseCode.forbidden, CloseReason.forbidden)
        return
      }
      let auth
      let role
      try {
        auth = sessions.resolve(sessionTokenOf(req))
        if (!auth) {
          log.info('refused: not signed in')
          refuse(ws, CloseCode.unauthorized, CloseReason.unauthorized)
          return
        }
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
        log.error('refused: cannot read documents or sessions', { err })
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
        refuse(ws, CloseCode.storageUnavailable, CloseReason.storageUnavailable)
        return
      }
      try {
        // Lives on through the socket's event handlers.
        new Connection(ws, room, identityOf(auth.user, auth.sessionId), role, log, opts)
      } catch (err) {
        log.error('connection setup failed', { err })
        ws.terminate()
        if (room.connections.size === 0) rooms.onEmpty(room) // let the idle timer free it
      }
    })
  }
}
