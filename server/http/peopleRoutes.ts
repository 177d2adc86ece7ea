import { ErrorCode, OrganizationInput } from '../../shared/api'
import { toPerson } from '../db/usersRepo'
import { HttpError } from '../errors'
import type { ApiDeps } from './api'
import { validBody } from './guard'
import { sendJson } from './respond'
import type { Router } from './router'

const OrganizationPatch = OrganizationInput.partial()

/** Organizations (administrators manage them) and the people a draft can be shared with. */
export function registerPeopleRoutes(router: Router, deps: ApiDeps): void {
  const { guards, organizations, users } = deps

  router
    .on('GET', '/api/organizations', guards.signedIn(({ res }) => sendJson(res, 200, organizations.list())))
    .on(
      'POST',
      '/api/organizations',
      guards.admin(async (ctx) => {
        const input = await validBody(ctx, OrganizationInput)
        const org = organizations.create(input)
        deps.log.info('organization created', { org: org.id, by: ctx.auth.user.id })
        sendJson(ctx.res, 201, org)
      }),
    )
    .on(
      'PATCH',
      '/api/organizations/:id',
      guards.admin(async (ctx) => {
        const input = await validBody(ctx, OrganizationPatch)
        const org = organizations.update(ctx.params.id, input)
        if (!org) throw new HttpError(404, ErrorCode.notFound, 'no such organization')
        deps.log.info('organization changed', { org: org.id, by: ctx.auth.user.id })
        // Open connections show the new name and colour from their next awareness update.
        deps.live.identitiesChanged()
        sendJson(ctx.res, 200, org)
      }),
    )
    .on('GET', '/api/users', guards.signedIn(({ res }) => sendJson(res, 200, users.list().map(toPerson))))
}
