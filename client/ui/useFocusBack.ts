import { useEffect, useRef, type RefObject } from 'react'

/** Whether the focus is nowhere: Chromium leaves it on <body> when the control holding it is removed or disabled. */
export const focusIsLost = (): boolean => document.activeElement === null || document.activeElement === document.body

/**
 * A control that takes the focus back when what it opened in its place closes (a reply or edit
 * form, a confirmation): when `open` turns false and the closing took the focus with it, the
 * returned ref's element gets it. Nothing moves if the focus went on elsewhere.
 */
export function useFocusBack<T extends HTMLElement>(open: boolean): RefObject<T | null> {
  const ref = useRef<T>(null)
  const wasOpen = useRef(open)
  useEffect(() => {
    if (wasOpen.current && !open && focusIsLost()) ref.current?.focus()
    wasOpen.current = open
  }, [open])
  return ref
}
