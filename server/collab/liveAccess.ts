import { CloseCode, CloseReason } from '../../shared/protocol'
import type { AccessRepo } from '../db/accessRepo'
import type { UserRecord, UsersRepo } from '../db/usersRepo'
import type { Sessions } from '../auth/sessions'
import type { Logger } from '../logger'
import type { ConnectionIdentity, ConnectionRegistry, LiveConnection } from './registry'
import { orgLabel } from '../../shared/orgLabel'

/** The identity a sync connection carries, from the session's user. */
export function identityOf(user: UserRecord, sessionId: string): ConnectionIdentity {
  return {
    userId: user.id,
    orgId: user.organization.id,
    sessionId,
    user: {
      name: user.displayName,
      organization: orgLabel(user.organization),
      color: user.organization.color,
      userId: user.id,
    },
  }
}

export interface LiveAccessDeps {
  registry: ConnectionRegistry
  access: AccessRepo
  users: UsersRepo
  sessions: Sessions
  log: Logger
}

/**
 * Access changes take effect on open connections at once: a revoked grant closes them (4403),
 * a changed role is sent and enforced from the next message, an ended session closes its
 * connections (4401). Call after the change is committed.
 */
export class LiveAccess {
  constructor(private readonly deps: LiveAccessDeps) {}

  /** Grants of `docId` changed: re-evaluate every connection to it. */
  documentChanged(docId: string): void {
    for (const conn of this.deps.registry.ofDocument(docId)) this.reevaluate(conn)
  }

  /** Grants of many documents may have changed (e.g. claimed by the first administrator). */
  everythingChanged(): void {
    for (const conn of this.deps.registry.all()) this.reevaluate(conn)
  }

  /** A session ended (sign-out): its connections close as "not signed in". */
  sessionEnded(sessionId: string): void {
    for (const conn of this.deps.registry.all()) {
      if (conn.identity.sessionId === sessionId) this.close(conn, 'session ended', CloseCode.unauthorized, CloseReason.unauthorized)
    }
  }

  /** The person's sessions but `except` were ended (a new password): their connections close as signed out. */
  sessionsEndedOf(userId: string, except: string | null): void {
    for (const conn of this.deps.registry.all()) {
      if (conn.identity.userId === userId && conn.identity.sessionId !== except) {
        this.close(conn, 'password changed', CloseCode.unauthorized, CloseReason.unauthorized)
      }
    }
  }

  /** An account was deactivated: its connections close for good, saying so (its sessions have ended). */
  personDeactivated(userId: string): void {
    for (const conn of this.deps.registry.all()) {
      if (conn.identity.userId === userId) this.close(conn, 'account deactivated', CloseCode.deactivated, CloseReason.deactivated)
    }
  }

  /**
   * A person moved to another organization: their connections carry the new organization (in
   * presence, and on the edits they store from now on) and get the role that organization's
   * grants give them, closed with 4403 where none is left.
   */
  personChanged(userId: string): void {
    const user = this.deps.users.get(userId)
    for (const conn of this.deps.registry.all()) {
      if (conn.identity.userId !== userId) continue
      if (!user) {
        this.close(conn, 'user gone', CloseCode.unauthorized, CloseReason.unauthorized)
        continue
      }
      conn.setIdentity(identityOf(user, conn.identity.sessionId))
      this.reevaluate(conn)
    }
  }

  /** People or organizations were renamed or recoloured: later awareness states carry the new identity. */
  identitiesChanged(): void {
    for (const conn of this.deps.registry.all()) {
      const user = this.deps.users.get(conn.identity.userId)
      if (!user) this.close(conn, 'user gone', CloseCode.unauthorized, CloseReason.unauthorized)
      else conn.setIdentity(identityOf(user, conn.identity.sessionId))
    }
  }

  /**
   * Expired sessions end their connections too; sessions in use are refreshed (sliding expiry),
   * so a person who only edits keeps their session. Run periodically.
   */
  sweepSessions(now = Date.now()): void {
    const checked = new Map<string, boolean>()
    for (const conn of this.deps.registry.all()) {
      const id = conn.identity.sessionId
      let valid = checked.get(id)
      if (valid === undefined) {
        valid = this.deps.sessions.resolveId(id, now) !== null
        checked.set(id, valid)
      }
      if (!valid) this.close(conn, 'session expired', CloseCode.unauthorized, CloseReason.unauthorized)
    }
  }

  private reevaluate(conn: LiveConnection): void {
    const role = this.deps.access.roleOf(conn.docId, conn.identity.userId, conn.identity.orgId)
    if (!role) this.close(conn, 'access revoked', CloseCode.forbidden, CloseReason.forbidden)
    else conn.setRole(role)
  }

  private close(conn: LiveConnection, why: string, code: number, reason: string): void {
    this.deps.log.info(`closing sync connection: ${why}`, { docId: conn.docId, conn: conn.id, user: conn.identity.userId })
    conn.close(code, reason)
  }
}
