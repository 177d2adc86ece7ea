import { useCallback, useEffect, useState, type KeyboardEvent } from 'react'
import type { Editor } from '@tiptap/react'
import { focusText } from './SkipToText'

/** Where the editor's layout becomes one column (the media queries of client/styles/*.css). */
export const ONE_COLUMN = '(max-width: 1000px)'
const oneColumn = () => window.matchMedia(ONE_COLUMN).matches
/** How much of the window the open panels cover at most in one column (client/styles/app.css: 45vh). */
const SHEET_SHARE = 0.45

/** The panels of the right-hand sidebar; each one's element carries data-panel="<name>". */
export type PanelName = 'history' | 'activity' | 'comments' | 'alternatives' | 'parallel' | 'checks'

/** Into a panel opened from its button: its marked control (data-panel-focus), else its heading. */
function focusPanel(name: PanelName): void {
  const panel = document.querySelector(`[data-panel="${name}"]`)
  const target = panel?.querySelector<HTMLElement>('[data-panel-focus]') ?? panel?.querySelector<HTMLElement>('h2')
  target?.focus()
}

/**
 * In one column the open panels are a sheet over the bottom of the window: the text is scrolled
 * (as little as it takes) so that `target` will not be under it. Called as the panel opens, before
 * it is on the page: its largest height is assumed.
 */
export function keepAboveSheet(target: Element | Range | null): void {
  if (!target || !oneColumn()) return
  const covered = target.getBoundingClientRect().bottom - window.innerHeight * (1 - SHEET_SHARE) + 24
  if (covered > 0) window.scrollBy({ top: covered })
}

/**
 * Which side panels are open. Opened from its button, a panel takes the focus; closed from inside
 * (its Close, or Escape in one column, where it covers the text), it gives the focus to the text.
 * Comments start open, except in one column, where they would cover the text at once.
 */
export function useSidePanels(editor: Editor | null) {
  const [open, setOpen] = useState<Record<PanelName, boolean>>(() => ({ history: false, activity: false, comments: !oneColumn(), alternatives: false, parallel: false, checks: false }))
  const [focusing, setFocusing] = useState<PanelName | null>(null)

  // After the render that shows it.
  useEffect(() => {
    if (!focusing) return
    focusPanel(focusing)
    setFocusing(null)
  }, [focusing])

  const show = useCallback((name: PanelName) => setOpen((o) => (o[name] ? o : { ...o, [name]: true })), [])

  const toggle = (name: PanelName) => {
    setOpen((o) => ({ ...o, [name]: !o[name] }))
    if (!open[name]) setFocusing(name)
  }

  const close = (name: PanelName) => {
    setOpen((o) => ({ ...o, [name]: false }))
    if (editor && !editor.isDestroyed && editor.isEditable) editor.view.focus()
    else focusText()
  }

  /** Escape in a panel of the sheet closes it (its own controls, the comment box say, come first). */
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Escape' || event.defaultPrevented || !oneColumn()) return
    // Views and dialogs a panel opens are portals: their keys bubble here through React, not the page.
    if (!(event.target instanceof Element) || !event.currentTarget.contains(event.target)) return
    const name = event.target.closest('[data-panel]')?.getAttribute('data-panel') as PanelName | undefined
    if (!name) return
    event.preventDefault()
    close(name)
  }

  return { open, show, toggle, close, onKeyDown }
}
