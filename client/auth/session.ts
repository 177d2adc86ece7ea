import { useSyncExternalStore } from 'react'
import type { SessionInfo, UserSummary } from '../../shared/api'
import { orgLabel } from '../../shared/orgLabel'
import { api, setCsrfToken, setUnauthorizedHandler } from '../api/http'

/** Who is signed in, shared by the whole app; null until the first answer. */
let current: SessionInfo | null = null
let loadError: unknown = null
/** The session this page was signed in with ended without this page signing out (expired, signed out elsewhere). */
let ended = false
/** This page is signing out: the session's end is no news to the person. */
let signingOut = false
const listeners = new Set<() => void>()

function publish(next: SessionInfo | null, error: unknown = null): void {
  if (next?.user) ended = false
  else if (next && current?.user && !signingOut) ended = true
  current = next
  loadError = error
  setCsrfToken(next?.csrfToken ?? null)
  listeners.forEach((l) => l())
}

export function applySession(info: SessionInfo): void {
  publish(info)
}

export async function refreshSession(): Promise<void> {
  try {
    publish(await api.session())
  } catch (err) {
    publish(null, err)
  }
}

export async function signOut(): Promise<void> {
  signingOut = true
  try {
    await api.signOut().catch(() => undefined) // signed out either way once the cookie is gone
    await refreshSession()
  } finally {
    signingOut = false
  }
}

setUnauthorizedHandler(() => void refreshSession())

export function useSession(): { info: SessionInfo | null; error: unknown; ended: boolean } {
  useSyncExternalStore(
    (l) => {
      listeners.add(l)
      return () => listeners.delete(l)
    },
    () => current,
  )
  return { info: current, error: loadError, ended }
}

/** How a signed-in person appears to co-authors (the server sets the same from the session). */
export interface Identity {
  /** Whose browser copies of drafts these are (client/collab/session.ts): never sent as one's awareness. */
  userId: string
  name: string
  organization: string
  color: string
}

export function identityOf(user: UserSummary): Identity {
  return { userId: user.id, name: user.displayName, organization: orgLabel(user.organization), color: user.organization.color }
}
