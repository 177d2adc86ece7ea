import { ErrorCode } from '../shared/api'

/**
 * An error with an HTTP status and a stable code, thrown by handlers and services alike and
 * answered as `{error:{code,message}}`. Messages never hold passwords, tokens or document text.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(message)
    this.name = 'HttpError'
  }
}

export const unauthorized = () => new HttpError(401, ErrorCode.unauthorized, 'not signed in')
export const forbidden = (message = 'not allowed') => new HttpError(403, ErrorCode.forbidden, message)
export const notFound = (message = 'no such route') => new HttpError(404, ErrorCode.notFound, message)
export const documentNotFound = () => new HttpError(404, ErrorCode.documentNotFound, 'no such document')
export const internalError = () => new HttpError(500, ErrorCode.internal, 'internal error')
/** Over a per-person rate: when to try again, in seconds. */
export const rateLimited = (message: string, retryAfterS: number) => new HttpError(429, ErrorCode.rateLimited, message, undefined, { 'Retry-After': String(retryAfterS) })
