import { useEffect, useRef, type ReactNode } from 'react'
import { createPortal } from 'react-dom'

/**
 * A full-window view over the editor (a version, a comparison): focus moves in when it opens and
 * back when it closes; Escape closes it. The editor underneath stays connected. Rendered into
 * <body> (a portal), so the side panel that opens it neither clips nor styles it.
 */
export function Overlay({ labelledBy, onClose, onKeyDown, testId, children }: {
  labelledBy: string
  onClose: () => void
  onKeyDown?: (event: React.KeyboardEvent<HTMLDivElement>) => void
  testId?: string
  children: ReactNode
}) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null
    ref.current?.focus()
    return () => previous?.focus()
  }, [])
  return createPortal(
    <div className="overlay-backdrop">
      <div
        ref={ref}
        className="overlay"
        role="dialog"
        aria-modal="true"
        aria-labelledby={labelledBy}
        tabIndex={-1}
        data-testid={testId}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && !event.defaultPrevented) {
            event.preventDefault()
            onClose()
            return
          }
          onKeyDown?.(event)
        }}
      >
        {children}
      </div>
    </div>,
    document.body,
  )
}
