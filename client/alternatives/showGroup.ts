import type { Editor } from '@tiptap/react'
import type { Node as PMNode } from '@tiptap/pm/model'
import type { AlternativeGroup } from '../../shared/alternatives/inDocument'
import type { Language } from '../../shared/language'
import { contentOffsetOf, hasXref } from '../../shared/xref'
import { xrefNumbersOf } from '../editor/xrefView'
import { findPlaceNode, isNamedByWord } from '../../shared/places'

/** The group's block and where its text starts: by its stable id (an article's for its heading), or the title's place, or a paragraph's of the preamble or the conclusions. */
function blockOf(doc: PMNode, group: AlternativeGroup): { block: PMNode; textStart: number } | null {
  const place = isNamedByWord(group.blockId) ? findPlaceNode(doc, group.blockId) : null
  if (place?.node.type.name === 'lawTitle') return { block: place.node, textStart: place.pos + 1 }
  if (place) {
    const index = Math.min(group.paragraph ?? 0, place.node.childCount - 1)
    let pos = place.pos + 1
    for (let i = 0; i < index; i++) pos += place.node.child(i).nodeSize
    return { block: place.node.child(index), textStart: pos + 1 }
  }
  let found: { block: PMNode; textStart: number } | null = null
  doc.descendants((node, pos) => {
    if (found) return false
    if (node.attrs.id !== group.blockId) return !node.isTextblock
    found = node.type.name === 'article' ? { block: node.firstChild!, textStart: pos + 2 } : { block: node, textStart: pos + 1 }
    return false
  })
  return found
}

/**
 * Puts the caret at the start of a group in the text and scrolls it into view. The offset is
 * clamped to the block, since the text may have changed since the groups were last found. The
 * group's offset is in the block's text with references read as their numbers; in the document a
 * reference is one position.
 */
export function showGroup(editor: Editor | null, group: AlternativeGroup, language: Language): void {
  if (!editor || editor.isDestroyed) return
  const where = blockOf(editor.state.doc, group)
  if (!where) return
  const { block: found, textStart } = where
  const offset = hasXref(found) ? contentOffsetOf(found, group.start, xrefNumbersOf(editor.state, language)) : group.start
  editor.chain().focus().setTextSelection(textStart + Math.min(offset, found.content.size)).scrollIntoView().run()
}
