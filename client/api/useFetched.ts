import { useCallback, useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react'
import { useFailure } from '../ui/useFailure'

/**
 * A value the server gives (null until it has), the error of the last attempt in words, whether
 * a request is on its way, and `reload` to ask again; when to ask is the caller's (on open, on a
 * notice, on a timer). Only the latest request's answer is shown (an earlier one may arrive after
 * it), none once the component is gone; an answer that failed leaves the value it had.
 */
export function useFetched<T>(load: () => Promise<T>): {
  value: T | null
  setValue: Dispatch<SetStateAction<T | null>>
  error: string
  loading: boolean
  reload: () => void
} {
  const [value, setValue] = useState<T | null>(null)
  const [error, setError] = useFailure()
  const [loading, setLoading] = useState(false)
  const latest = useRef(0)
  const reload = useCallback(() => {
    const request = ++latest.current
    setLoading(true)
    load().then(
      (next) => {
        if (request !== latest.current) return
        setValue(next)
        setError(null)
        setLoading(false)
      },
      (err: unknown) => {
        if (request !== latest.current) return
        setError(err)
        setLoading(false)
      },
    )
  }, [load, setError])
  useEffect(
    () => () => {
      latest.current++ // gone: answers still on their way are not shown
    },
    [],
  )
  return { value, setValue, error, loading, reload }
}
