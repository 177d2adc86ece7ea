import { ProposeInput, RecordPositionInput } from '../../shared/api'
import type { ApiDeps } from './api'
import { validBody } from './guard'
import { sendJson } from './respond'
import type { Router } from './router'

/**
 * Agreement on a version. Anyone who can read the draft sees the proposals and the status matrix;
 * owners propose and withdraw; a member of a required organization records that organization's
 * position (any role that can read the draft — the server checks the organization, not the role).
 *   GET  /api/documents/:id/agreement
 *   POST /api/documents/:id/agreement/proposals                 (owners)
 *   GET  /api/documents/:id/agreement/proposals/:pid
 *   POST /api/documents/:id/agreement/proposals/:pid/positions  (members of a required organization)
 *   POST /api/documents/:id/agreement/proposals/:pid/withdraw   (owners, while not agreed)
 */
export function registerAgreementRoutes(router: Router, deps: ApiDeps): void {
  const { guards, documentAccess: access, agreement } = deps

  router
    .on(
      'GET',
      '/api/documents/:id/agreement',
      guards.signedIn(({ auth, params, res }) => {
        const { doc, role } = access.authorize(auth.user, params.id, 'read')
        sendJson(res, 200, agreement.overview(doc, auth.user, role))
      }),
    )
    .on(
      'POST',
      '/api/documents/:id/agreement/proposals',
      guards.signedIn(async (ctx) => {
        const { doc } = access.authorize(ctx.auth.user, ctx.params.id, 'propose')
        const input = await validBody(ctx, ProposeInput)
        const proposal = agreement.propose(doc, ctx.auth.user, input)
        sendJson(ctx.res, 201, proposal, { Location: `/api/documents/${doc.id}/agreement/proposals/${proposal.id}` })
      }),
    )
    .on(
      'GET',
      '/api/documents/:id/agreement/proposals/:pid',
      guards.signedIn(({ auth, params, res }) => {
        const { doc, role } = access.authorize(auth.user, params.id, 'read')
        sendJson(res, 200, agreement.proposal(doc, auth.user, role, params.pid))
      }),
    )
    .on(
      'POST',
      '/api/documents/:id/agreement/proposals/:pid/positions',
      guards.signedIn(async (ctx) => {
        const { doc, role } = access.authorize(ctx.auth.user, ctx.params.id, 'read')
        const input = await validBody(ctx, RecordPositionInput)
        sendJson(ctx.res, 201, agreement.record(doc, ctx.auth.user, role, ctx.params.pid, input))
      }),
    )
    .on(
      'POST',
      '/api/documents/:id/agreement/proposals/:pid/withdraw',
      guards.signedIn(({ auth, params, res }) => {
        const { doc } = access.authorize(auth.user, params.id, 'propose')
        sendJson(res, 200, agreement.withdraw(doc, auth.user, params.pid))
      }),
    )
}
