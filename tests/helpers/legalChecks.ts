import type * as Y from 'yjs'
import { docNodeOf } from '../../shared/ydoc'
import { idHolders } from '../../shared/editor/idPlugin'
import { numberDocument, toRoman } from '../../shared/numbering'
import type { DocJSON } from '../../shared/schema'

/**
 * What every replica of a legal text must satisfy, whatever happened to it: the schema holds,
 * every part, chapter, section, article and block has an id and no two share one, and the numbers run without
 * gaps (articles 1…n and chapters I… through the law, parts I… too, sections within their part
 * or chapter, blocks within their article).
 * Returns the problems found (empty when none) and the document's JSON.
 */
export function legalTextProblems(ydoc: Y.Doc): { problems: string[]; json: DocJSON } {
  const problems: string[] = []
  const node = docNodeOf(ydoc)
  try {
    node.check()
  } catch (err) {
    problems.push(`schema: ${(err as Error).message}`)
  }
  const ids = idHolders(node).map((h) => h.id)
  const missing = ids.filter((id) => !id).length
  if (missing) problems.push(`${missing} element(s) without an id`)
  const seen = new Set<string>()
  for (const id of ids) {
    if (!id) continue
    if (seen.has(id)) problems.push(`duplicate id ${id}`)
    seen.add(id)
  }
  const numbers = numberDocument(node, 'en')
  if (numbers.length !== ids.length) problems.push(`${ids.length} elements but ${numbers.length} numbers`)
  let articles = 0
  let chapters = 0
  let sections = 0
  let parts = 0
  for (const n of numbers) {
    if (n.kind === 'chapter' || n.kind === 'part') sections = 0
    if (n.kind === 'part' && n.num !== toRoman(++parts)) problems.push(`part numbered ${n.num}, expected ${toRoman(parts)}`)
    if (n.kind === 'section' && n.num !== String(++sections)) problems.push(`section numbered ${n.num}, expected ${sections}`)
    if (n.kind === 'article' && n.num !== String(++articles)) problems.push(`article numbered ${n.num}, expected ${articles}`)
    if (n.kind === 'chapter' && n.num !== toRoman(++chapters)) problems.push(`chapter numbered ${n.num}, expected ${toRoman(chapters)}`)
  }
  return { problems, json: node.toJSON() as DocJSON }
}
