import { useEffect, useRef } from 'react'
import { useLatest } from './useLatest'

/**
 * Calls `onChange(before, now)` after a render in which `value` differs from the previous
 * render's (never for the first value): to fetch again what depended on it, say a role.
 */
export function useOnChange<T>(value: T, onChange: (before: T, now: T) => void): void {
  const last = useRef(value)
  const callback = useLatest(onChange)
  useEffect(() => {
    const before = last.current
    last.current = value
    if (!Object.is(before, value)) callback.current(before, value)
  }, [value, callback])
}
