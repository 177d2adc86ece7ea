import type { BlockDiff } from '../../shared/diff'

/** "Article 7. → Article 8." when renumbered, else the one label. */
export function labels(before: string | null, after: string | null): string {
  if (before && after && before !== after) return `${before} → ${after}`
  return after ?? before ?? ''
}

/**
 * A block's number in the comparison. One on both sides that gained or lost its number (an
 * article left with one paragraph: «2. → 1)», and the first «1. → (без номера)») says so; the
 * new side's empty label used to fall back to the old one.
 */
export function blockLabels(block: Pick<BlockDiff, 'typeBefore' | 'typeAfter' | 'labelBefore' | 'labelAfter'>, unnumbered: string): string {
  const onBothSides = block.typeBefore !== null && block.typeAfter !== null
  if (onBothSides && !block.labelBefore !== !block.labelAfter) return `${block.labelBefore || unnumbered} → ${block.labelAfter || unnumbered}`
  return labels(block.labelBefore || null, block.labelAfter || null)
}
