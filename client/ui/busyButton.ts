import type { MouseEvent } from 'react'

const ignore = (event: MouseEvent) => {
  event.preventDefault() // nor the form it would submit
  event.stopPropagation()
}

/**
 * Props for a button that cannot act while it has the focus (its action running, or the form it
 * sent emptied): it says it is unavailable (aria-disabled) and ignores clicks, Enter and the
 * submit it would start, but keeps the focus. A disabled button loses it to <body>, where Escape
 * and Tab no longer reach the dialog or panel it is in. `disabled`: for other reasons.
 */
export function busyButton(busy: boolean, disabled = false) {
  return {
    disabled: disabled && !busy,
    'aria-disabled': busy || undefined,
    onClickCapture: busy ? ignore : undefined,
  }
}
