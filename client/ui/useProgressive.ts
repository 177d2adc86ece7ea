import { useEffect, useState } from 'react'

/**
 * How many of `total` items to render: `first` at once, then `step` more at each animation frame
 * until all are there. A list of hundreds (a draft's review threads) then appears in pieces, none
 * of which holds the page for long, instead of in one render and commit of ~100 ms while the
 * draft opens. `showAll` renders the rest at once (to reveal an item further down).
 */
export function useProgressive(total: number, first: number, step: number): { shown: number; showAll: () => void } {
  const [shown, setShown] = useState(first)
  useEffect(() => {
    if (shown >= total) return
    const frame = requestAnimationFrame(() => setShown((n) => Math.min(total, n + step)))
    return () => cancelAnimationFrame(frame)
  }, [shown, total, step])
  return { shown: Math.min(shown, total), showAll: () => setShown(total) }
}
