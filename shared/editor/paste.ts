import { TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state'
import { Fragment, type Node as PMNode } from '@tiptap/pm/model'
import { newId } from '../ids'
import { isBodyType, isDivisionType, type DocJSON } from '../schema'
import type { RecognisedFragment } from '../import/fragment'
import { emptyTailAt } from './hierarchy'

/**
 * Inserts a recognised passage (shared/import/fragment.ts) as structure, where the cursor is:
 * - in an article: the leading paragraphs / points / sub-points go into it — replacing an empty
 *   block, before or after the block at its start or end, or between the halves of a block split
 *   at the cursor — and the chapters, sections and articles that follow go after the article (an empty
 *   article, heading and text, is replaced by them, as is an empty last paragraph they are pasted in);
 * - in a chapter or section heading: the leading blocks become a new untitled article after it;
 * - in the title or the preamble: the leading blocks become preamble paragraphs, and chapters,
 *   sections and articles go before the first existing one; a passage read as a whole law
 *   (recogniseLaw: pasted over the whole text) brings the law's title too, and its conclusions,
 *   which take the place of the law's own;
 * - in the conclusions: the leading blocks become their paragraphs, and chapters, sections and
 *   articles go before them, at the end of the law's structure.
 * Numbers come from position, as always; ids of pasted nodes are fresh (the stable-id plugin
 * keeps them unique). Returns null when there is nothing to insert.
 */
/** A word's last or first character, where two words meet. */
const WORD_END = /[\p{L}\p{N}.,;:)»”]$/u
const WORD_START = /^[\p{L}\p{N}(«“]/u

export function pasteFragment(state: EditorState, fragment: RecognisedFragment): Transaction | null {
  const { schema } = state
  const toNode = (json: DocJSON): PMNode => schema.nodeFromJSON(json)
  const blocks = fragment.blocks.map(toNode)
  const parts = fragment.parts.map(toNode)
  // A whole law's conclusions (recogniseLaw) close the law: they take the place of its own, or go last.
  const closing = parts.at(-1)?.type.name === 'conclusions' ? parts.pop()! : null
  if (blocks.length === 0 && parts.length === 0) return null

  const tr = state.tr
  if (!state.selection.empty) tr.deleteSelection()
  const $from = tr.selection.$from
  if ($from.depth < 1) return null
  const top = $from.node(1)
  const topName = top.type.name
  /** The end of the last inserted node, for the cursor. */
  let last = -1

  const insert = (pos: number, nodes: PMNode[]): number => {
    if (nodes.length === 0) return pos
    tr.insert(pos, Fragment.from(nodes))
    const end = pos + nodes.reduce((n, node) => n + node.nodeSize, 0)
    last = end
    return end
  }

  const paragraphs = blocks.map((b) => schema.nodes.paragraph.create(null, b.content))
  // In a paragraph of the preamble or the conclusions: the paragraphs go after it, or in its place when it is empty.
  const intoParagraphs = () => {
    const paragraph = $from.node(2)
    if (paragraph.content.size === 0) {
      tr.delete($from.before(2), $from.after(2))
      insert($from.before(2), paragraphs)
    } else insert($from.after(2), paragraphs)
  }

  if (topName === 'article') {
    let articleEnd = $from.after(1)
    const articleStart = $from.before(1)
    const isEmpty = top.textContent.trim() === ''
    if (blocks.length === 0 && isEmpty) {
      // A fresh, empty article (e.g. just added) is replaced by the pasted articles.
      tr.delete(articleStart, articleEnd)
      insert(articleStart, parts)
    } else {
      if (blocks.length > 0) {
        const child = $from.node(2)
        const childStart = $from.before(2)
        const childEnd = $from.after(2)
        if (!isBodyType(child.type.name)) insert(childEnd, blocks) // in the heading: the blocks open the article
        else if (child.content.size === 0) {
          tr.delete(childStart, childEnd)
          insert(childStart, blocks)
        } else if ($from.parentOffset === child.content.size) insert(childEnd, blocks)
        else if ($from.parentOffset === 0) insert(childStart, blocks)
        else {
          // Inside a sentence. Plain lines continue it, as in Word: the first after the words
          // before the caret, the last before the words after it. Otherwise the words after the
          // caret start their own block, without the space that separated them.
          const joinFirst = fragment.plainLines === true && blocks[0].type === child.type
          const joinLast = fragment.plainLines === true && blocks.length > 1 && blocks[blocks.length - 1].type === child.type
          const steps = tr.steps.length
          let pos = $from.pos
          // Pasted lines come trimmed: a word meeting a word across the joint gets its space back.
          const needsSpace = (before: string, after: string) => WORD_END.test(before) && WORD_START.test(after)
          const space = Fragment.from(schema.text(' '))
          if (joinFirst) {
            const first = needsSpace(child.textBetween(0, $from.parentOffset), blocks[0].textContent) ? space.append(blocks[0].content) : blocks[0].content
            tr.insert(pos, first)
            pos += first.size
          }
          const lastLine = blocks[blocks.length - 1]
          const tail = joinLast && needsSpace(lastLine.textContent, child.textBetween($from.parentOffset, child.content.size)) ? lastLine.content.append(space) : lastLine.content
          if (joinLast) tr.insert(pos, tail)
          else {
            const after = tr.doc.textBetween(pos, tr.mapping.slice(steps).map($from.end()))
            const spaces = after.length - after.trimStart().length
            if (spaces > 0 && spaces < after.length) tr.delete(pos, pos + spaces)
          }
          tr.split(pos, 1, [{ type: child.type, attrs: { id: newId() } }])
          const second = insert(pos + 1, blocks.slice(joinFirst ? 1 : 0, joinLast ? -1 : undefined))
          // The caret after the last line pasted, inside the words it now leads.
          if (joinLast) last = second + 1 + tail.size + 1
        }
        articleEnd = tr.mapping.map(articleEnd, 1)
      } else {
        // Only articles and headings, pasted in an empty last paragraph: they take its place.
        const tail = emptyTailAt($from)
        if (tail) {
          tr.delete(tail.from, tail.to)
          articleEnd = tr.mapping.map(articleEnd)
        }
      }
      insert(articleEnd, parts)
    }
  } else if (isDivisionType(topName)) {
    let pos = $from.after(1)
    if (blocks.length > 0) {
      const article = schema.nodes.article.create({ id: newId() }, [schema.nodes.articleHeading.create(), ...blocks])
      pos = insert(pos, [article])
    }
    insert(pos, parts)
  } else if (topName === 'conclusions') {
    // The conclusions close the law: the structure goes before them.
    if (paragraphs.length > 0 && $from.depth >= 2) intoParagraphs()
    insert(tr.mapping.map($from.before(1), -1), parts)
  } else {
    // Title or preamble: plain preamble paragraphs, then the structure before the first chapter, section or article.
    const preambleIndex = 1
    let preamblePos = 0
    for (let i = 0; i < preambleIndex; i++) preamblePos += tr.doc.child(i).nodeSize
    if (paragraphs.length > 0) {
      if (topName === 'preamble' && $from.depth >= 2) intoParagraphs()
      else {
        // A preamble that is one empty paragraph (a new draft's, or what select all and paste left) gives way.
        const preamble = tr.doc.child(preambleIndex)
        const start = preamblePos + 1
        if (preamble.childCount === 1 && preamble.firstChild!.content.size === 0) {
          tr.replaceWith(start, start + preamble.firstChild!.nodeSize, paragraphs)
          last = start + paragraphs.reduce((n, node) => n + node.nodeSize, 0)
        } else insert(start, paragraphs)
      }
    }
    const structuralStart = preamblePos + tr.doc.child(preambleIndex).nodeSize
    insert(structuralStart, parts)
    if (fragment.title) {
      // Last, as it moves everything after it.
      tr.insertText(fragment.title, 1, tr.doc.firstChild!.nodeSize - 1)
      last = last >= 0 ? tr.mapping.maps[tr.mapping.maps.length - 1].map(last) : 2 + fragment.title.length
    }
  }

  if (closing) {
    const end = tr.doc.content.size
    const own = tr.doc.lastChild!.type.name === 'conclusions' ? tr.doc.lastChild!.nodeSize : 0
    tr.replaceWith(end - own, end, closing)
  }
  if (last >= 0) tr.setSelection(TextSelection.near(tr.doc.resolve(Math.max(0, last - 1)), -1))
  return tr.scrollIntoView().setMeta('paste', true).setMeta('uiEvent', 'paste')
}
