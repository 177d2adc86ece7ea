import { useSyncExternalStore } from 'react'

/** The list of drafts (/), one draft (/d/:id), administration (/admin), an invitation (/invite/:token), a password reset link (/reset/:token). */
export type Route =
  | { name: 'documents' }
  | { name: 'document'; id: string }
  | { name: 'admin' }
  | { name: 'invite'; token: string }
  | { name: 'reset'; token: string }

function parse(pathname: string): Route {
  const doc = /^\/d\/([^/]+)\/?$/.exec(pathname)
  if (doc) return { name: 'document', id: decodeURIComponent(doc[1]) }
  // One-time links, both holding their token.
  const link = /^\/(invite|reset)\/([^/]+)\/?$/.exec(pathname)
  if (link) return { name: link[1] as 'invite' | 'reset', token: decodeURIComponent(link[2]) }
  if (/^\/admin\/?$/.test(pathname)) return { name: 'admin' }
  return { name: 'documents' }
}

const listeners = new Set<() => void>()

/**
 * A new page starts where a loaded one does: the link that led here is gone, and Chromium's next
 * Tab went on from where it stood (to «← Все проекты», 22 stops before «Перейти к тексту»).
 * After the new page's first frame, unless it put the focus somewhere itself.
 */
function startFocusAtTop(): void {
  requestAnimationFrame(() => {
    const active = document.activeElement
    if (active && active !== document.body && active.isConnected) return
    document.body.tabIndex = -1
    document.body.focus({ preventScroll: true })
    document.body.removeAttribute('tabindex')
  })
}

function changed(): void {
  listeners.forEach((l) => l())
  startFocusAtTop()
}

window.addEventListener('popstate', changed)

export function navigate(path: string): void {
  history.pushState(null, '', path)
  changed()
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
