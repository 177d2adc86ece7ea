import type { Node as PMNode, ResolvedPos } from '@tiptap/pm/model'
import { isBodyType, type BodyType } from '../schema'

/**
 * The hierarchy of an article's flat body blocks, as numbering and export derive it: a paragraph
 * owns the points after it, a point the sub-points after it. The structure commands keep it:
 * a sub-point always has a point before it (the editor never makes "а)" directly under a
 * paragraph). Points directly after the heading stay allowed: the importer makes them (an
 * article that is a list, "1) …" after "Article 2. Definitions") and every exporter gives them
 * an implicit paragraph (shared/export/structure.ts). Blocks that break the rule anyway
 * (concurrent edits, old drafts) are still numbered and exported, never lost.
 */

const LEVEL: Record<string, number> = { clause: 0, point: 1, subpoint: 2 }

/** A body block's level (paragraph 0, point 1, sub-point 2); the heading is above them all. */
export function levelOf(node: PMNode): number {
  return LEVEL[node.type.name] ?? -1
}

export function levelOfType(type: BodyType): number {
  return LEVEL[type]
}

/**
 * Index just past the blocks after `index` that are deeper than `level`: with the block's own
 * level, past everything it owns (a point's sub-points, a paragraph's points and theirs).
 */
export function endOfDeeper(article: PMNode, index: number, level: number): number {
  let end = index + 1
  while (end < article.childCount && levelOf(article.child(end)) > level) end++
  return end
}

/** Whether a sub-point may stand right after the child at `index`: a point comes before it, past other sub-points. */
export function subpointFitsAfter(article: PMNode, index: number): boolean {
  let i = index
  while (i > 0 && article.child(i).type.name === 'subpoint') i--
  return article.child(i).type.name === 'point'
}

/** Position of the article's child `end`, counted on from its child `index` at `pos`. */
export function posOfChild(article: PMNode, index: number, pos: number, end: number): number {
  for (let i = index; i < end; i++) pos += article.child(i).nodeSize
  return pos
}

/**
 * The range of the block at `$pos` when it is an empty last block of its article after other
 * text: what adding an article, part, chapter or section there (or pasting them) replaces — the
 * drafter pressed Enter and wants the next article, not an empty numbered paragraph left behind,
 * which the exports would print. An article's only paragraph stays: the place for its text.
 */
export function emptyTailAt($pos: ResolvedPos): { from: number; to: number } | null {
  if ($pos.depth < 2 || $pos.node(1).type.name !== 'article') return null
  const article = $pos.node(1)
  const block = $pos.node(2)
  const index = $pos.index(1)
  if (!isBodyType(block.type.name) || block.content.size > 0 || index !== article.childCount - 1 || index < 2) return null
  return { from: $pos.before(2), to: $pos.after(2) }
}

/**
 * The range of the article at `$pos` when it holds no words at all (its heading and every block
 * empty): what adding a part, chapter or section there replaces. A new draft's "Article 1.", or
 * an article added by mistake, is then not left empty before the new heading, where the
 * exports would print it.
 */
export function emptyArticleAt($pos: ResolvedPos): { from: number; to: number } | null {
  if ($pos.depth < 1) return null
  const article = $pos.node(1)
  // Every child an empty textblock (2 positions each); a cross-reference alone is not empty.
  if (article.type.name !== 'article' || article.content.size !== 2 * article.childCount) return null
  return { from: $pos.before(1), to: $pos.after(1) }
}
