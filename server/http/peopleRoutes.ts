import { ChangeAccountInput, ErrorCode, OrganizationInput, type OrganizationSummary } from '../../shared/api'
import type { ValidationIssue } from '../../shared/validation'
import type { OrganizationsRepo } from '../db/organizationsRepo'
import { toPerson } from '../db/usersRepo'
import { HttpError } from '../errors'
import type { ApiDeps } from './api'
import { validBody } from './guard'
import { sendJson } from './respond'
import type { Router } from './router'

const OrganizationPatch = OrganizationInput.partial()

/** Refuses a name or short name another organization has (any case): their chips would look alike. */
function refuseTakenNames(organizations: OrganizationsRepo, input: Partial<OrganizationInput>, current?: OrganizationSummary): void {
  const taken = organizations.clashes(input, current)
  if (taken.length === 0) return
  const details: ValidationIssue[] = taken.map((path) => ({ path, problem: 'taken', message: `another organization has this ${path === 'name' ? 'name' : 'short name'}` }))
  throw new HttpError(409, ErrorCode.validation, details.map((d) => d.message).join('; '), details)
}

/** Organizations and accounts (administrators manage them) and the people a draft can be shared with. */
export function registerPeopleRoutes(router: Router, deps: ApiDeps): void {
  const { guards, organizations, users } = deps

  router
    .on('GET', '/api/organizations', guards.signedIn(({ res }) => sendJson(res, 200, organizations.list())))
    .on(
      'POST',
      '/api/organizations',
      guards.admin(async (ctx) => {
        const input = await validBody(ctx, OrganizationInput)
        refuseTakenNames(organizations, input)
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
        const current = organizations.get(ctx.params.id)
        if (!current) throw new HttpError(404, ErrorCode.notFound, 'no such organization')
        refuseTakenNames(organizations, input, current)
        const org = organizations.update(current.id, input)
        if (!org) throw new HttpError(404, ErrorCode.notFound, 'no such organization')
        deps.log.info('organization changed', { org: org.id, by: ctx.auth.user.id })
        // Open connections show the new name and colour from their next awareness update.
        deps.live.identitiesChanged()
        sendJson(ctx.res, 200, org)
      }),
    )
    // Deactivated people are not offered for new grants (the grants they have stay, listed as they are).
    .on('GET', '/api/users', guards.signedIn(({ res }) => sendJson(res, 200, users.list().filter((u) => !u.deactivatedAt).map(toPerson))))
    .on('GET', '/api/people', guards.admin(({ res }) => sendJson(res, 200, deps.people.list())))
    .on(
      'PATCH',
      '/api/people/:id',
      guards.admin(async (ctx) => {
        const input = await validBody(ctx, ChangeAccountInput)
        sendJson(ctx.res, 200, deps.people.change(ctx.auth.user, ctx.params.id, input))
      }),
    )
}
