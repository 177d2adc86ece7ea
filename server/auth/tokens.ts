import crypto from 'node:crypto'

/** 32 random bytes, base64url (43 characters): session and invitation tokens, CSRF tokens. */
export function randomToken(): string {
  return crypto.randomBytes(32).toString('base64url')
}

export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/

/** Only this digest of a token is stored: a copy of the database does not let anyone in. */
export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token, 'utf8').digest('hex')
}

/** Constant-time string equality (different lengths are simply unequal). */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8')
  const y = Buffer.from(b, 'utf8')
  return x.length === y.length && crypto.timingSafeEqual(x, y)
}

/** A random primary key for users, organizations and invitations. */
export function newRowId(): string {
  return crypto.randomBytes(12).toString('base64url')
}
