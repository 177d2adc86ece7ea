import { useCallback, useState, type Dispatch, type SetStateAction } from 'react'
import { errorText } from './http'
import { useI18n } from '../i18n/i18n'

/**
 * A value the server gives (null until it has), the error of the last attempt in words, and
 * `reload` to ask again; when to ask is the caller's (on open, on a notice, on a timer). The last
 * answer wins; an answer that failed leaves the value it had.
 */
export function useFetched<T>(load: () => Promise<T>): {
  value: T | null
  setValue: Dispatch<SetStateAction<T | null>>
  error: string
  reload: () => void
} {
  const { t } = useI18n()
  const [value, setValue] = useState<T | null>(null)
  const [error, setError] = useState('')
  const reload = useCallback(() => {
    load().then(
      (next) => {
        setValue(next)
        setError('')
      },
      (err: unknown) => setError(errorText(err, t)),
    )
  }, [load, t])
  return { value, setValue, error, reload }
}
