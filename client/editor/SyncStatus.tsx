import { useEffect, useLayoutEffect, useRef, useSyncExternalStore } from 'react'
import type { CollabSession, SyncState } from '../collab/session'
import { useI18n, type Translate } from '../i18n/i18n'
import type { MessageKey } from '../i18n/en'

function describe(state: SyncState, t: Translate): string {
  switch (state.kind) {
    case 'connecting':
      return t('status.connecting')
    case 'saving':
      return t('status.saving')
    case 'saved':
      return t('status.saved')
    case 'offline':
      return state.pending > 0 ? t('status.offline') : t('status.offlineNone')
    case 'storage':
      return t('status.storage')
    case 'refused': {
      const reasons: Partial<Record<string, MessageKey>> = {
        unknownDocument: 'reason.unknownDocument',
        messageTooLarge: 'reason.messageTooLarge',
        malformedMessage: 'reason.malformedMessage',
        unauthorized: 'reason.unauthorized',
        forbidden: 'reason.forbidden',
        rateLimited: 'reason.rateLimited',
        outdated: 'reason.outdated',
      }
      return t('status.refused', { reason: t(reasons[state.reason] ?? 'reason.other') })
    }
  }
}

export function useSyncState(session: CollabSession): SyncState {
  return useSyncExternalStore(session.subscribe, () => session.syncState)
}

/**
 * How long everything must have stayed stored before "Saving…" turns back into "Saved": while
 * someone types, the server acknowledges what it has stored (once per disk sync) and the next
 * keystroke is pending again a moment later, so the status would flicker as they type (a
 * repaint and a screen-reader announcement each time).
 */
const SAVED_SETTLE_MS = 500

/** How long the answer to Ctrl+S stays beside the status. */
const SAVE_KEY_HINT_MS = 5000

/** Ctrl+S (⌘S), or the same key on another layout («ы» on a Russian one). */
function isSaveKey(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && (event.key.toLowerCase() === 's' || event.code === 'KeyS')
}

/**
 * "Saved" only when the server has stored every local change (and it has stayed so for
 * SAVED_SETTLE_MS after saving). Updated in place rather than re-rendered: every React commit
 * while the editor has focus makes React measure the selection across the whole text.
 */
export function SyncStatus({ session }: { session: CollabSession }) {
  const { t } = useI18n()
  const box = useRef<HTMLDivElement>(null)
  const text = useRef<HTMLSpanElement>(null)
  const hint = useRef<HTMLSpanElement>(null)
  useLayoutEffect(() => {
    let shown = ''
    let settling: ReturnType<typeof setTimeout> | null = null
    // The session notifies on every message: touch the DOM (style, layout) only on a change.
    const write = (state: SyncState) => {
      const description = describe(state, t)
      if (`${state.kind}:${description}` === shown) return
      shown = `${state.kind}:${description}`
      box.current!.className = `sync-status sync-${state.kind}`
      box.current!.dataset.state = state.kind
      text.current!.textContent = description
    }
    const show = () => {
      const state = session.syncState
      if (state.kind === 'saved' && shown.startsWith('saving:')) {
        // Any other state before then cancels the wait (below), so what it writes is "Saved".
        settling ??= setTimeout(() => {
          settling = null
          write(session.syncState)
        }, SAVED_SETTLE_MS)
        return
      }
      if (settling) clearTimeout(settling) // pending again: the wait starts over once it is stored
      settling = null
      write(state)
    }
    show()
    const unsubscribe = session.subscribe(show)
    return () => {
      unsubscribe()
      if (settling) clearTimeout(settling)
    }
  }, [session, t])
  // Ctrl+S, a reflex from Word, would have the browser save the page as a file: Accord saves as
  // one types, and says so beside where things stand (announced with the status).
  useEffect(() => {
    let clearing: ReturnType<typeof setTimeout> | null = null
    const onKey = (event: KeyboardEvent) => {
      if (!isSaveKey(event)) return
      event.preventDefault()
      hint.current!.textContent = t('status.savedAsYouType')
      if (clearing) clearTimeout(clearing)
      clearing = setTimeout(() => {
        hint.current!.textContent = ''
      }, SAVE_KEY_HINT_MS)
    }
    document.addEventListener('keydown', onKey)
    return () => {
      document.removeEventListener('keydown', onKey)
      if (clearing) clearTimeout(clearing)
    }
  }, [t])
  return (
    <div ref={box} role="status" aria-live="polite" data-testid="sync-status">
      <span className="sync-dot" aria-hidden="true" />
      <span ref={text} />
      <span ref={hint} className="sync-hint" data-testid="save-key-hint" />
    </div>
  )
}

/**
 * The status again, in the sticky toolbar, while changes cannot be saved (offline, storage
 * failing): the top bar's status scrolls away with the page, and someone deep in a long law
 * typed on unaware. Shown only then; the top bar's status is the one announced.
 */
export function UnsavedChip({ session }: { session: CollabSession }) {
  const { t } = useI18n()
  // Its words alone (the session notifies on every message, and renders nothing else here).
  const words = useSyncExternalStore(session.subscribe, () => {
    const state = session.syncState
    return state.kind === 'offline' || state.kind === 'storage' ? describe(state, t) : ''
  })
  if (!words) return null
  return (
    <span className={`sync-status sync-${session.syncState.kind} sync-chip`} aria-hidden="true" data-testid="unsaved-chip">
      <span className="sync-dot" />
      {words}
    </span>
  )
}
