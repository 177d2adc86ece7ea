import { useEffect, useRef, type RefObject } from 'react'
import { focusIsLost } from '../ui/useFocusBack'

const CARD = '[data-thread-id]'

/**
 * Keeps the focus in the list of thread cards when the card holding it goes (resolved under
 * "Open", deleted, hidden by a filter, here or by someone else) or loses the control that held
 * it (a comment deleted): the focus goes to that card if it is still listed, else to the card
 * that took its place (or the one before), else to `fallback` — never to the page's <body>,
 * where a keyboard user would start again from the top. Run after every render of the list.
 */
export function useKeepListFocus(list: RefObject<HTMLElement | null>, fallback: RefObject<HTMLElement | null>): void {
  /** The card the focus was last in, and its place in the list; null once the focus left the list on purpose. */
  const last = useRef<{ id: string; index: number } | null>(null)

  useEffect(() => {
    const element = list.current
    if (!element) return
    const onFocusIn = (event: FocusEvent) => {
      const card = event.target instanceof Element ? event.target.closest<HTMLElement>(CARD) : null
      last.current = card ? { id: card.dataset.threadId!, index: [...element.querySelectorAll(CARD)].indexOf(card) } : null
    }
    // Focus taken away by a click elsewhere, not by the control's removal or disabling: leave it.
    // Chromium blurs a control being removed before it is gone, so that is told only afterwards.
    const onFocusOut = (event: FocusEvent) => {
      const { target, relatedTarget } = event
      if (relatedTarget instanceof Node && element.contains(relatedTarget)) return
      queueMicrotask(() => {
        if (target instanceof HTMLElement && target.isConnected && !(target as HTMLButtonElement).disabled) last.current = null
      })
    }
    element.addEventListener('focusin', onFocusIn)
    element.addEventListener('focusout', onFocusOut)
    return () => {
      element.removeEventListener('focusin', onFocusIn)
      element.removeEventListener('focusout', onFocusOut)
    }
  }, [list])

  useEffect(() => {
    const was = last.current
    const element = list.current
    if (!was || !element || !focusIsLost()) return
    last.current = null
    const cards = [...element.querySelectorAll<HTMLElement>(CARD)]
    const target = cards.find((card) => card.dataset.threadId === was.id) ?? cards[Math.min(was.index, cards.length - 1)] ?? fallback.current
    target?.focus()
  })
}
