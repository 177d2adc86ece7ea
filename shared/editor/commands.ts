import { TextSelection, type Command, type EditorState, type Transaction } from '@tiptap/pm/state'
import type { Node as PMNode, NodeType } from '@tiptap/pm/model'
import { newId } from '../ids'
import { isBodyType, isDivisionType, structuralRank, type BodyType, type DivisionType } from '../schema'
import { emptyArticleAt, emptyTailAt, endOfDeeper, levelOf, levelOfType, posOfChild, subpointFitsAfter } from './hierarchy'
import { structuralEnd } from './conclusions'

/** Where the selection stands in the law's structure. */
export interface StructuralContext {
  /** Index and position of the top-level node (title, preamble, part, chapter, section, article or the conclusions). */
  topIndex: number
  topPos: number
  top: PMNode
  /** Inside an article: index and position of the heading or body block. */
  childIndex?: number
  childPos?: number
  child?: PMNode
}

export function structuralContext(state: EditorState): StructuralContext | null {
  const { $from } = state.selection
  if ($from.depth < 1) return null
  const topIndex = $from.index(0)
  const topPos = $from.before(1)
  const top = $from.node(1)
  if (top.type.name !== 'article' || $from.depth < 2) return { topIndex, topPos, top }
  return { topIndex, topPos, top, childIndex: $from.index(1), childPos: $from.before(2), child: $from.node(2) }
}

/** Top-level index of the first chapter, section or article: after the title and the preamble. */
const FIRST_STRUCTURAL_INDEX = 2

function posOfTopIndex(doc: PMNode, index: number): number {
  let pos = 0
  for (let i = 0; i < index; i++) pos += doc.child(i).nodeSize
  return pos
}

/** Where a new article or heading goes: after the current one; from the title or the preamble, first; from the conclusions, last. */
function topInsertPos(state: EditorState): number {
  const ctx = structuralContext(state)
  if (!ctx || ctx.topIndex < FIRST_STRUCTURAL_INDEX) return posOfTopIndex(state.doc, FIRST_STRUCTURAL_INDEX)
  if (ctx.topIndex >= structuralEnd(state.doc)) return ctx.topPos
  return ctx.topPos + ctx.top.nodeSize
}

export function createArticle(state: EditorState, heading = '', text = ''): PMNode {
  const { schema } = state
  const headingNode = schema.nodes.articleHeading.create(null, heading ? schema.text(heading) : null)
  const clause = schema.nodes.clause.create({ id: newId() }, text ? schema.text(text) : null)
  return schema.nodes.article.create({ id: newId() }, [headingNode, clause])
}

/** A transaction that first removes an empty last block of the article under the caret (see emptyTailAt). */
function withoutEmptyTail(state: EditorState): Transaction {
  const tail = emptyTailAt(state.selection.$from)
  return tail ? state.tr.delete(tail.from, tail.to) : state.tr
}

/** Inserts a new node after the current article or heading, with the caret `offset` into it. */
function insertTop(create: (state: EditorState) => PMNode, offset: number): Command {
  return (state, dispatch) => {
    if (dispatch) {
      const tr = withoutEmptyTail(state)
      const pos = tr.mapping.map(topInsertPos(state))
      tr.insert(pos, create(state))
      tr.setSelection(TextSelection.create(tr.doc, pos + offset)).scrollIntoView()
      dispatch(tr)
    }
    return true
  }
}

/** Inserts a new article after the current one (or after the current chapter or section heading). */
export const insertArticle: Command = insertTop((state) => createArticle(state), 2)

/**
 * Inserts a division heading after the current article or heading; an article with no words at
 * all it replaces (see emptyArticleAt). In the heading of a division it outranks (a part in a
 * chapter's heading) it goes above that heading, so as to own it: after it, it would leave that
 * chapter with no article and take them over itself.
 */
