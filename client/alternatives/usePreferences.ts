import { useCallback, useEffect, useState } from 'react'
import type { PreferencesOverview } from '../../shared/api'
import { api, errorText } from '../api/http'
import type { CollabSession } from '../collab/session'
import { useI18n } from '../i18n/i18n'

/**
 * The organizations' stated preferences, fetched as the panel opens, again whenever the server
 * says they changed (message 105) or the connection came back, and replaced by the answer to
 * our own statement.
 */
export function usePreferences(docId: string, session: CollabSession | null) {
  const { t } = useI18n()
  const [overview, setOverview] = useState<PreferencesOverview | null>(null)
  const [loadError, setLoadError] = useState('')

  const refresh = useCallback(() => {
    api.listPreferences(docId).then(
      (next) => {
        setOverview(next)
        setLoadError('')
      },
      (err: unknown) => setLoadError(errorText(err, t)),
    )
  }, [docId, t])

  useEffect(() => {
    refresh()
    return session?.onPreferencesChanged(refresh)
  }, [refresh, session])

  return { overview, setOverview, loadError }
}
