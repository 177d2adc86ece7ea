import type { Rooms } from '../collab/rooms'
import type { Services } from '../services'
import { registerAccessRoutes } from './accessRoutes'
import { registerAuthRoutes } from './authRoutes'
import { registerCommentsRoutes } from './commentsRoutes'
import { registerDocumentsRoutes } from './documentsRoutes'
import { createGuards, type Guards } from './guard'
import { registerInvitationsRoutes } from './invitationsRoutes'
import { registerPeopleRoutes } from './peopleRoutes'
import { sendJson } from './respond'
import { Router } from './router'

/** What route handlers work with. */
export interface ApiDeps extends Services {
  rooms: Rooms
  guards: Guards
}

/** All /api routes. */
export function createApiRouter(services: Services & { rooms: Rooms }): Router {
  const deps: ApiDeps = { ...services, guards: createGuards(services.sessions, services.config.trustProxy) }
  const router = new Router()
  router.on('GET', '/api/health', ({ res }) => sendJson(res, 200, { ok: true }))
  registerAuthRoutes(router, deps)
  registerPeopleRoutes(router, deps)
  registerInvitationsRoutes(router, deps)
  registerDocumentsRoutes(router, deps)
  registerAccessRoutes(router, deps)
  registerCommentsRoutes(router, deps)
  return router
}