function insertDivision(type: DivisionType): Command {
  const create = (state: EditorState) => state.schema.nodes[type].create({ id: newId() })
  const after = insertTop(create, 1)
  return (state, dispatch) => {
    const empty = emptyArticleAt(state.selection.$from)
    const ctx = structuralContext(state)
    const outranked = ctx && isDivisionType(ctx.top.type.name) && structuralRank(type) > structuralRank(ctx.top.type.name)
    if (!empty && !outranked) return after(state, dispatch)
    if (dispatch) {
      const from = empty ? empty.from : ctx!.topPos
      const tr = empty ? state.tr.replaceWith(empty.from, empty.to, create(state)) : state.tr.insert(from, create(state))
      dispatch(tr.setSelection(TextSelection.create(tr.doc, from + 1)).scrollIntoView())
    }
    return true
  }
}

/** Inserts a new chapter heading after the current article or chapter heading, above a section's (in place of an empty article). */
export const insertChapter: Command = insertDivision('chapter')

/** Inserts a new part heading after the current article or heading (above a chapter's or section's). */
export const insertPart: Command = insertDivision('part')

/** Inserts a new section heading after the current article, section or chapter heading. */
export const insertSection: Command = insertDivision('section')

/**
 * Inserts a numbered paragraph, point or sub-point after the current block of an article, and
 * after what that block holds below the new one's level: a new point comes after the current
 * point's sub-points, a new paragraph after the current paragraph's points (else they would
 * change owner). A sub-point only where a point comes before it (see hierarchy.ts). An empty
 * block of another kind that holds nothing below it becomes the new one instead (Enter, then
 * "Point": the drafter wants a point there, not an empty paragraph above it).
 */
export function insertBodyBlock(type: BodyType): Command {
  return (state, dispatch) => {
    const ctx = structuralContext(state)
    if (!ctx || ctx.top.type.name !== 'article' || ctx.childPos === undefined || ctx.childIndex === undefined || !ctx.child) return false
    const { child, childIndex, childPos } = ctx
    const convertible = isBodyType(child.type.name) && child.type.name !== type && child.content.size === 0
      && endOfDeeper(ctx.top, childIndex, levelOf(child)) === childIndex + 1
      && (type !== 'subpoint' || subpointFitsAfter(ctx.top, childIndex - 1))
    if (convertible) {
      dispatch?.(state.tr.setNodeMarkup(childPos, state.schema.nodes[type], child.attrs).scrollIntoView())
      return true
    }
    if (type === 'subpoint' && !subpointFitsAfter(ctx.top, ctx.childIndex)) return false
    if (dispatch) {
      const end = ctx.child.type.name === 'articleHeading' ? 1 : endOfDeeper(ctx.top, ctx.childIndex, levelOfType(type))
      const pos = posOfChild(ctx.top, ctx.childIndex, ctx.childPos, end)
      const tr = state.tr.insert(pos, state.schema.nodes[type].create({ id: newId() }))
      tr.setSelection(TextSelection.create(tr.doc, pos + 1)).scrollIntoView()
      dispatch(tr)
    }
    return true
  }
}

const LEVELS: BodyType[] = ['clause', 'point', 'subpoint']

/**
 * Tab / Shift-Tab: a paragraph becomes a point, a point a sub-point, and back. Tab makes a
 * sub-point only where a point comes before it; Shift-Tab on a point brings its sub-points up
 * with it, as the points of the paragraph it becomes (else they would sit under a paragraph),
 * and Tab on a paragraph takes its points down with it, as the sub-points of the point it
 * becomes, unless one of them has sub-points, which could go no deeper (they stay points).
 */
export function shiftLevel(delta: 1 | -1): Command {
  return (state, dispatch) => {
    const ctx = structuralContext(state)
    if (!ctx?.child || ctx.childPos === undefined || ctx.childIndex === undefined || !isBodyType(ctx.child.type.name)) return false
    const name = ctx.child.type.name
    const next = LEVELS[LEVELS.indexOf(name) + delta]
    if (!next) return false
    if (next === 'subpoint' && !subpointFitsAfter(ctx.top, ctx.childIndex - 1)) return false
    if (dispatch) {
      const tr = state.tr.setNodeMarkup(ctx.childPos, state.schema.nodes[next], ctx.child.attrs)
      // What the block owns goes with it: a point's sub-points up, a paragraph's points down (if none has sub-points).
      const end = endOfDeeper(ctx.top, ctx.childIndex, levelOf(ctx.child))
      let under: BodyType | null = null
      if (name === 'point' && next === 'clause') under = 'point'
      else if (name === 'clause') {
        under = 'subpoint'
        for (let i = ctx.childIndex + 1; i < end; i++) if (ctx.top.child(i).type.name !== 'point') under = null
      }
      if (under) {
        for (let i = ctx.childIndex + 1, pos = ctx.childPos + ctx.child.nodeSize; i < end; pos += ctx.top.child(i).nodeSize, i++) {
          tr.setNodeMarkup(pos, state.schema.nodes[under], ctx.top.child(i).attrs)
        }
      }
      dispatch(tr)
    }
    return true
  }
}

