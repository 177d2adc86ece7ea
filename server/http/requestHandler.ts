import type { IncomingMessage, ServerResponse } from 'node:http'
import { ErrorCode } from '../../shared/api'
import { SYNC_PATH } from '../../shared/protocol'
import type { Logger } from '../logger'
import { StorageError } from '../storage/documentStore'
import { HttpError, internalError, notFound, sendError, setSecurityHeaders } from './respond'
import { Router } from './router'
import { serveStatic } from './static'

export interface RequestHandlerOptions {
  router: Router
  staticDir: string
  log: Logger
}

function toHttpError(err: unknown): HttpError {
  if (err instanceof HttpError) return err
  if (err instanceof StorageError) return new HttpError(503, ErrorCode.storageUnavailable, 'storage unavailable')
  return internalError()
}

/** The path as it may appear in a log line: invitation and password reset tokens (credentials) are masked. */
export function loggablePath(pathname: string): string {
  return pathname
    .replace(/^(\/api\/invitations\/)([^/]{20,})/, '$1<token>')
    .replace(/^(\/api\/password-resets\/)[^/]+/, '$1<token>')
    .replace(/^(\/(?:invite|reset)\/)[^/]+/, '$1<token>')
}

/** Every request: security headers, then the API router or the static client. */
export function createRequestHandler(opts: RequestHandlerOptions) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    setSecurityHeaders(res)
    const method = (req.method ?? 'GET').toUpperCase()
    let url: URL
    try {
      url = new URL(req.url ?? '/', 'http://localhost')
    } catch {
      sendError(res, new HttpError(400, ErrorCode.badRequest, 'malformed URL'))
      return
    }
    const fail = (err: unknown) => {
      const httpErr = toHttpError(err)
      if (httpErr.status >= 500) {
        opts.log.error('request failed', { method, path: loggablePath(url.pathname), remote: req.socket.remoteAddress, err })
      }
      if (res.headersSent) res.destroy()
      else sendError(res, httpErr)
    }
    try {
      if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
        const { handler, params } = opts.router.resolve(method, url.pathname)
        Promise.resolve(handler({ req, res, params, url })).catch(fail)
        return
      }
      if (url.pathname === SYNC_PATH || url.pathname.startsWith(SYNC_PATH + '/')) throw notFound('WebSocket endpoint')
      if (method !== 'GET' && method !== 'HEAD') {
        throw new HttpError(405, ErrorCode.methodNotAllowed, `${method} not allowed`, undefined, { Allow: 'GET, HEAD' })
      }
      serveStatic(opts.staticDir, req, res, url.pathname)
    } catch (err) {
      fail(err)
    }
  }
}
