import type { Node as PMNode } from '@tiptap/pm/model'
import type { Transaction } from '@tiptap/pm/state'
import { ReplaceAroundStep, ReplaceStep } from '@tiptap/pm/transform'
import type { Language } from '../language'
import { labelInText, outlineOf } from '../numbering'
import { isDivisionType } from '../schema'
import { CONCLUSIONS_PLACE } from '../places'

/**
 * Ids of the blocks a transaction's steps touched where they replaced something (and their
 * ancestors): those it may have deleted, or joined into a neighbour. Empty for steps that only
 * insert. Bounded by the ranges replaced, never the whole document.
 */
export function idsTouchedBy(tr: Transaction): Set<string> {
  const ids = new Set<string>()
  tr.steps.forEach((step, i) => {
    if (!(step instanceof ReplaceStep || step instanceof ReplaceAroundStep) || step.from === step.to) return
    tr.docs[i].nodesBetween(step.from, step.to, (node) => {
      const id = node.attrs.id as unknown
      if (typeof id === 'string' && id) ids.add(id)
      return !node.isTextblock
    })
  })
  return ids
}

/** References to ids that are gone, and where they stand. */
export interface LostReferences {
  /** The ids among those asked about that the text no longer has but still refers to. */
  missing: string[]
  /**
   * Where those references stand, in the order of the text, once each: the chapter's or
   * article's outline number ("Article 4", "Статья 4"), "" for the preamble, CONCLUSIONS_PLACE for
   * the conclusions (those two named in the interface's language).
   */
  places: string[]
}

/**
 * Which of `targets` the text still refers to although it no longer has them: what a deletion
 * left its cross-references pointing at (they show "[?]"). One walk over `doc`.
 */
export function lostReferences(doc: PMNode, targets: ReadonlySet<string>, language: Language): LostReferences {
  if (targets.size === 0) return { missing: [], places: [] }
  const present = new Set<string>()
  const referring: { target: string; top: number }[] = []
  doc.forEach((top, _offset, index) => {
    const visit = (node: PMNode) => {
      const id = node.attrs.id as unknown
      if (typeof id === 'string' && targets.has(id)) present.add(id)
      if (node.type.name === 'xref' && targets.has(node.attrs.target as string)) referring.push({ target: node.attrs.target as string, top: index })
    }
    visit(top)
    top.descendants((node) => {
      visit(node)
      return !node.isText
    })
  })
  const lost = referring.filter((r) => !present.has(r.target))
  if (lost.length === 0) return { missing: [], places: [] }
  // Top-level chapters and articles, in order, are the outline's entries.
  const outline = outlineOf(doc, language)
  const labels = new Map<number, string>()
  let entry = 0
  doc.forEach((top, _offset, index) => {
    if (isDivisionType(top.type.name) || top.type.name === 'article') labels.set(index, labelInText(outline[entry++]?.label ?? ''))
    else if (top.type.name === 'conclusions') labels.set(index, CONCLUSIONS_PLACE)
  })
  const places: string[] = []
  for (const r of lost) {
    const place = labels.get(r.top) ?? ''
    if (!places.includes(place)) places.push(place)
  }
  return { missing: [...new Set(lost.map((r) => r.target))], places }
}
