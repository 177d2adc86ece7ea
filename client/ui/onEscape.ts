import type { KeyboardEvent } from 'react'

/** A keydown handler that runs `action` on Escape, which then goes no further (a form or bar in the page closes). */
export function onEscape(action: () => void): (event: KeyboardEvent) => void {
  return (event) => {
    if (event.key !== 'Escape') return
    event.preventDefault()
    action()
  }
}
