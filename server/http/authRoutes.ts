import type { IncomingMessage, ServerResponse } from 'node:http'
import { ChangeOwnNameInput, SetupInput, SignInInput, type SessionInfo } from '../../shared/api'
import type { UserRecord } from '../db/usersRepo'
import { toUserSummary } from '../db/usersRepo'
import { clientAddress } from '../auth/request'
import type { ApiDeps } from './api'
import { validBody } from './guard'
import { sendJson, sendNoContent } from './respond'
import type { Router } from './router'

/** Starts a session for `user` and answers with its SessionInfo and cookie. */
export function answerWithNewSession(deps: ApiDeps, req: IncomingMessage, res: ServerResponse, user: UserRecord, status: number): void {
  // A session the browser already holds is replaced (no fixation, no two identities at once).
  const previous = deps.sessions.fromRequest(req)
  if (previous) {
    deps.sessions.end(previous.sessionId)
    deps.live.sessionEnded(previous.sessionId)
  }
  const { token, csrfToken } = deps.sessions.start(user.id)
  const info: SessionInfo = { user: toUserSummary(user), needsSetup: false, csrfToken }
  sendJson(res, status, info, { 'Set-Cookie': deps.sessions.cookie(req, token) })
}

/** /api/auth: who am I (and one's own name), first administrator, sign in, sign out. */
export function registerAuthRoutes(router: Router, deps: ApiDeps): void {
  const { sessions, accounts, guards } = deps

  router
    .on('GET', '/api/auth/session', ({ req, res }) => {
      const auth = sessions.fromRequest(req)
      const info: SessionInfo = auth
        ? { user: toUserSummary(auth.user), needsSetup: false, csrfToken: auth.csrfToken }
        : { user: null, needsSetup: accounts.needsSetup(), csrfToken: null, sessionEnded: sessions.endedReason(req) }
      sendJson(res, 200, info, auth?.refreshed ? { 'Set-Cookie': sessions.cookie(req, auth.token) } : {})
    })
    .on(
      'PATCH',
      '/api/auth/me',
      guards.signedIn(async (ctx) => {
        const { displayName } = await validBody(ctx, ChangeOwnNameInput)
        deps.users.setDisplayName(ctx.auth.user.id, displayName)
        deps.log.info('name changed', { user: ctx.auth.user.id })
        // Open connections (on any device) show the new name from their next awareness update.
        deps.live.identitiesChanged()
        sendJson(ctx.res, 200, toUserSummary(deps.users.get(ctx.auth.user.id)!))
      }),
    )
    .on(
      'POST',
      '/api/auth/setup',
      guards.preSession(async (ctx) => {
        const input = await validBody(ctx, SetupInput)
        const user = await accounts.setup(input)
        answerWithNewSession(deps, ctx.req, ctx.res, user, 201)
      }),
    )
    .on(
      'POST',
      '/api/auth/sign-in',
      guards.preSession(async (ctx) => {
        const input = await validBody(ctx, SignInInput)
        const user = await accounts.signIn(input.email, input.password, clientAddress(ctx.req, deps.config.trustProxy))
        answerWithNewSession(deps, ctx.req, ctx.res, user, 200)
      }),
    )
    .on('POST', '/api/auth/sign-out', (ctx) => {
      const clear = { 'Set-Cookie': sessions.clearCookie(ctx.req) }
      if (!sessions.fromRequest(ctx.req)) {
        ctx.res.setHeader('Set-Cookie', clear['Set-Cookie'])
        sendNoContent(ctx.res)
        return
      }
      return guards.signedIn(({ auth, res }) => {
        sessions.end(auth.sessionId)
        deps.live.sessionEnded(auth.sessionId)
        deps.log.info('signed out', { user: auth.user.id })
        res.setHeader('Set-Cookie', clear['Set-Cookie'])
        sendNoContent(res)
      })(ctx)
    })
}
