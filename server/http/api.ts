import type { Rooms } from '../collab/rooms'
import type { Services } from '../services'
import type { Exports } from '../services/exports'
import type { Versions } from '../services/versions'
import type { Agreement } from '../services/agreement'
import { registerAgreementRoutes } from './agreementRoutes'
import { registerAlternativesRoutes } from './alternativesRoutes'
import { registerAccessRoutes } from './accessRoutes'
import { registerAuthRoutes } from './authRoutes'
import { registerCommentsRoutes } from './commentsRoutes'
import { registerDocumentsRoutes } from './documentsRoutes'
import { registerExportRoutes } from './exportRoutes'
import { createGuards, type Guards } from './guard'
import { registerInvitationsRoutes } from './invitationsRoutes'
import { registerPasswordsRoutes } from './passwordsRoutes'
import { registerPeopleRoutes } from './peopleRoutes'
import { sendJson } from './respond'
import { Router } from './router'
import { registerVersionsRoutes } from './versionsRoutes'

/** What route handlers work with. */
export interface ApiDeps extends Services {
  rooms: Rooms
  versions: Versions
  guards: Guards
  exports: Exports
  agreement: Agreement
}

/** All /api routes. */
export function createApiRouter(services: Services & { rooms: Rooms; exports: Exports; versions: Versions; agreement: Agreement }): Router {
  const deps: ApiDeps = { ...services, guards: createGuards(services.sessions, services.config.trustProxy) }
  const router = new Router()
  router.on('GET', '/api/health', ({ res }) => sendJson(res, 200, { ok: true }))
  registerAuthRoutes(router, deps)
  registerPeopleRoutes(router, deps)
  registerInvitationsRoutes(router, deps)
  registerPasswordsRoutes(router, deps)
  registerDocumentsRoutes(router, deps)
  registerAccessRoutes(router, deps)
  registerExportRoutes(router, deps)
  registerVersionsRoutes(router, deps)
  registerCommentsRoutes(router, deps)
  registerAgreementRoutes(router, deps)
  registerAlternativesRoutes(router, deps)
  return router
}
