import { useCallback, useSyncExternalStore } from 'react'

/** Anything that says when it changed: the collaboration session, the comments controller. */
interface Store {
  subscribe(listener: () => void): () => void
}

/**
 * A value read from a store that may not exist yet, read again whenever the store says it
 * changed. Its subscription stays the same while the store does (a new subscribe function on
 * every render made React subscribe again each time).
 */
export function useStoreValue<S extends Store, T>(store: S | null | undefined, read: (store: S) => T, fallback: T): T {
  const subscribe = useCallback((listener: () => void) => store?.subscribe(listener) ?? (() => {}), [store])
  return useSyncExternalStore(subscribe, () => (store ? read(store) : fallback))
}
