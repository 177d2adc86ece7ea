import { caretScrollMargins, EDGE_PX, GAP_PX } from './stickyToolbar'

/** How much of the window's bottom the side panels cover now (px): none but in one column. */
export function sheetHeight(): number {
  return caretScrollMargins.bottom - EDGE_PX
}

/**
 * In one column the open side panels are a sheet over the bottom of the window: the caret kept
 * in view while typing or moving (ProseMirror's scroll margin), and what the browser scrolls to
 * (scroll padding), stay above it. Follows the sidebar's size; returns the way to stop.
 */
export function followSheetHeight(sidebar: HTMLElement): () => void {
  const root = document.documentElement
  const observer = new ResizeObserver(() => {
    // Read only when the sidebar's size changed (a panel opened or closed, the window resized).
    const covering = getComputedStyle(sidebar).position === 'fixed' ? sidebar.offsetHeight : 0
    caretScrollMargins.bottom = EDGE_PX + (covering > 0 ? covering + GAP_PX : 0)
    root.style.scrollPaddingBottom = covering > 0 ? `${covering + GAP_PX}px` : ''
  })
  observer.observe(sidebar)
  return () => {
    observer.disconnect()
    caretScrollMargins.bottom = EDGE_PX
    root.style.removeProperty('scroll-padding-bottom')
  }
}
