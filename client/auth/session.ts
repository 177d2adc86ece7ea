import { useSyncExternalStore } from 'react'
import type { SessionInfo, UserSummary } from '../../shared/api'
import { api, setCsrfToken, setUnauthorizedHandler } from '../api/http'

/** Who is signed in, shared by the whole app; null until the first answer. */
let current: SessionInfo | null = null
let loadError: unknown = null
const listeners = new Set<() => void>()

function publish(next: SessionInfo | null, error: unknown = null): void {
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
  await api.signOut().catch(() => undefined) // signed out either way once the cookie is gone
  await refreshSession()
}

setUnauthorizedHandler(() => void refreshSession())

export function useSession(): { info: SessionInfo | null; error: unknown } {
  useSyncExternalStore(
    (l) => {
      listeners.add(l)
      return () => listeners.delete(l)
    },
    () => current,
  )
  return { info: current, error: loadError }
}

/** How a signed-in person appears to co-authors (the server sets the same from the session). */
export interface Identity {
  name: string
  organization: string
  color: string
}

export function identityOf(user: UserSummary): Identity {
  return { name: user.displayName, organization: user.organization.shortName || user.organization.name, color: user.organization.color }
}
