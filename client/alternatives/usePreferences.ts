import { useCallback, useEffect } from 'react'
import { api } from '../api/http'
import { useFetched } from '../api/useFetched'
import type { CollabSession } from '../collab/session'

/**
 * The organizations' stated preferences, fetched as the panel opens, again whenever the server
 * says they changed (message 105) or the connection came back, and replaced by the answer to
 * our own statement.
 */
export function usePreferences(docId: string, session: CollabSession | null) {
  const { value: overview, setValue: setOverview, error: loadError, reload: refresh } = useFetched(useCallback(() => api.listPreferences(docId), [docId]))

  useEffect(() => {
    refresh()
    return session?.onPreferencesChanged(refresh)
  }, [refresh, session])

  return { overview, setOverview, loadError }
}
