import * as Y from 'yjs'
import { TextSelection, type Transaction } from '@tiptap/pm/state'
import { relativePositionToAbsolutePosition, type ProsemirrorBinding } from '@tiptap/y-tiptap'
import { MOVED_WORDS, items, type LostText } from '../../shared/collab/lostText'

/** Yjs index in `text` where `item` stands, or would stand were it live. */
function indexOf(text: Y.XmlText, item: Y.Item): number {
  let index = 0
  for (const it of items(text)) {
    if (it === item) return index
    if (!it.deleted && it.content.isCountable()) index += it.content.getLength()
  }
  return index
}

/**
 * Our own words that a restoring transaction moved (strandedWords.ts: left behind by a
 * co-author's split of their paragraph) took the caret's place with them: we were typing
 * there. A caret left where they stood goes after them, so that the next key lands beside them.
 */
export function caretFollowsMovedWords(tr: Transaction, transaction: Y.Transaction, binding: ProsemirrorBinding): void {
  const moved = transaction.meta.get(MOVED_WORDS) as LostText[] | undefined
  if (moved === undefined || !tr.selection.empty) return
  const at = (text: Y.XmlText, index: number) =>
    relativePositionToAbsolutePosition(binding.doc, binding.type, Y.createRelativePositionFromTypeIndex(text, index), binding.mapping)
  for (const run of moved) {
    if (run.from === undefined || !(run.target instanceof Y.XmlText)) continue
    const stood = at(run.from.text, indexOf(run.from.text, run.from.items[0]))
    if (stood !== tr.selection.head) continue
    const after = at(run.target, Math.min(run.index + run.text.length, run.target.length))
    if (after !== null) tr.setSelection(TextSelection.create(tr.doc, after))
    return
  }
}
