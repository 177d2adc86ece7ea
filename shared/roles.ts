/**
 * Roles on a draft and what each may do. The server enforces this; the client only uses it to
 * show or hide controls.
 */
export const ROLES = ['owner', 'drafter', 'reviewer', 'observer'] as const
export type Role = (typeof ROLES)[number]

export const ROLE_RANK: Record<Role, number> = { observer: 1, reviewer: 2, drafter: 3, owner: 4 }

export type DocumentAction =
  | 'read' // open, see text, presence, activity, versions
  | 'comment' // start and answer review threads
  | 'edit' // change the text
  | 'share' // grant and revoke access
  | 'rename'
  | 'delete'
  | 'propose' // propose a version for agreement, withdraw a proposal

const ALLOWED: Record<Role, readonly DocumentAction[]> = {
  owner: ['read', 'comment', 'edit', 'share', 'rename', 'delete', 'propose'],
  drafter: ['read', 'comment', 'edit'],
  reviewer: ['read', 'comment'],
  observer: ['read'],
}

export function can(role: Role | null | undefined, action: DocumentAction): boolean {
  return !!role && ALLOWED[role].includes(action)
}

/** The stronger of two roles (a person may hold one directly and another through their organization). */
export function strongerRole(a: Role | null, b: Role | null): Role | null {
  if (!a) return b
  if (!b) return a
  return ROLE_RANK[a] >= ROLE_RANK[b] ? a : b
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value)
}

/** "an observer", "a drafter": a role in an error's words. */
export function aRole(role: Role): string {
  return `${role === 'owner' || role === 'observer' ? 'an' : 'a'} ${role}`
}

/** What an action is, in an error's words ("an observer may not edit this document"). */
export const ACTION_WORDS: Record<DocumentAction, string> = {
  read: 'read this document',
  comment: 'comment on this document',
  edit: 'edit this document',
  share: 'share this document',
  rename: 'rename this document',
  delete: 'delete this document',
  propose: 'propose this document for agreement or withdraw a proposal',
}
