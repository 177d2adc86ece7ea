import type { IncomingMessage, ServerResponse } from 'node:http'
import { ErrorCode } from '../../shared/api'
import { HttpError, notFound } from './respond'

export interface RequestContext {
  req: IncomingMessage
  res: ServerResponse
  params: Record<string, string>
  url: URL
}

export type Handler = (ctx: RequestContext) => void | Promise<void>

interface Route {
  /** As registered, e.g. `/api/documents/:id`. */
  path: string
  pattern: RegExp
  keys: string[]
  handlers: Map<string, Handler>
}

/** A dozen lines of routing: `/api/documents/:id` patterns, 404 for unknown paths, 405 for methods. */
export class Router {
  private readonly routes: Route[] = []

  on(method: string, path: string, handler: Handler): this {
    let route = this.routes.find((r) => r.pattern.source === compile(path).pattern.source)
    if (!route) {
      route = { path, ...compile(path), handlers: new Map() }
      this.routes.push(route)
    }
    route.handlers.set(method.toUpperCase(), handler)
    return this
  }

  /** Every registered method and path, in registration order (the access tests check them all). */
  list(): { method: string; path: string }[] {
    return this.routes.flatMap((route) => [...route.handlers.keys()].map((method) => ({ method, path: route.path })))
  }

  /** Finds the handler or throws 404/405 as an HttpError. */
  resolve(method: string, pathname: string): { handler: Handler; params: Record<string, string> } {
    // The first route that matches and has the method wins, so `POST /api/documents/import`
    // lives beside `GET /api/documents/:id`; 405 only when no matching route has the method.
    let allowed: Set<string> | null = null
    for (const route of this.routes) {
      const match = route.pattern.exec(pathname)
      if (!match) continue
      const handler = route.handlers.get(method) ?? (method === 'HEAD' ? route.handlers.get('GET') : undefined)
      if (!handler) {
        allowed ??= new Set()
        for (const m of route.handlers.keys()) allowed.add(m)
        continue
      }
      const params: Record<string, string> = {}
      route.keys.forEach((key, i) => (params[key] = decodeParam(match[i + 1])))
      return { handler, params }
    }
    if (allowed) throw new HttpError(405, ErrorCode.methodNotAllowed, `${method} not allowed`, undefined, { Allow: [...allowed].join(', ') })
    throw notFound()
  }
}

function compile(path: string): { pattern: RegExp; keys: string[] } {
  const keys: string[] = []
  const source = path
    .split('/')
    .map((part) => {
      if (!part.startsWith(':')) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      keys.push(part.slice(1))
      return '([^/]+)'
    })
    .join('/')
  return { pattern: new RegExp(`^${source}/?$`), keys }
}

function decodeParam(raw: string): string {
  try {
    return decodeURIComponent(raw)
  } catch {
    throw new HttpError(400, ErrorCode.badRequest, 'malformed URL')
  }
}
