import { ReplaceStep, AttrStep } from '@tiptap/pm/transform'
import type { Transaction } from '@tiptap/pm/state'
import { ySyncPluginKey } from '@tiptap/y-tiptap'

/**
 * True when every step of the transaction only edits text inside one textblock (typing,
 * deleting within a line) or changes an attribute: the structure, and so numbering and the
 * set of ids, cannot have changed. This is what keeps per-keystroke work off the whole document.
 */
export function isTextOnlyTransaction(tr: Transaction): boolean {
  for (let i = 0; i < tr.steps.length; i++) {
    const step = tr.steps[i]
    if (step instanceof AttrStep) continue
    if (!(step instanceof ReplaceStep)) return false
    const { slice } = step
    if (slice.openStart !== 0 || slice.openEnd !== 0) return false
    let inlineOnly = true
    slice.content.forEach((node) => {
      if (!node.isInline) inlineOnly = false
    })
    if (!inlineOnly) return false
    const before = tr.docs[i]
    const $from = before.resolve(step.from)
    if (!$from.parent.isTextblock) return false
    if (step.to !== step.from && !$from.sameParent(before.resolve(step.to))) return false
  }
  return true
}

/** True for transactions the collaboration binding made from remote (or undo) Yjs changes. */
export function isRemoteTransaction(tr: Transaction): boolean {
  const meta = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined
  return !!meta?.isChangeOrigin
}
