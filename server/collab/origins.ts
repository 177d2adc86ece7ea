/**
 * Transaction origins of changes the server itself makes to a live document. A change made by a
 * sync connection has that connection as its origin; anything else says what it is and on whose
 * behalf, so the room can store, attribute and broadcast it like any edit.
 */

export interface Author {
  userId: string
  orgId: string
}

/** A version's text written over the current text (POST …/versions/:vid/restore). */
export interface RestoreOrigin {
  readonly kind: 'restore'
  readonly author: Author
  readonly versionId: string
}

/** A proposed wording accepted by an editor, written over its passage (POST …/threads/:threadId/proposal). */
export interface WordingOrigin {
  readonly kind: 'wording'
  readonly author: Author
  readonly threadId: string
}

/** Every server-made origin; add import, api… here when they arrive. */
export type ServerOrigin = RestoreOrigin | WordingOrigin

export function restoreOrigin(author: Author, versionId: string): RestoreOrigin {
  return Object.freeze({ kind: 'restore', author: { ...author }, versionId })
}

export function wordingOrigin(author: Author, threadId: string): WordingOrigin {
  return Object.freeze({ kind: 'wording', author: { ...author }, threadId })
}

const SERVER_ORIGIN_KINDS: readonly string[] = ['restore', 'wording'] satisfies ServerOrigin['kind'][]

export function isServerOrigin(origin: unknown): origin is ServerOrigin {
  return (
    typeof origin === 'object' &&
    origin !== null &&
    SERVER_ORIGIN_KINDS.includes((origin as { kind?: unknown }).kind as string) &&
    typeof (origin as { author?: unknown }).author === 'object'
  )
}
