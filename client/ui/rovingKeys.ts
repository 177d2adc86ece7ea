/** The keys that move along a list laid out vertically (a menu) or horizontally (a tab list). */
const STEP: Record<'vertical' | 'horizontal', Record<string, 1 | -1>> = {
  vertical: { ArrowDown: 1, ArrowUp: -1 },
  horizontal: { ArrowRight: 1, ArrowLeft: -1 },
}

/**
 * Where a key moves the focus in a list of `count` items that is one Tab stop (WAI-ARIA menus and
 * tab lists): the arrows of its direction step to the next or previous item, round the ends;
 * Home and End go to the first and the last. Null for any other key, or an empty list.
 */
export function rovingTarget(key: string, at: number, count: number, direction: 'vertical' | 'horizontal'): number | null {
  if (count === 0) return null
  if (key === 'Home') return 0
  if (key === 'End') return count - 1
  const step = STEP[direction][key]
  if (step === undefined) return null
  return (at + step + count) % count
}
