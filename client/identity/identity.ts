import { useSyncExternalStore } from 'react'

/** The name and organization shown to co-authors, kept in this browser until accounts exist. */
export interface Identity {
  name: string
  organization: string
  color: string
}

const STORAGE_KEY = 'accord.identity'
const listeners = new Set<() => void>()
let cached: Identity | null | undefined

/** A calm, readable colour per organization, so colleagues share one colour. */
export function organizationColor(organization: string): string {
  let hash = 0
  for (const ch of organization.trim().toLowerCase()) hash = (hash * 31 + ch.codePointAt(0)!) >>> 0
  return `hsl(${hash % 360} 65% 42%)`
}

function read(): Identity | null {
  if (cached !== undefined) return cached
  try {
    const parsed = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<Identity> | null
    cached = parsed?.name && parsed.organization
      ? { name: parsed.name, organization: parsed.organization, color: organizationColor(parsed.organization) }
      : null
  } catch {
    cached = null // a corrupted entry just means asking again
  }
  return cached
}

export function saveIdentity(name: string, organization: string): Identity {
  const identity = { name: name.trim(), organization: organization.trim(), color: organizationColor(organization) }
  localStorage.setItem(STORAGE_KEY, JSON.stringify(identity))
  cached = identity
  listeners.forEach((l) => l())
  return identity
}

export function useIdentity(): Identity | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    read,
  )
}
