import { AcceptInvitationInput, CreateInvitationInput } from '../../shared/api'
import { linkBase } from '../auth/request'
import type { ApiDeps } from './api'
import { answerWithNewSession } from './authRoutes'
import { validBody } from './guard'
import { sendJson, sendNoContent } from './respond'
import type { Router } from './router'

/**
 * Invitations: administrators create, list and revoke them; anyone holding a link can see what
 * it is for and accept it (the token is the credential; it never appears in a log line).
 */
export function registerInvitationsRoutes(router: Router, deps: ApiDeps): void {
  const { guards, invitations, config } = deps

  router
    .on(
      'POST',
      '/api/invitations',
      guards.admin(async (ctx) => {
        const input = await validBody(ctx, CreateInvitationInput)
        sendJson(ctx.res, 201, invitations.create(ctx.auth.user, input, linkBase(ctx.req, config)))
      }),
    )
    .on('GET', '/api/invitations', guards.admin(({ res }) => sendJson(res, 200, invitations.pending())))
    // One path, two meanings: an administrator revokes by id, a link holder reads by token.
    .on(
      'DELETE',
      '/api/invitations/:ref',
      guards.admin(({ params, res }) => {
        invitations.revoke(params.ref)
        sendNoContent(res)
      }),
    )
    .on('GET', '/api/invitations/:ref', ({ params, res }) => sendJson(res, 200, invitations.info(params.ref)))
    .on(
      'POST',
      '/api/invitations/:ref/accept',
      guards.preSession(async (ctx) => {
        const input = await validBody(ctx, AcceptInvitationInput)
        const user = await invitations.accept(ctx.params.ref, input)
        answerWithNewSession(deps, ctx.req, ctx.res, user, 201)
      }),
    )
}
