import { getSchema } from '@tiptap/core'
import type { Node as PMNode } from '@tiptap/pm/model'
import { legalNodes } from './nodes'

export { legalNodes, COPIED_LABEL_CLASS } from './nodes'

/** The ProseMirror schema of a legal text, identical in the browser and on the server. */
export const legalSchema = getSchema(legalNodes)

export { SCHEMA_VERSION } from './version'

/** Node types that carry a stable `id` attribute. */
export const ID_NODE_TYPES = ['part', 'chapter', 'section', 'article', 'clause', 'point', 'subpoint'] as const
export type IdNodeType = (typeof ID_NODE_TYPES)[number]

export const BODY_TYPES = ['clause', 'point', 'subpoint'] as const
export type BodyType = (typeof BODY_TYPES)[number]

/** The headings that divide the law (flat top-level nodes that own the articles after them). */
export const DIVISION_TYPES = ['part', 'chapter', 'section'] as const
export type DivisionType = (typeof DIVISION_TYPES)[number]

export function isDivisionType(name: string): name is DivisionType {
  return (DIVISION_TYPES as readonly string[]).includes(name)
}

/**
 * Rank in the law's structure, by node type name: a division owns the nodes after it up to the
 * next of its rank or higher (a part its chapters, a chapter its sections): part 3, chapter 2,
 * section 1; an article, which owns only itself, 0.
 */
export function structuralRank(name: string): number {
  const index = (DIVISION_TYPES as readonly string[]).indexOf(name)
  return index < 0 ? 0 : DIVISION_TYPES.length - index
}

export function isIdNodeType(name: string): name is IdNodeType {
  return (ID_NODE_TYPES as readonly string[]).includes(name)
}

export function isBodyType(name: string): name is BodyType {
  return (BODY_TYPES as readonly string[]).includes(name)
}

/** The document's JSON form (ProseMirror's `Node.toJSON()`), as stored in versions and exports. */
export interface DocJSON {
  type: string
  attrs?: Record<string, unknown>
  content?: DocJSON[]
  text?: string
}

export function docFromJSON(json: DocJSON): PMNode {
  const node = legalSchema.nodeFromJSON(json)
  node.check()
  return node
}
