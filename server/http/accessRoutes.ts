import { ErrorCode, PRINCIPAL_TYPES, PutGrantInput, type PrincipalType } from '../../shared/api'
import { activityOf } from '../services/activity'
import { arrive } from '../services/visits'
import { HttpError } from '../errors'
import type { ApiDeps } from './api'
import { validBody } from './guard'
import { sendJson, sendNoContent } from './respond'
import type { Router } from './router'

function principalType(raw: string): PrincipalType {
  if (!(PRINCIPAL_TYPES as readonly string[]).includes(raw)) {
    throw new HttpError(404, ErrorCode.notFound, `principal type must be one of ${PRINCIPAL_TYPES.join(', ')}`)
  }
  return raw as PrincipalType
}

/** Sharing a document (owners), its activity and what changed since one's last visit (anyone who can read it). */
export function registerAccessRoutes(router: Router, deps: ApiDeps): void {
  const { guards, documentAccess: access } = deps

  router
    .on(
      'GET',
      '/api/documents/:id/access',
      guards.signedIn(({ auth, params, res }) => {
        const { doc } = access.authorize(auth.user, params.id, 'read')
        sendJson(res, 200, access.grants(doc.id))
      }),
    )
    .on(
      'PUT',
      '/api/documents/:id/access',
      guards.signedIn(async (ctx) => {
        const { doc } = access.authorize(ctx.auth.user, ctx.params.id, 'share')
        const input = await validBody(ctx, PutGrantInput)
        sendJson(ctx.res, 200, access.put(ctx.auth.user, doc.id, input))
      }),
    )
    .on(
      'DELETE',
      '/api/documents/:id/access/:principalType/:principalId',
      guards.signedIn(({ auth, params, res }) => {
        const { doc } = access.authorize(auth.user, params.id, 'share')
        access.revoke(auth.user, doc.id, { type: principalType(params.principalType), id: params.principalId })
        sendNoContent(res)
      }),
    )
    .on(
      'GET',
      '/api/documents/:id/activity',
      guards.signedIn(({ auth, params, res }) => {
        const { doc } = access.authorize(auth.user, params.id, 'read')
        sendJson(res, 200, activityOf(deps, doc))
      }),
    )
    .on(
      'POST',
      '/api/documents/:id/visit',
      guards.signedIn(({ auth, params, res }) => {
        const { doc } = access.authorize(auth.user, params.id, 'read')
        sendJson(res, 200, arrive(deps, auth.user, doc))
      }),
    )
}
