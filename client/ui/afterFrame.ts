/**
 * Runs `fn` in the task after the next frame, so that work a keystroke causes but its frame does
 * not show (sending, bookkeeping) waits until that frame is painted. A hidden page produces no
 * frames: there it runs in the next task.
 */
export function afterNextFrame(fn: () => void): void {
  if (document.visibilityState === 'hidden') nextTask(fn)
  else requestAnimationFrame(() => nextTask(fn))
}

/** Runs `fn` in a task of its own, after whatever the current one does. */
export function nextTask(fn: () => void): void {
  setTimeout(fn, 0)
}
