import { useLayoutEffect, useRef, useSyncExternalStore } from 'react'
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
      return state.pending > 0 ? t('status.offline', { n: state.pending }) : t('status.offlineNone')
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
      }
      return t('status.refused', { reason: t(reasons[state.reason] ?? 'reason.other') })
    }
  }
}

export function useSyncState(session: CollabSession): SyncState {
  return useSyncExternalStore(session.subscribe, () => session.syncState)
}

/**
 * "Saved" only when the server has stored every local change. Updated in place rather than
 * re-rendered: it flips between saving and saved with every keystroke, and every React commit
 * while the editor has focus makes React measure the selection across the whole text.
 */
export function SyncStatus({ session }: { session: CollabSession }) {
  const { t } = useI18n()
  const box = useRef<HTMLDivElement>(null)
  const text = useRef<HTMLSpanElement>(null)
  useLayoutEffect(() => {
    let shown = ''
    // The session notifies on every message: touch the DOM (style, layout) only on a change.
    const show = () => {
      const state = session.syncState
      const description = describe(state, t)
      if (`${state.kind}:${description}` === shown) return
      shown = `${state.kind}:${description}`
      box.current!.className = `sync-status sync-${state.kind}`
      box.current!.dataset.state = state.kind
      text.current!.textContent = description
    }
    show()
    return session.subscribe(show)
  }, [session, t])
  return (
    <div ref={box} role="status" aria-live="polite" data-testid="sync-status">
      <span className="sync-dot" aria-hidden="true" />
      <span ref={text} />
    </div>
  )
}
