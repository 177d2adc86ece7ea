import type { ReactNode } from 'react'
import { createPortal } from 'react-dom'
import { useModalDialog } from '../ui/useModalDialog'

/**
 * A full-window view over the editor (a version, a comparison, the agreement): a modal dialog
 * (client/ui/useModalDialog: focus in, Tab kept inside, Escape closes, focus back). The editor
 * underneath stays connected. Rendered into <body> (a portal), so the side panel that opens it
 * neither clips nor styles it.
 */
export function Overlay({ labelledBy, onClose, onKeyDown, testId, children }: {
  labelledBy: string
  onClose: () => void
  onKeyDown?: (event: React.KeyboardEvent<HTMLDivElement>) => void
  testId?: string
  children: ReactNode
}) {
  const dialog = useModalDialog<HTMLDivElement>(onClose)
  return createPortal(
    <div className="overlay-backdrop">
      <div {...dialog} className="overlay" aria-labelledby={labelledBy} data-testid={testId} onKeyDown={onKeyDown}>
        {children}
      </div>
    </div>,
    document.body,
  )
}