/**
 * Enter inside the structure: a new block of the same kind (with a fresh id); an empty point
 * or sub-point moves up a level instead; in an article heading, a first paragraph; at the end
 * of a part, chapter or section heading, a first article. At the start of a heading or block
 * with words, an empty one of its kind goes above it and the caret stays with the words.
 */
export const splitStructural: Command = (state, dispatch) => {
  const { $from, empty } = state.selection
  const ctx = structuralContext(state)
  if (!ctx || !empty) return false
  const { schema } = state
  const atStartOfWords = $from.parentOffset === 0 && $from.parent.content.size > 0
  if (isDivisionType(ctx.top.type.name)) {
    if (atStartOfWords) {
      // TipTap's own split would make the empty heading above of the first kind the law allows there: a part.
      dispatch?.(state.tr.insert(ctx.topPos, ctx.top.type.create({ id: newId() })).scrollIntoView())
      return true
    }
    if ($from.parentOffset < $from.parent.content.size) return false
    return insertArticle(state, dispatch)
  }
  if (ctx.top.type.name === 'lawTitle') {
    if (dispatch) dispatch(state.tr.setSelection(TextSelection.create(state.doc, ctx.top.nodeSize + 2)))
    return true
  }
  if (!ctx.child || ctx.childPos === undefined) return false
  const name = ctx.child.type.name
  if (name === 'articleHeading') {
    if (atStartOfWords) {
      dispatch?.(state.tr.insert(ctx.topPos, createArticle(state)).scrollIntoView())
      return true
    }
    const pos = ctx.childPos + ctx.child.nodeSize
    const first = ctx.top.childCount > 1 ? ctx.top.child(1) : null
    if (first && first.content.size === 0) {
      // An empty first paragraph is waiting: go there rather than add another.
      if (dispatch) dispatch(state.tr.setSelection(TextSelection.create(state.doc, pos + 1)).scrollIntoView())
      return true
    }
    if (dispatch) {
      const tr = state.tr.insert(pos, schema.nodes.clause.create({ id: newId() }))
      dispatch(tr.setSelection(TextSelection.create(tr.doc, pos + 1)).scrollIntoView())
    }
    return true
  }
  if (!isBodyType(name)) return false
  if (ctx.child.content.size === 0 && name !== 'clause') return shiftLevel(-1)(state, dispatch)
  if (dispatch) {
    const type: NodeType = schema.nodes[name]
    // The new, empty block goes above: the id stays with the words.
    const tr = atStartOfWords
      ? state.tr.insert(ctx.childPos, type.create({ id: newId() }))
      : state.tr.split($from.pos, 1, [{ type, attrs: { id: newId() } }])
    dispatch(tr.scrollIntoView())
  }
  return true
}

const rankOf = (node: PMNode): number => structuralRank(node.type.name)

/** Index after the unit that starts at `index` for rank `rank`: up to the next node of that rank or higher, or the conclusions. */
function unitEnd(doc: PMNode, index: number, rank: number): number {
  const last = structuralEnd(doc)
  let end = index + 1
  while (end < last && rankOf(doc.child(end)) < rank) end++
  return end
}

