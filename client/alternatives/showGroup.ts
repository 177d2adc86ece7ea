import type { Editor } from '@tiptap/react'
import type { Node as PMNode } from '@tiptap/pm/model'
import type { AlternativeGroup } from '../../shared/alternatives/inDocument'
import type { Language } from '../../shared/language'
import { contentOffsetOf, hasXref } from '../../shared/xref'
import { xrefNumbersOf } from '../editor/xrefView'

/**
 * Puts the caret at the start of a group in the text and scrolls it into view. The group's block
 * is found by its stable id (an article's id for its heading); the offset is clamped to the block,
 * since the text may have changed since the groups were last found. The group's offset is in the
 * block's text with references read as their numbers; in the document a reference is one position.
 */
export function showGroup(editor: Editor | null, group: AlternativeGroup, language: Language): void {
  if (!editor || editor.isDestroyed) return
  let textStart = -1
  let block: PMNode | null = null
  editor.state.doc.descendants((node, pos) => {
    if (textStart >= 0) return false
    if (node.attrs.id !== group.blockId) return !node.isTextblock
    block = node.type.name === 'article' ? node.firstChild : node
    textStart = node.type.name === 'article' ? pos + 2 : pos + 1
    return false
  })
  const found = block as PMNode | null
  if (textStart < 0 || !found) return
  const offset = hasXref(found) ? contentOffsetOf(found, group.start, xrefNumbersOf(editor.state, language)) : group.start
  editor.chain().focus().setTextSelection(textStart + Math.min(offset, found.content.size)).scrollIntoView().run()
}
