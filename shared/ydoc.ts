import * as Y from 'yjs'
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap'
import type { Node as PMNode } from '@tiptap/pm/model'
import { legalSchema, type DocJSON } from './schema'
import { TEXT_FIELD } from './protocol'

/** Writes a document tree into an empty Y.Doc, as the editor binding would. */
export function writeDocJSON(ydoc: Y.Doc, json: DocJSON): void {
  prosemirrorJSONToYXmlFragment(legalSchema, json, ydoc.getXmlFragment(TEXT_FIELD))
}

/** The full Yjs state of a new document holding `json`. */
export function encodeDocJSON(json: DocJSON): Uint8Array {
  const ydoc = new Y.Doc()
  try {
    writeDocJSON(ydoc, json)
    return Y.encodeStateAsUpdate(ydoc)
  } finally {
    ydoc.destroy()
  }
}

/**
 * The legal text of a Y.Doc as a ProseMirror node (no browser needed). Read only: an element the
 * schema cannot hold is left out of the node, not deleted from the Y.Doc as y-tiptap's reading
 * deletes it (with its parent, when the parent's content no longer fits) — the server reads the
 * live document for versions, activity and exports.
 */
export function docNodeOf(ydoc: Y.Doc): PMNode {
  return legalSchema.topNodeType.create(null, childNodes(ydoc.getXmlFragment(TEXT_FIELD), false))
}

function childNodes(parent: Y.XmlFragment | Y.XmlElement, inline: boolean): PMNode[] {
  const out: PMNode[] = []
  for (const child of parent.toArray()) {
    if (child instanceof Y.XmlElement) {
      const node = nodeOf(child)
      if (node) out.push(node)
    } else if (inline && child instanceof Y.XmlText) {
      // The schema has no marks: formatting on words (only a foreign client writes any) is dropped, the words kept.
      for (const op of child.toDelta() as { insert: unknown }[]) if (typeof op.insert === 'string' && op.insert !== '') out.push(legalSchema.text(op.insert))
    }
  }
  return out
}

function nodeOf(el: Y.XmlElement): PMNode | null {
  const type = legalSchema.nodes[el.nodeName]
  if (!type) return null
  try {
    return legalSchema.node(type, el.getAttributes(), childNodes(el, type.inlineContent))
  } catch {
    return null
  }
}

export function docJSONOf(ydoc: Y.Doc): DocJSON {
  return docNodeOf(ydoc).toJSON() as DocJSON
}
