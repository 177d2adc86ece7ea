import type { IncomingMessage } from 'node:http'
import { SESSION_END_REASONS, type SessionEndReason } from '../../shared/api'
import type { SessionsRepo } from '../db/sessionsRepo'
import type { UserRecord, UsersRepo } from '../db/usersRepo'
import { isHttps } from './request'
import { hashToken, randomToken, TOKEN_PATTERN } from './tokens'

export const SESSION_COOKIE = 'accord_session'

/** A session is refreshed (its expiry pushed back) at most this often. */
const REFRESH_EVERY_MS = 60 * 60 * 1000

/** A valid session and its user. Never log it: it holds the CSRF token. */
export interface AuthContext {
  /** SHA-256 of the session token: the row's key, safe to keep in memory and logs. */
  sessionId: string
  csrfToken: string
  expiresAt: string
  user: UserRecord
}

export interface SessionsOptions {
  ttlMs: number
  trustProxy: boolean
}

/** The value of the session cookie in a Cookie header, or null. */
export function sessionTokenOf(req: IncomingMessage): string | null {
  const header = req.headers.cookie
  if (!header) return null
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq < 0) continue
    if (part.slice(0, eq).trim() !== SESSION_COOKIE) continue
    const value = part.slice(eq + 1).trim()
    if (TOKEN_PATTERN.test(value)) return value
  }
  return null
}

/**
 * Server-side sessions in SQLite behind an HttpOnly, SameSite=Lax cookie holding a random token;
 * only its hash is stored. Expired sessions count as none.
 */
export class Sessions {
  constructor(
    private readonly repo: SessionsRepo,
    private readonly users: UsersRepo,
    private readonly opts: SessionsOptions,
  ) {}

  /** A new session for `userId`; returns the token for the cookie (shown nowhere else). */
  start(userId: string, now = Date.now()): { token: string; sessionId: string; csrfToken: string } {
    this.repo.purgeExpired(new Date(now).toISOString())
    const token = randomToken()
    const sessionId = hashToken(token)
    const at = new Date(now).toISOString()
    const csrfToken = randomToken()
    this.repo.create({
      id_hash: sessionId,
      user_id: userId,
      csrf_token: csrfToken,
      created_at: at,
      last_seen_at: at,
      expires_at: new Date(now + this.opts.ttlMs).toISOString(),
    })
    return { token, sessionId, csrfToken }
  }

  /**
   * The session a token opens, or null (unknown, expired or its user is gone). Refreshes a
   * session in use (sliding expiry), at most hourly; `refreshed` tells the caller to re-send the cookie.
   */
  resolve(token: string | null, now = Date.now()): (AuthContext & { refreshed: boolean }) | null {
    if (!token) return null
    return this.resolveId(hashToken(token), now)
  }

  resolveId(sessionId: string, now = Date.now()): (AuthContext & { refreshed: boolean }) | null {
    const row = this.repo.get(sessionId)
    if (!row || row.ended_reason) return null
    if (Date.parse(row.expires_at) <= now) {
      this.repo.delete(sessionId)
      return null
    }
    const user = this.users.get(row.user_id)
    // A deactivated account's sessions are ended with it; checked here too, whatever a row says.
    if (!user || user.deactivatedAt) return null
    let expiresAt = row.expires_at
    let refreshed = false
    if (now - Date.parse(row.last_seen_at) >= Math.min(REFRESH_EVERY_MS, this.opts.ttlMs / 4)) {
      expiresAt = new Date(now + this.opts.ttlMs).toISOString()
      this.repo.refresh(sessionId, new Date(now).toISOString(), expiresAt)
      refreshed = true
    }
    return { sessionId, csrfToken: row.csrf_token, expiresAt, user, refreshed }
  }

  fromRequest(req: IncomingMessage): (AuthContext & { token: string; refreshed: boolean }) | null {
    const token = sessionTokenOf(req)
    const auth = this.resolve(token)
    return auth && token ? { ...auth, token } : null
  }

  end(sessionId: string): void {
    this.repo.delete(sessionId)
  }

  /**
   * Ends every session of a user for `reason` but `except` (the one that changed the password);
   * the browser holding one is told why (endedReason).
   */
  endAllOf(userId: string, reason: SessionEndReason, except: string | null = null): void {
    this.repo.endAllOf(userId, reason, except)
  }

  /** The user's sessions ended by the server are forgotten: their cookies are then simply signed out. */
  forgetEndedOf(userId: string): void {
    this.repo.dropEndedOf(userId)
  }

  /** Why the server ended the session of the request's cookie, while that session would still be valid. */
  endedReason(req: IncomingMessage, now = Date.now()): SessionEndReason | undefined {
    const token = sessionTokenOf(req)
    const row = token ? this.repo.get(hashToken(token)) : undefined
    if (!row?.ended_reason || Date.parse(row.expires_at) <= now) return undefined
    return SESSION_END_REASONS.find((r) => r === row.ended_reason)
  }

  /** Set-Cookie value for a session token (Secure when the browser came over HTTPS). */
  cookie(req: IncomingMessage, token: string): string {
    return this.cookieString(req, token, Math.floor(this.opts.ttlMs / 1000))
  }

  clearCookie(req: IncomingMessage): string {
    return this.cookieString(req, '', 0)
  }

  private cookieString(req: IncomingMessage, value: string, maxAgeSeconds: number): string {
    const parts = [`${SESSION_COOKIE}=${value}`, 'Path=/', 'HttpOnly', 'SameSite=Lax', `Max-Age=${maxAgeSeconds}`]
    if (isHttps(req, this.opts.trustProxy)) parts.push('Secure')
    return parts.join('; ')
  }
}
