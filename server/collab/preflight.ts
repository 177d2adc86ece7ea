import type { IncomingMessage } from 'node:http'
import { SESSION_COOKIE, sessionTokenOf, type AuthContext, type Sessions } from '../auth/sessions'
import type { Admission, HttpRefusal, Ticket } from './admission'

/** What the upgrade handler does with a sync request, decided before any WebSocket handshake. */
export type Preflight =
  /** Over the attempt rate or the open-connection limits: HTTP 429, socket destroyed. */
  | { kind: 'tooMany'; refusal: HttpRefusal }
  /** No session cookie at all (scripts, floods): HTTP 401, socket destroyed. */
  | { kind: 'noCookie' }
  /** A session cookie that opens no session (expired, signed out, forged): accept, close 4401. */
  | { kind: 'signedOut' }
  /** The sessions could not be read: accept, close 4503 (retryable). */
  | { kind: 'storageError'; err: unknown }
  | { kind: 'admitted'; auth: AuthContext; ticket: Ticket }

/** True when the Cookie header names our session cookie, whatever its value. */
export function carriesSessionCookie(req: IncomingMessage): boolean {
  const header = req.headers.cookie
  if (!header) return false
  return header.split(';').some((part) => part.slice(0, Math.max(0, part.indexOf('='))).trim() === SESSION_COOKIE)
}

/**
 * The cheap checks, in order of cost: the attempt rate of the address (memory), the presence of
 * a session cookie (a header), the session (one indexed SQLite read), the open-connection limits.
 * A browser whose session ended still sends its cookie and so is told 4401 and shows the
 * sign-in page; anything without a cookie never gets a WebSocket.
 */
export function beforeHandshake(
  req: IncomingMessage,
  address: string,
  deps: { admission: Admission; sessions: Sessions },
): Preflight {
  const refused = deps.admission.attempt(address)
  if (refused) return { kind: 'tooMany', refusal: refused }
  if (!carriesSessionCookie(req)) return { kind: 'noCookie' }
  let auth
  try {
    auth = deps.sessions.resolve(sessionTokenOf(req))
  } catch (err) {
    return { kind: 'storageError', err }
  }
  if (!auth) return { kind: 'signedOut' }
  const ticket = deps.admission.admit(address, auth.sessionId)
  if ('status' in ticket) return { kind: 'tooMany', refusal: ticket }
  return { kind: 'admitted', auth, ticket }
}
