import type { z } from 'zod'
import { CSRF_HEADER, ErrorCode } from '../../shared/api'
import type { AuthContext, Sessions } from '../auth/sessions'
import { sameOrigin } from '../auth/request'
import { safeEqual } from '../auth/tokens'
import { forbidden, HttpError, unauthorized } from '../errors'
import { readJsonBody } from './body'
import { validationIssues } from '../../shared/validation'
import type { Handler, RequestContext } from './router'

export interface AuthedContext extends RequestContext {
  auth: AuthContext
}

export type AuthedHandler = (ctx: AuthedContext) => void | Promise<void>

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export function isStateChanging(method: string | undefined): boolean {
  return !SAFE_METHODS.has((method ?? 'GET').toUpperCase())
}

/** Parses and validates a JSON body (Content-Type application/json required) with a zod schema. */
export async function validBody<S extends z.ZodType>(ctx: RequestContext, schema: S, limit?: number): Promise<z.infer<S>> {
  const parsed = schema.safeParse(await readJsonBody(ctx.req, limit))
  if (!parsed.success) {
    throw new HttpError(400, ErrorCode.validation, 'invalid request body', validationIssues(parsed.error.issues))
  }
  return parsed.data
}

/** Parses and validates a request's query string with a zod schema. */
export function validQuery<S extends z.ZodType>(url: URL, schema: S): z.infer<S> {
  const parsed = schema.safeParse(Object.fromEntries(url.searchParams))
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
    throw new HttpError(400, ErrorCode.validation, 'invalid query', details)
  }
  return parsed.data
}

/**
 * The wrappers every route goes through:
 * - `signedIn`: a valid session (401 otherwise) and, on a state-changing method, the session's
 *   CSRF token in the X-CSRF-Token header (403 csrf_token_invalid otherwise);
 * - `admin`: the same, for administrators (403);
 * - `preSession`: sign-in, setup, invitation accept — no session to hold a token yet, so the
 *   body must be JSON (a cross-site form cannot send it) and an Origin, if any, must be ours.
 */
export function createGuards(sessions: Sessions, trustProxy: boolean) {
  const authenticate = (ctx: RequestContext): AuthContext => {
    const auth = sessions.fromRequest(ctx.req)
    if (!auth) throw unauthorized()
    if (isStateChanging(ctx.req.method)) {
      const header = ctx.req.headers[CSRF_HEADER]
      const sent = Array.isArray(header) ? header[0] : header
      if (!sent || !safeEqual(sent, auth.csrfToken)) {
        throw new HttpError(403, ErrorCode.csrf, `missing or wrong ${CSRF_HEADER} header`)
      }
    }
    // Sliding expiry: the refreshed session gets a fresh cookie lifetime too.
    if (auth.refreshed) ctx.res.setHeader('Set-Cookie', sessions.cookie(ctx.req, auth.token))
    const { token: _token, refreshed: _refreshed, ...rest } = auth
    return rest
  }

  const signedIn =
    (handler: AuthedHandler): Handler =>
    (ctx) =>
      handler({ ...ctx, auth: authenticate(ctx) })

  const admin =
    (handler: AuthedHandler): Handler =>
    (ctx) => {
      const auth = authenticate(ctx)
      if (!auth.user.isAdmin) throw forbidden('administrators only')
      return handler({ ...ctx, auth })
    }

  const preSession =
    (handler: Handler): Handler =>
    (ctx) => {
      if (!sameOrigin(ctx.req, trustProxy)) throw new HttpError(403, ErrorCode.csrf, 'cross-site request refused')
      return handler(ctx)
    }

  return { signedIn, admin, preSession }
}

export type Guards = ReturnType<typeof createGuards>
