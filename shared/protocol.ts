/**
 * Wire constants shared by the sync server and the browser client. The y-websocket protocol
 * itself (sync = 0, awareness = 1, auth = 2, query awareness = 3) comes from y-protocols.
 */

import { SCHEMA_VERSION } from './schema/version'

export const SYNC_PATH = '/sync'

export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  /** Server → client: the state vector the server has durably stored (Accord extension). */
  stored: 100,
  /** Server → client: this connection's role on the document, varString (Accord extension). */
  role: 101,
  /** Server → client: a review thread changed, varString(JSON ThreadsChanged) (Accord extension). */
  threads: 102,
  /**
   * Server → client: one message of the types above, gzipped: the rest of the frame (Accord
   * extension; only to a client that asked with GZIP_PARAM). The first sync of a 300-article law
   * is 772 KB as is, 225 KB gzipped.
   */
  gzipped: 103,
  /** Server → client: the draft was renamed, varString(new title) (Accord extension). */
  renamed: 104,
  /** Server → client: an organization stated or withdrew a preference among alternative wordings; no body (Accord extension). */
  preferences: 105,
} as const

/** Query parameter of the sync URL by which a client asks for large messages gzipped (`=1`). */
export const GZIP_PARAM = 'gzip'

/**
 * Query parameter of the sync URL by which a client says it reads Accord's own messages
 * (`=1`): stored, role, threads. Without it the server speaks plain y-websocket, since a stock
 * provider logs "Unable to compute message" for every message type it does not know.
 */
export const ACCORD_PARAM = 'accord'

/**
 * Query parameter of the sync URL by which Accord's editor says which version of the legal
 * text's schema it binds (shared/schema SCHEMA_VERSION). A page opened before an upgrade that
 * added a node type would take the new nodes for invalid content and delete them for everyone
 * (the binding drops what its schema rejects), so the server refuses it (4426) until reloaded.
 */
export const SCHEMA_PARAM = 'schema'

/** The sync URL's parameters of an Accord editor: Accord's own messages, and its schema's version. */
export function accordParams(): Record<string, string> {
  return { [ACCORD_PARAM]: '1', [SCHEMA_PARAM]: String(SCHEMA_VERSION) }
}

/** Whether a message of type `type` is one of Accord's own (100 and up), not y-websocket's. */
export function isAccordMessage(type: number): boolean {
  return type >= MessageType.stored
}

/** Body of a `threads` message: which thread changed; clients fetch the threads again. */
export interface ThreadsChanged {
  threadId: string
  change: 'created' | 'updated' | 'deleted'
}

/** Reason sent with y-protocols' auth "permission denied" when a read-only connection writes. */
export const READ_ONLY_REASON = 'read-only'

/**
 * WebSocket close codes. y-websocket 3.1 treats 4400–4499 as final (no reconnect);
 * any other code makes the provider reconnect with backoff.
 */
export const CloseCode = {
  normal: 1000,
  goingAway: 1001,
  /** A frame that could not be decoded. */
  malformedMessage: 4400,
  unauthorized: 4401,
  forbidden: 4403,
  unknownDocument: 4404,
  /** Final: an administrator deactivated this person's account (their sessions ended with it). */
  deactivated: 4410,
  messageTooLarge: 4413,
  /**
   * Final: the page's editor binds an older (or newer) schema of the legal text than the server
   * (an upgrade happened while it was open, or the page sent no version): reload the page.
   */
  outdated: 4426,
  /** Final: more messages than the per-session or per-address rate allows (server/collab/admission.ts). */
  rateLimited: 4429,
  /** Retryable: the document could not be loaded or stored right now. */
  storageUnavailable: 4503,
  /** Retryable: the server is shutting down. */
  serverShutdown: 4504,
} as const

export type CloseCodeName = keyof typeof CloseCode

export const CloseReason: Record<CloseCodeName, string> = {
  normal: 'closed',
  goingAway: 'going away',
  malformedMessage: 'malformed message',
  unauthorized: 'not signed in',
  forbidden: 'no access to this document',
  unknownDocument: 'no such document',
  deactivated: 'account deactivated',
  messageTooLarge: 'message too large',
  outdated: 'editor outdated: reload the page',
  rateLimited: 'too many messages',
  storageUnavailable: 'storage unavailable',
  serverShutdown: 'server shutting down',
}

export function closeCodeName(code: number): CloseCodeName | undefined {
  return (Object.keys(CloseCode) as CloseCodeName[]).find((k) => CloseCode[k] === code)
}

/** The Y.XmlFragment that holds the legal text in every document. */
export const TEXT_FIELD = 'default'
