import { registerDocumentsRoutes, type DocumentsRoutesDeps } from './documentsRoutes'
import { sendJson } from './respond'
import { Router } from './router'

/** All /api routes. */
export function createApiRouter(deps: DocumentsRoutesDeps): Router {
  const router = new Router()
  router.on('GET', '/api/health', ({ res }) => sendJson(res, 200, { ok: true }))
  registerDocumentsRoutes(router, deps)
  return router
}
