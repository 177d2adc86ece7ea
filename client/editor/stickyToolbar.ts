/**
 * The editor's toolbar sticks to the top of the window and wraps onto a second row in a narrower
 * window (in Russian, at 1,100 px). What must stay clear of it — the sticky
 * outline and side panels, an article scrolled to from the outline, the caret kept in view while
 * typing — follows its measured height, not one row's.
 */

const ONE_ROW_PX = 52
/** Between the toolbar's lower edge (or the panels' sheet's upper one) and what is scrolled to (the caret, an article, a match of find-in-page). */
export const GAP_PX = 8
/** ProseMirror's own margin at an edge nothing covers. */
export const EDGE_PX = 5

/**
 * ProseMirror's scrollThreshold and scrollMargin for the editor: it reads them each time it
 * scrolls the caret into view, so this object is kept up to date in place.
 */
export const caretScrollMargins = { top: ONE_ROW_PX + GAP_PX, right: EDGE_PX, bottom: EDGE_PX, left: EDGE_PX }

/** The toolbar's height now (px): the top of the window that text under it cannot be read in. */
export function toolbarHeight(): number {
  return caretScrollMargins.top - GAP_PX
}

let followed: HTMLElement | null = null

function applyHeight(height: number): void {
  const root = document.documentElement
  caretScrollMargins.top = height + GAP_PX
  root.style.setProperty('--toolbar-height', `${height}px`)
  root.style.scrollPaddingTop = `${height + GAP_PX}px`
}

/**
 * Keeps `--toolbar-height` (CSS: the sticky outline and panels), the window's scroll padding
 * (what the browser scrolls into view) and the margins above in step with the toolbar; returns
 * the way to stop.
 */
export function followToolbarHeight(toolbar: HTMLElement): () => void {
  const root = document.documentElement
  followed = toolbar
  // Its first report comes before the first paint: no layout forced here.
  const observer = new ResizeObserver(() => applyHeight(toolbar.offsetHeight || ONE_ROW_PX))
  observer.observe(toolbar)
  return () => {
    observer.disconnect()
    if (followed === toolbar) followed = null
    root.style.removeProperty('--toolbar-height')
    root.style.removeProperty('scroll-padding-top')
    caretScrollMargins.top = ONE_ROW_PX + GAP_PX
  }
}

/**
 * Measures the toolbar now, for a scroll in the same turn as its height changed (the find bar
 * opening with its first match): the observer reports only after the next layout.
 */
export function syncToolbarHeight(): void {
  if (followed) applyHeight(followed.offsetHeight || ONE_ROW_PX)
}
