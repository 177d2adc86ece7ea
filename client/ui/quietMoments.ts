/**
 * Work the person is not waiting for (a long list filling in) waits, while they type, for the
 * moment right after the frame that shows a keystroke: the next key is tens of milliseconds away
 * then, so the work does not hold it up. At 1,000 review threads the comments panel fills in 33
 * renders of 10–25 ms each; done at every frame, they delayed most of the first keys typed into
 * a freshly opened draft. (Placing the highlights there too measured worse: see
 * docs/performance.md.)
 */

/** Someone counts as typing this long after the frame that showed their last edit. */
export const TYPING_MS = 1000

let lastEditShown = -Infinity
const waiting = new Set<() => void>()
let fallback: ReturnType<typeof setTimeout> | undefined

function typing(): boolean {
  return performance.now() - lastEditShown < TYPING_MS
}

function runWaiting(): void {
  clearTimeout(fallback)
  fallback = undefined
  const due = [...waiting]
  waiting.clear()
  for (const fn of due) fn()
}

/** The editor's cue: the frame that shows the person's own edit has been painted. */
export function editShown(): void {
  lastEditShown = performance.now()
  runWaiting()
}

/**
 * Runs `fn` now, or while the person types, at their next painted keystroke (or once typing
 * stops, if no keystroke comes). Returns how to cancel it while it waits; null when it ran at once.
 */
export function whenQuiet(fn: () => void): (() => void) | null {
  if (!typing()) {
    fn()
    return null
  }
  const once = () => fn()
  waiting.add(once)
  // A timer only while something waits, not one per keystroke.
  fallback ??= setTimeout(runWaiting, lastEditShown + TYPING_MS - performance.now())
  return () => waiting.delete(once)
}
