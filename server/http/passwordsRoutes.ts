import { ChangePasswordInput, ResetPasswordInput } from '../../shared/api'
import { clientAddress, linkBase } from '../auth/request'
import type { ApiDeps } from './api'
import { answerWithNewSession } from './authRoutes'
import { validBody } from './guard'
import { sendJson, sendNoContent } from './respond'
import type { Router } from './router'

/**
 * Passwords: one's own changed (signed in), a reset link made by an administrator, and the link
 * read and used by whoever holds it (the token is the credential; it never appears in a log line).
 */
export function registerPasswordsRoutes(router: Router, deps: ApiDeps): void {
  const { guards, passwords, config } = deps

  router
    .on(
      'POST',
      '/api/auth/password',
      guards.signedIn(async (ctx) => {
        const input = await validBody(ctx, ChangePasswordInput)
        await passwords.change(ctx.auth, input, clientAddress(ctx.req, config.trustProxy))
        sendNoContent(ctx.res)
      }),
    )
    .on(
      'POST',
      '/api/people/:id/password-reset',
      guards.admin((ctx) => {
        sendJson(ctx.res, 201, passwords.createReset(ctx.auth.user, ctx.params.id, linkBase(ctx.req, config)))
      }),
    )
    .on('GET', '/api/password-resets/:token', ({ params, res }) => sendJson(res, 200, passwords.info(params.token)))
    .on(
      'POST',
      '/api/password-resets/:token',
      guards.preSession(async (ctx) => {
        const input = await validBody(ctx, ResetPasswordInput)
        const user = await passwords.reset(ctx.params.token, input.password)
        answerWithNewSession(deps, ctx.req, ctx.res, user, 200)
      }),
    )
}
