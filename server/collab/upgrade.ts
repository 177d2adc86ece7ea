import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type { WebSocket, WebSocketServer } from 'ws'
import { CloseCode, CloseReason, SYNC_PATH } from '../../shared/protocol'
import { DOCUMENT_ID_PATTERN } from '../../shared/ids'
import type { DocumentsRepo } from '../db/documentsRepo'
import type { Logger } from '../logger'
import { Connection, type ConnectionOptions } from './connection'
import { ShuttingDown, type Rooms } from './rooms'

export interface UpgradeOptions extends ConnectionOptions {
  wss: WebSocketServer
  repo: DocumentsRepo
  rooms: Rooms
  log: Logger
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
 * HTTP upgrade → WebSocket on `/sync/<docId>`. Refusals of a sync request are sent as close
 * codes after accepting, because that is the only way a browser learns the reason.
 */
export function createUpgradeHandler(opts: UpgradeOptions) {
  const { wss, repo, rooms } = opts

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
      try {
        if (!DOCUMENT_ID_PATTERN.test(docId) || !repo.get(docId)) {
          log.info('refused: unknown document')
          refuse(ws, CloseCode.unknownDocument, CloseReason.unknownDocument)
          return
        }
      } catch (err) {
        log.error('refused: cannot read documents', { err })
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
        new Connection(ws, room, log, opts) // lives on through the socket's event handlers
      } catch (err) {
        log.error('connection setup failed', { err })
        ws.terminate()
        if (room.connections.size === 0) rooms.onEmpty(room) // let the idle timer free it
      }
    })
  }
}
