import * as Y from 'yjs'
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
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

/** The legal text of a Y.Doc as a ProseMirror node (no browser needed). */
export function docNodeOf(ydoc: Y.Doc): PMNode {
  return yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment(TEXT_FIELD), legalSchema)
}

export function docJSONOf(ydoc: Y.Doc): DocJSON {
  return docNodeOf(ydoc).toJSON() as DocJSON
}
