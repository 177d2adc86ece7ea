import { TextSelection, type Command, type EditorState } from '@tiptap/pm/state'
import type { ResolvedPos } from '@tiptap/pm/model'
import { isBodyType, isDivisionType } from '../schema'

/**
 * Backspace at the start of a block and Delete at its end. ProseMirror joins the two blocks
 * there, whatever they are: a paragraph's words went into its article's heading (a drafter
 * deleting the "1." they took for typed), a chapter's heading into the preamble, and the joined
 * block's id, which threads and the comparison follow, was gone. Words join only within one
 * article's body, within the preamble and within the conclusions (ProseMirror's join, untouched). Across any other
 * boundary an empty block there is removed, as a join would have removed it, and otherwise the
 * caret steps over the boundary and nothing changes.
 */

type Direction = -1 | 1

/** The range an empty textblock takes out with it, or null if it stays (the title, a lone preamble paragraph, a heading with words in its article). */
function emptyBlockRange($pos: ResolvedPos): { from: number; to: number } | null {
  const block = $pos.parent
  if (!block.isTextblock || block.content.size > 0) return null
  const name = block.type.name
  const container = $pos.node($pos.depth - 1)
  if (isBodyType(name) || isDivisionType(name)) return { from: $pos.before(), to: $pos.after() }
  if (name === 'paragraph' && container.childCount > 1) return { from: $pos.before(), to: $pos.after() }
  // Conclusions left empty go whole, as an article added by mistake does: the law may have none.
  if (name === 'paragraph' && container.type.name === 'conclusions') return { from: $pos.before($pos.depth - 1), to: $pos.after($pos.depth - 1) }
  if (name === 'articleHeading') {
    // An article goes with its heading only when nothing in it has words: one just added by mistake.
    let empty = true
    container.forEach((child) => { empty &&= child.content.size === 0 })
    if (empty) return { from: $pos.before($pos.depth - 1), to: $pos.after($pos.depth - 1) }
  }
  return null
}

/** Whether ProseMirror's own join may join these two textblocks: two body blocks of one article, or two paragraphs of the preamble or of the conclusions. */
function joinable($a: ResolvedPos, $b: ResolvedPos): boolean {
  // Both inside one container of the law's top level; headings of parts, chapters and sections are at depth 1.
  if ($a.depth !== 2 || $b.depth !== 2 || $a.before(1) !== $b.before(1)) return false
  const [a, b] = [$a.parent.type.name, $b.parent.type.name]
  return (isBodyType(a) && isBodyType(b)) || (a === 'paragraph' && b === 'paragraph')
}

function acrossBoundary(direction: Direction): Command {
  return (state: EditorState, dispatch) => {
    const { selection } = state
    const { $from } = selection
    if (!selection.empty || !$from.parent.isTextblock) return false
    if ($from.parentOffset !== (direction < 0 ? 0 : $from.parent.content.size)) return false
    const beyond = TextSelection.findFrom(state.doc.resolve(direction < 0 ? $from.before() : $from.after()), direction, true)
    if (!beyond) return false
    const $other = beyond.$from
    if (joinable($from, $other)) return false
    if (!dispatch) return true
    const tr = state.tr
    const own = emptyBlockRange($from)
    const other = own ? null : emptyBlockRange($other)
    if (own) {
      tr.delete(own.from, own.to)
      // Near, not at: a Delete in an empty article's heading removes the paragraph it was bound for too.
      tr.setSelection(TextSelection.near(tr.doc.resolve(tr.mapping.map($other.pos)), direction))
    } else if (other) {
      tr.delete(other.from, other.to)
    } else {
      tr.setSelection(TextSelection.create(tr.doc, $other.pos))
    }
    dispatch(tr.scrollIntoView())
    return true
  }
}

/** Backspace at the start of a block whose neighbour before it is another part of the structure. */
export const backspaceAtBoundary: Command = acrossBoundary(-1)

/** Delete at the end of a block whose neighbour after it is another part of the structure. */
export const deleteAtBoundary: Command = acrossBoundary(1)
