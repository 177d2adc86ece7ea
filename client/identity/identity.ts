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

/** HSL (degrees, 0–1, 0–1) to #rrggbb: the caret plugin accepts only hex colours. */
function hslToHex(h: number, s: number, l: number): string {
  const a = s * Math.min(l, 1 - l)
  const channel = (n: number) => {
    const k = (n + h / 30) % 12
    const value = l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))
    return Math.round(value * 255).toString(16).padStart(2, '0')
  }
  return `#${channel(0)}${channel(8)}${channel(4)}`
}

/** A calm, readable colour per organization, so colleagues share one colour. */
export function organizationColor(organization: string): string {
  let hash = 0
  for (const ch of organization.trim().toLowerCase()) hash = (hash * 31 + ch.codePointAt(0)!) >>> 0
  return hslToHex(hash % 360, 0.65, 0.42)
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
