import { ReplaceStep, AttrStep } from '@tiptap/pm/transform'
import type { Transaction } from '@tiptap/pm/state'
import type { Node as PMNode } from '@tiptap/pm/model'
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

/**
 * True when `after` differs from `before` inside one textblock only: on the way down to it
 * every node keeps its type, attributes and number of children, and every other child is the
 * very same node (ProseMirror shares what a step leaves alone). Typing and deleting within a
 * line; not a split, a join, a new block or a change of attributes. A few identity checks
 * per level, whatever the document's length.
 */
export function onlyOneTextblockChanged(before: PMNode, after: PMNode): boolean {
  let a = before
  let b = after
  for (;;) {
    if (a === b || !a.sameMarkup(b)) return false
    if (a.isTextblock) return true
    if (a.childCount !== b.childCount) return false
    let changed = -1
    for (let i = 0; i < a.childCount; i++) {
      if (a.child(i) === b.child(i)) continue
      if (changed >= 0) return false
      changed = i
    }
    if (changed < 0) return false
    a = a.child(changed)
    b = b.child(changed)
  }
}
