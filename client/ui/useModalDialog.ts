import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import { useLatest } from './useLatest'

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

/** Open modal dialogs, innermost last: Escape and Tab belong to the innermost one only. */
const stack: HTMLElement[] = []

/** The innermost modal dialog open, if any. */
export const topDialog = (): HTMLElement | null => stack[stack.length - 1] ?? null

/** The controls Tab stops at, in order (of a radio group, only the checked radio when there is one). */
function tabStops(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => {
    if (el.getClientRects().length === 0) return false
    if (!(el instanceof HTMLInputElement) || el.type !== 'radio' || el.checked) return true
    return !root.querySelector(`input[type="radio"][name="${CSS.escape(el.name)}"]:checked`)
  })
}

/**
 * A modal dialog for keyboard users: focus moves in when it opens (to an autoFocus control, else
 * the dialog itself), Tab and Shift+Tab cycle inside it, Escape calls `onClose` wherever the focus
 * is, focus that a control takes with it (removed, or disabled while busy) stays in the dialog,
 * and on closing focus goes back to where it was before the dialog opened. Spread the result on
 * the dialog's element and give it an accessible name (aria-labelledby).
 */
export function useModalDialog<T extends HTMLElement>(onClose: () => void) {
  const ref = useRef<T>(null)
  // Read while rendering: React focuses an autoFocus control before any effect of this component runs.
  const [opener] = useState(() => document.activeElement)
  const close = useLatest(onClose)
  const back = useRef<Element | null>(null)

  // Keys belong to the dialog from the commit that draws it. A passive effect can run a task
  // later, and Chromium lets an input event (an Escape pressed as soon as the dialog shows) go first.
  useLayoutEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    stack.push(dialog)
    // Opened in place of another dialog (a version view → its comparison): the opener went with
    // it, and that dialog has just given the focus back to its own opener.
    back.current = opener instanceof HTMLElement && opener.isConnected ? opener : document.activeElement
    if (!dialog.contains(document.activeElement)) dialog.focus()
    const onKey = (event: KeyboardEvent) => {
      if (stack[stack.length - 1] !== dialog || event.defaultPrevented) return
      if (event.key === 'Escape' && !event.isComposing) {
        event.preventDefault()
        close.current()
      } else if (event.key === 'Tab') {
        const stops = tabStops(dialog)
        const active = document.activeElement
        const inside = active instanceof Node && dialog.contains(active)
        const wrapTo = event.shiftKey
          ? (!inside || active === dialog || active === stops[0]) && stops[stops.length - 1]
          : (!inside || active === stops[stops.length - 1]) && stops[0]
        if (wrapTo || stops.length === 0) {
          event.preventDefault()
          ;(wrapTo || dialog).focus()
        }
      }
    }
    // Chromium moves the focus of a control removed or disabled to <body>: back to the dialog.
    const onFocusOut = (event: FocusEvent) => {
      if (event.relatedTarget) return
      requestAnimationFrame(() => {
        const active = document.activeElement
        if (dialog.isConnected && (!active || active === document.body)) dialog.focus({ preventScroll: true })
      })
    }
    document.addEventListener('keydown', onKey)
    dialog.addEventListener('focusout', onFocusOut)
    return () => {
      document.removeEventListener('keydown', onKey)
      dialog.removeEventListener('focusout', onFocusOut)
      stack.splice(stack.indexOf(dialog), 1)
    }
  }, [opener])

  // Focus goes back once the dialog has left the page, which a passive effect's cleanup sees.
  useEffect(() => {
    const dialog = ref.current
    return () => {
      // Still on the page: only StrictMode's rehearsal of an unmount, the dialog stays open.
      if (!dialog || dialog.isConnected) return
      // Back to the opener, unless focus has already gone somewhere else (a new page, say).
      const active = document.activeElement
      const to = back.current
      if ((!active || active === document.body) && to instanceof HTMLElement && to.isConnected) to.focus()
    }
  }, [opener])

  return { ref, role: 'dialog' as const, 'aria-modal': true, tabIndex: -1 }
}
