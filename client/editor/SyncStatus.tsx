import { useSyncExternalStore } from 'react'
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

/** "Saved" only when the server has stored every local change. */
export function SyncStatus({ session }: { session: CollabSession }) {
  const { t } = useI18n()
  const state = useSyncState(session)
  return (
    <div className={`sync-status sync-${state.kind}`} role="status" aria-live="polite" data-testid="sync-status" data-state={state.kind}>
      <span className="sync-dot" aria-hidden="true" />
      {describe(state, t)}
    </div>
  )
}
