import { TextSelection, type Command } from '@tiptap/pm/state'
import type { Node as PMNode } from '@tiptap/pm/model'

/**
 * The conclusions (shared/schema/nodes.ts) close the law: whatever adds or moves articles and
 * headings stops at them, so that nothing structural follows them.
 */

/** Top-level index where the law's structure ends: the conclusions' index, or the number of top-level nodes when there are none. */
export function structuralEnd(doc: PMNode): number {
  return doc.lastChild?.type.name === 'conclusions' ? doc.childCount - 1 : doc.childCount
}

/** The position where the law's structure ends: before the conclusions at the end, or the end of the text. */
export function structuralEndPos(doc: PMNode): number {
  return doc.lastChild?.type.name === 'conclusions' ? doc.content.size - doc.lastChild.nodeSize : doc.content.size
}

/**
 * The toolbar's "Closing formula": the caret goes to the end of the conclusions, which are added
 * (one empty paragraph, after the last article) when the law has none yet. Conclusions that two
 * people's edits left elsewhere or twice (shared/schema/nodes.ts) are gathered at the end as one.
 */
export const goToConclusions: Command = (state, dispatch) => {
  if (dispatch) {
    const { doc, schema } = state
    const tr = state.tr
    const found: { pos: number; node: PMNode }[] = []
    doc.forEach((node, pos) => {
      if (node.type.name === 'conclusions') found.push({ pos, node })
    })
    if (found.length === 0) tr.insert(doc.content.size, schema.nodes.conclusions.create(null, schema.nodes.paragraph.create()))
    else if (found.length > 1 || structuralEnd(doc) === doc.childCount) {
      const paragraphs = found.flatMap(({ node }) => node.children)
      for (const { pos, node } of [...found].reverse()) tr.delete(pos, pos + node.nodeSize)
      tr.insert(tr.doc.content.size, schema.nodes.conclusions.create(null, paragraphs))
    }
    // The end of the conclusions' last paragraph: inside the document's last two closing tokens.
    dispatch(tr.setSelection(TextSelection.create(tr.doc, tr.doc.content.size - 2)).scrollIntoView())
  }
  return true
}
