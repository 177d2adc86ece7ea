import type { HttpError } from '../errors'
import { hashToken, newRowId, randomToken, TOKEN_PATTERN } from './tokens'

/**
 * One-time links (invitations, password resets): a random token that only the link holds, of
 * which the database keeps the hash; used once, and before it expires.
 */

/** A link just made: its row's id, hash and times, and the URL (the token's only copy) to hand over. */
export interface NewLink {
  id: string
  tokenHash: string
  createdAt: string
  expiresAt: string
  url: string
}

/** A new link under `baseUrl`/`path`/, valid `ttlMs` from `now`. */
export function newLink(baseUrl: string, path: string, ttlMs: number, now: number): NewLink {
  const token = randomToken()
  return {
    id: newRowId(),
    tokenHash: hashToken(token),
    createdAt: new Date(now).toISOString(),
    expiresAt: new Date(now + ttlMs).toISOString(),
    url: `${baseUrl}/${path}/${token}`,
  }
}

/** What each kind of link answers when it cannot be used. */
export interface LinkRefusals {
  invalid: () => HttpError
  used: () => HttpError
  expired: () => HttpError
}

/** The stored row of the link holding `token` if it can still be used at `now`; else its kind's refusal. */
export function usableLink<Row extends { used_at: string | null; expires_at: string }>(
  token: string,
  now: number,
  findByTokenHash: (hash: string) => Row | undefined,
  refuse: LinkRefusals,
): Row {
  const row = TOKEN_PATTERN.test(token) ? findByTokenHash(hashToken(token)) : undefined
  if (!row) throw refuse.invalid()
  if (row.used_at !== null) throw refuse.used()
  if (Date.parse(row.expires_at) <= now) throw refuse.expired()
  return row
}
