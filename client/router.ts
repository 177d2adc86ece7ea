import { useSyncExternalStore } from 'react'

/** Two routes: the list of drafts (/) and one draft (/d/:id). */
export type Route = { name: 'documents' } | { name: 'document'; id: string }

function parse(pathname: string): Route {
  const match = /^\/d\/([^/]+)\/?$/.exec(pathname)
  return match ? { name: 'document', id: decodeURIComponent(match[1]) } : { name: 'documents' }
}

const listeners = new Set<() => void>()
window.addEventListener('popstate', () => listeners.forEach((l) => l()))

export function navigate(path: string): void {
  history.pushState(null, '', path)
  listeners.forEach((l) => l())
}

let lastPath = ''
let lastRoute: Route = { name: 'documents' }

export function useRoute(): Route {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    () => {
      if (location.pathname !== lastPath) {
        lastPath = location.pathname
        lastRoute = parse(lastPath)
      }
      return lastRoute
    },
  )
}
