import { useEffect, useLayoutEffect, useRef } from 'react'

/**
 * Calls `onChange(before, now)` after a render in which `value` differs from the previous
 * render's (never for the first value): to fetch again what depended on it, say a role.
 */
export function useOnChange<T>(value: T, onChange: (before: T, now: T) => void): void {
  const last = useRef(value)
  const callback = useRef(onChange)
  useLayoutEffect(() => {
    callback.current = onChange
  })
  useEffect(() => {
    const before = last.current
    last.current = value
    if (!Object.is(before, value)) callback.current(before, value)
  }, [value])
}
