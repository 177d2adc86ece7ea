import type { DocJSON } from '../../shared/schema'

/** Every stable id of a document tree (attrs.id strings), in document order. */
export function idsOf(doc: DocJSON): string[] {
  const out: string[] = []
  const walk = (n: DocJSON) => {
    if (typeof n.attrs?.id === 'string') out.push(n.attrs.id)
    n.content?.forEach(walk)
  }
  walk(doc)
  return out
}
