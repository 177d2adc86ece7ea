import type { Role } from '../../shared/roles'
import type { AwarenessUser } from './awarenessIdentity'

/** Who is at the other end of a sync connection, from their session at upgrade time. */
export interface ConnectionIdentity {
  userId: string
  orgId: string
  /** SHA-256 of the session token, to close the session's connections when it ends. */
  sessionId: string
  user: AwarenessUser
}

/** What the live-access checks need from an open sync connection. */
export interface LiveConnection {
  readonly id: string
  readonly docId: string
  readonly identity: ConnectionIdentity
  readonly role: Role
  setRole(role: Role): void
  setIdentity(identity: ConnectionIdentity): void
  close(code: number, reason: string): void
}

/** Every open sync connection, for re-checking access when grants, people or sessions change. */
export class ConnectionRegistry {
  private readonly byDoc = new Map<string, Set<LiveConnection>>()

  add(conn: LiveConnection): void {
    let set = this.byDoc.get(conn.docId)
    if (!set) this.byDoc.set(conn.docId, (set = new Set()))
    set.add(conn)
  }

  remove(conn: LiveConnection): void {
    const set = this.byDoc.get(conn.docId)
    if (!set) return
    set.delete(conn)
    if (set.size === 0) this.byDoc.delete(conn.docId)
  }

  ofDocument(docId: string): LiveConnection[] {
    return [...(this.byDoc.get(docId) ?? [])]
  }

  all(): LiveConnection[] {
    return [...this.byDoc.values()].flatMap((set) => [...set])
  }
}
