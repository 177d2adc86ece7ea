import type { Node as PMNode } from '@tiptap/pm/model'
import { BLOCK_DEPTH, capitalOnly, eachDefinition, termFinder, type TermUse } from './definedTerms'
import type { LawTerm } from './draftChecks'
import { sentenceAround } from './sentenceAround'

/** A defined term used at a place of the text: which, the words using it, and its definition's words. */
export interface TermAtPos {
  term: LawTerm
  /** The words using it (ProseMirror positions). */
  from: number
  to: number
  /** The block defining it, and for an item introducing a list («…, включая:»), the items under it. */
  definition: string[]
}

/** A finder per list of terms: the list is made anew only when the text changes. */
const finders = new WeakMap<readonly LawTerm[], { names: string[]; find: (text: string) => TermUse[] }>()

function finderFor(terms: readonly LawTerm[]) {
  let finder = finders.get(terms)
  if (!finder) {
    const names = Array.from(new Set(terms.map((t) => t.term)))
    // A term defined both ways is found as a definitions article's is, in either case.
    const capital = (name: string) => terms.every((t) => t.term !== name || capitalOnly(t.term, t.introduced))
    finders.set(terms, (finder = { names, find: termFinder(names.map((term) => ({ term, capital: capital(term) }))) }))
  }
  return finder
}

/** Stands for a leaf (a cross-reference) in a block's words, so that offsets are positions. */
const LEAF = '\ufffc'

/**
 * The defined term whose use stands at `pos` (in whatever case and number, as *Check the text*
 * finds it), or null: none there, the term's own definition, a term a provision introduces used
 * before it, or one it introduces for its own article or division used outside it. `leafText` gives a cross-reference's number for the definition's words.
 */
export function termAt(doc: PMNode, pos: number, terms: readonly LawTerm[], leafText: (leaf: PMNode) => string): TermAtPos | null {
  if (terms.length === 0 || pos < 0 || pos > doc.content.size) return null
  const $pos = doc.resolve(pos)
  const block = $pos.parent
  if (!block.isTextblock) return null
  const start = $pos.start()
  const { names, find } = finderFor(terms)
  const use = find(block.textBetween(0, block.content.size, undefined, LEAF)).find((u) => u.from <= pos - start && pos - start <= u.to)
  if (!use) return null
  const [from, to] = [start + use.from, start + use.to]
  const named = terms.filter((t) => t.term === names[use.term] && (!t.introduced || t.pos <= from))
  // One introduced for this article or division only («(далее в настоящей статье — …)»), the narrowest first, before the law's own; elsewhere it is none.
  const span = (t: LawTerm) => (t.scope ? t.scope.to - t.scope.from : Infinity)
  const term = named.filter((t) => !t.scope || (t.scope.from <= from && from < t.scope.to)).sort((a, b) => span(a) - span(b))[0]
  // Its own definition is no use of it.
  if (!term || terms.some((t) => t.term === term.term && t.pos === to)) return null
  return { term, from, to, definition: definitionWords(doc, term, leafText) }
}

/** The defining block's words; for a definitions article's item, with the blocks under it («эксплуатация — …, включая:» and its points), as Check the text owns them to the term. */
function definitionWords(doc: PMNode, term: LawTerm, leafText: (leaf: PMNode) => string): string[] {
  const $at = doc.resolve(term.pos)
  const defining = $at.parent
  const words = (node: PMNode) => node.textBetween(0, node.content.size, undefined, leafText).trim()
  const depth = (node: PMNode) => BLOCK_DEPTH[node.type.name as keyof typeof BLOCK_DEPTH]
  // A provision introducing a term («(далее — Центр)») defines it in one sentence: that one, not the whole paragraph.
  if (term.introduced) return [sentenceAround(words(defining), defining.textBetween(0, $at.parentOffset, undefined, leafText).trimStart().length)]
  if (depth(defining) === undefined) return [words(defining)]
  const blocks: PMNode[] = []
  $at.node($at.depth - 1).forEach((child) => void (depth(child) !== undefined && blocks.push(child)))
  const lines: string[] = []
  eachDefinition(blocks, depth, (block) => block.textContent, true, (block, _definition, owner) => {
    const own = block === defining || owner === 0
    if (own) lines.push(words(block))
    return own ? 0 : null
  })
  return lines
}
