import type * as Y from 'yjs'

/**
 * When the activity panel, open, fetches the list again: after co-authors' changes arrive, so that
 * a new editing session shows without closing and opening the panel. Not on every remote update
 * (a co-author typing sends several a second): once `delayMs` after the first one — by then the
 * server has moved it from its journal into the log the list is read from (at most a second) —
 * and then at most every `everyMs`, the last change always followed by a fetch. A local update
 * (a keystroke) costs one comparison of its origin; nothing is listened to while the panel is shut.
 */
export const ACTIVITY_REFRESH_DELAY_MS = 2_000
export const ACTIVITY_REFRESH_EVERY_MS = 10_000

export function refreshAfterRemoteChanges(
  ydoc: Y.Doc,
  isRemote: (origin: unknown) => boolean,
  refresh: () => void,
  { delayMs = ACTIVITY_REFRESH_DELAY_MS, everyMs = ACTIVITY_REFRESH_EVERY_MS } = {},
): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null
  let last = -Infinity
  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (timer !== null || !isRemote(origin)) return
    const wait = Math.max(delayMs, last + everyMs - Date.now())
    timer = setTimeout(() => {
      timer = null
      last = Date.now()
      refresh()
    }, wait)
  }
  ydoc.on('update', onUpdate)
  return () => {
    ydoc.off('update', onUpdate)
    if (timer !== null) clearTimeout(timer)
  }
}