/** Where the article or division with this id stands with everything it owns (positions, `to` excluded), or null when there is none. */
export function unitRange(doc: PMNode, id: string): { from: number; to: number } | null {
  for (let index = FIRST_STRUCTURAL_INDEX; index < doc.childCount; index++) {
    const node = doc.child(index)
    if (node.attrs.id !== id || (node.type.name !== 'article' && !isDivisionType(node.type.name))) continue
    const end = unitEnd(doc, index, rankOf(node))
    return { from: posOfTopIndex(doc, index), to: posOfTopIndex(doc, end) }
  }
  return null
}

/**
 * Moves the current article, or the current part, chapter or section with everything it owns,
 * past the neighbouring unit of its rank. For an article that is the previous or next article
 * or heading (so it moves into the next chapter, say). For a division it is the previous or
 * next division of its rank with what that owns, or, where a higher heading comes between,
 * that heading with its own articles: a chapter first in its part moves up to the end of the
 * previous part, never above articles it would then own. Refused at the law's ends.
 */
export function moveStructural(direction: -1 | 1): Command {
  return (state, dispatch) => {
    const ctx = structuralContext(state)
    if (!ctx || (ctx.top.type.name !== 'article' && !isDivisionType(ctx.top.type.name))) return false
    const { doc } = state
    const rank = rankOf(ctx.top)
    const end = unitEnd(doc, ctx.topIndex, rank)
    let neighbourStart: number
    let neighbourEnd: number
    if (direction < 0) {
      neighbourStart = ctx.topIndex - 1
      while (neighbourStart >= FIRST_STRUCTURAL_INDEX && rankOf(doc.child(neighbourStart)) < rank) neighbourStart--
      if (neighbourStart < FIRST_STRUCTURAL_INDEX) return false
      neighbourEnd = ctx.topIndex
    } else {
      if (end >= structuralEnd(doc)) return false
      neighbourStart = end
      neighbourEnd = unitEnd(doc, end, rank)
    }
    if (dispatch) {
      const from = ctx.topPos
      const to = posOfTopIndex(doc, end)
      const unit = doc.slice(from, to).content
      const offsetInUnit = state.selection.from - from
      const neighbourSize = posOfTopIndex(doc, neighbourEnd) - posOfTopIndex(doc, neighbourStart)
      const tr = state.tr.delete(from, to)
      const insertAt = direction < 0 ? from - neighbourSize : from + neighbourSize
      tr.insert(insertAt, unit)
      tr.setSelection(TextSelection.create(tr.doc, insertAt + offsetInUnit)).scrollIntoView()
      dispatch(tr)
    }
    return true
  }
}

/**
 * Deletes the current element: a body block with what it holds (a point's sub-points, a
 * paragraph's points; else they would be left under the block before it), if the article keeps
 * a heading; or the whole article when the cursor is in its heading; or a part, chapter or section
 * heading; or the conclusions.
 */
export const deleteStructural: Command = (state, dispatch) => {
  const ctx = structuralContext(state)
  if (!ctx || ctx.topIndex < FIRST_STRUCTURAL_INDEX) return false
  if (dispatch) {
    let from = ctx.topPos
    let to = ctx.topPos + ctx.top.nodeSize
    if (ctx.child && ctx.childPos !== undefined && ctx.childIndex !== undefined && isBodyType(ctx.child.type.name)) {
      from = ctx.childPos
      to = posOfChild(ctx.top, ctx.childIndex, ctx.childPos, endOfDeeper(ctx.top, ctx.childIndex, levelOf(ctx.child)))
    }
    const tr = state.tr.delete(from, to)
    const near = Math.min(from, tr.doc.content.size)
    dispatch(tr.setSelection(TextSelection.near(tr.doc.resolve(near), -1)).scrollIntoView())
  }
  return true
}

/** Finds a chapter, section, article or body block by stable id (structure walk only). */
export function findById(doc: PMNode, id: string): { pos: number; node: PMNode } | null {
  let found: { pos: number; node: PMNode } | null = null
  doc.forEach((node, offset) => {
    if (found) return
    if (node.attrs.id === id) found = { pos: offset, node }
    else if (node.type.name === 'article') {
      node.forEach((child, childOffset) => {
        if (!found && child.attrs.id === id) found = { pos: offset + 1 + childOffset, node: child }
      })
    }
  })
  return found
}
