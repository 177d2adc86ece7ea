/**
 * Runs `fn` in the task after the next frame, so that work a keystroke causes but its frame does
 * not show (sending, bookkeeping) waits until that frame is painted. A hidden page produces no
 * frames: there it runs in the next task.
 */
export function afterNextFrame(fn: () => void): void {
  if (document.visibilityState === 'hidden') setTimeout(fn, 0)
  else requestAnimationFrame(() => setTimeout(fn, 0))
}
