import { useEffect, useState } from 'react'
import { whenQuiet } from './quietMoments'

/**
 * How many of `total` items to render: `first` at once, then `step` more at each animation frame
 * until all are there. A list of hundreds (a draft's review threads) then appears in pieces, none
 * of which holds the page for long, instead of in one render and commit of ~100 ms while the
 * draft opens. While the person types, a piece waits for the pause after a keystroke's frame
 * (see quietMoments). `showAll` renders the rest at once (to reveal an item further down).
 */
export function useProgressive(total: number, first: number, step: number): { shown: number; showAll: () => void } {
  const [shown, setShown] = useState(first)
  useEffect(() => {
    if (shown >= total) return
    let cancelQuiet: (() => void) | null = null
    const frame = requestAnimationFrame(() => {
      cancelQuiet = whenQuiet(() => setShown((n) => Math.min(total, n + step)))
    })
    return () => {
      cancelAnimationFrame(frame)
      cancelQuiet?.()
    }
  }, [shown, total, step])
  return { shown: Math.min(shown, total), showAll: () => setShown(total) }
}
