import { useCallback, useState } from 'react'
import { useFailure } from './useFailure'

/**
 * Runs a user action (usually a form submit): tracks "busy" and turns any failure into a
 * sentence in the user's language (see useFailure).
 */
export function useAction(): { busy: boolean; error: string; run: (action: () => Promise<unknown>) => Promise<void>; clearError: () => void } {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useFailure()
  const run = useCallback(
    async (action: () => Promise<unknown>) => {
      setBusy(true)
      setError(null)
      try {
        await action()
      } catch (err) {
        setError(err)
      } finally {
        setBusy(false)
      }
    },
    [setError],
  )
  const clearError = useCallback(() => setError(null), [setError])
  return { busy, error, run, clearError }
}
