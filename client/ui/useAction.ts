import { useCallback, useState } from 'react'
import { errorText } from '../api/http'
import { useI18n } from '../i18n/i18n'

/**
 * Runs a user action (usually a form submit): tracks "busy" and turns any failure into a
 * sentence in the user's language.
 */
export function useAction(): { busy: boolean; error: string; setError: (message: string) => void; run: (action: () => Promise<unknown>) => Promise<void> } {
  const { t } = useI18n()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const run = useCallback(
    async (action: () => Promise<unknown>) => {
      setBusy(true)
      setError('')
      try {
        await action()
      } catch (err) {
        setError(errorText(err, t))
      } finally {
        setBusy(false)
      }
    },
    [t],
  )
  return { busy, error, setError, run }
}
