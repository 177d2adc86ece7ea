import { Fragment, Slice, type Node as PMNode } from '@tiptap/pm/model'
import { TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state'
import { dropPoint } from '@tiptap/pm/transform'
import { emptiedUnit } from './cutShells'
import { structuralEndPos } from './conclusions'

/**
 * Whole articles or headings dropped with the mouse go between units: before the unit they are
 * dropped on when dropped on its upper half, after it otherwise; before the first unit when
 * dropped on the title or the preamble, after the last one when dropped on the conclusions.
 * (ProseMirror's own drop joins them into the paragraph under the mouse, as its paste did.)
 * Dragged within the draft (`moved`), they are taken from where they were with no empty shell
 * left behind, keeping their ids: the drag is a move. Null when they are dropped onto
 * themselves: nothing moves.
 */
export function dropUnits(state: EditorState, units: PMNode[], pos: number, moved: boolean): Transaction | null {
  const { doc, selection } = state
  // Dropped on the conclusions, they go before them: nothing structural follows the closing formula.
  const point = Math.min(dropPoint(doc, pos, new Slice(Fragment.from(units), 0, 0)) ?? doc.child(0).nodeSize + doc.child(1).nodeSize, structuralEndPos(doc))
  const { $from, $to } = selection
  if (moved && $from.depth >= 1 && $to.depth >= 1 && point >= $from.before(1) && point <= $to.after(1)) return null
  const tr = state.tr
  if (moved) {
    tr.deleteSelection()
    const shell = emptiedUnit(selection, tr.doc, tr.mapping)
    if (shell) tr.delete(shell.from, shell.to)
  }
  const at = tr.mapping.map(point)
  tr.insert(at, units)
  const end = at + units.reduce((n, unit) => n + unit.nodeSize, 0)
  // The dropped units stay selected, as a dropped passage does.
  tr.setSelection(TextSelection.between(tr.doc.resolve(at + 1), tr.doc.resolve(end - 1)))
  return tr.setMeta('uiEvent', 'drop')
}
