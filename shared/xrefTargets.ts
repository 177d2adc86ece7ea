import type { Node as PMNode } from '@tiptap/pm/model'
import type { Language } from './language'
import { blockAncestors, numberDocument, type BlockAncestor, type NumberedKind } from './numbering'
import { titleMatches } from './draftOrder'
import { blockText, xrefNumbers } from './xref'
import { isDivisionType } from './schema'

/** Something a cross-reference can point at, as the insert dialog lists it. */
export interface XrefTarget {
  kind: NumberedKind
  id: string
  /** The bare number the reference will show ("5", "II", "3", "b"). */
  num: string
  /** Its full label ("Article 5.", "Глава 2.", "3.", "b)"). */
  label: string
  /** A paragraph's, point's or sub-point's article number, for telling "1." of one article from another's. */
  article: string
  /** The heading (part, chapter, section, article) or the block's words (paragraph, point), references resolved. */
  text: string
  /** A point's numbered paragraph, a sub-point's paragraph and point: two points "1" of one article differ. */
  within: BlockAncestor[]
}

/** A part, chapter, section or article: listed without an article's number. */
export function isTopLevel(kind: NumberedKind): boolean {
  return kind === 'article' || isDivisionType(kind)
}

/** Everything with an id that a reference can name, in document order. */
export function xrefTargets(doc: PMNode, language: Language): XrefTarget[] {
  const numbered = numberDocument(doc, language)
  const numbers = xrefNumbers(numbered)
  const ancestors = blockAncestors(numbered)
  const out: XrefTarget[] = []
  let article = ''
  for (const n of numbered) {
    if (!n.id) continue
    if (n.kind === 'article') article = n.num
    if (isDivisionType(n.kind)) article = ''
    const node = doc.nodeAt(n.pos)
    const block = n.kind === 'article' ? node?.firstChild : node
    out.push({
      kind: n.kind,
      id: n.id,
      num: numbers.get(n.id) ?? n.num,
      label: n.label || (n.kind === 'clause' ? '1.' : ''),
      article: isTopLevel(n.kind) ? '' : article,
      text: block ? blockText(block, numbers) : '',
      within: ancestors.get(n.id) ?? [],
    })
  }
  return out
}

/**
 * The targets matching `query` (every word in the label or text: case, ё/е and accents ignored),
 * parts, chapters, sections and articles only unless `withBlocks`; those whose number is the query come first.
 */
export function findXrefTargets(targets: readonly XrefTarget[], query: string, withBlocks: boolean): XrefTarget[] {
  const shown = targets.filter((t) => (withBlocks || isTopLevel(t.kind)) && titleMatches(`${t.label} ${t.text}`, query))
  const exact = query.trim().toLocaleLowerCase('ru')
  if (!exact) return shown
  return [...shown.filter((t) => t.num.toLocaleLowerCase('ru') === exact), ...shown.filter((t) => t.num.toLocaleLowerCase('ru') !== exact)]
}
