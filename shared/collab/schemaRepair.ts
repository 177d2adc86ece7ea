import * as Y from 'yjs'
import type { ContentMatch, NodeType } from '@tiptap/pm/model'
import { legalSchema } from '../schema'
import { items, type AnyType } from './lostText'

/**
 * What a change put into the law that the law's schema cannot hold: an element of no known kind,
 * or where its parent allows none of its kind (a paragraph before an article's heading, an
 * article inside an article), a bare text between articles, formatting on words (the schema
 * has no marks). The editor binding and every reading of the text (ProseMirror's `schema.node`
 * checks the content) deleted the whole parent or text for it — an article, a paragraph's
 * words — on every replica, and a bare text between articles left the editor empty, so that
 * the next keystroke wrote the empty law back. Only what the change itself inserted is named:
 * what was there before stays as it was.
 */
export interface SchemaOffences {
  /** Items to delete: elements, texts or other values inserted where they cannot be. */
  misplaced: Y.Item[]
  /** Texts carrying formatting: their words stay, the formatting goes. */
  formatted: Y.XmlText[]
}

/** Whether the transaction (state before it: `before`) made this item. */
const madeIn = (before: Map<number, number>, item: Y.Item) => item.id.clock >= (before.get(item.id.client) ?? 0)

function hasFormatting(text: Y.XmlText): boolean {
  for (const op of text.toDelta() as { attributes?: object }[]) if (op.attributes && Object.keys(op.attributes).length > 0) return true
  return false
}

class Inspector {
  readonly found: SchemaOffences = { misplaced: [], formatted: [] }
  constructor(private readonly before: Map<number, number>) {}

  /** The children of a type of kind `nodeType`, in order; those it made are checked all the way down. */
  children(parent: AnyType, nodeType: NodeType): void {
    let match: ContentMatch = nodeType.contentMatch
    for (const item of items(parent)) {
      if (item.deleted || item.parentSub !== null) continue
      const fresh = madeIn(this.before, item)
      const type = item.content instanceof Y.ContentType ? item.content.type : null
      let next: ContentMatch | null = null
      let childType: NodeType | undefined
      if (type instanceof Y.XmlText) next = nodeType.inlineContent ? match.matchType(legalSchema.nodes.text) : null
      else if (type instanceof Y.XmlElement) {
        childType = legalSchema.nodes[type.nodeName]
        next = childType ? match.matchType(childType) : null
      } else if (!item.content.isCountable()) continue
      if (next === null) {
        if (fresh) this.found.misplaced.push(item)
        continue
      }
      match = next
      if (!fresh) continue
      if (type instanceof Y.XmlText && hasFormatting(type)) this.found.formatted.push(type)
      else if (type instanceof Y.XmlElement && childType) this.children(type as AnyType, childType)
    }
  }
}

/**
 * What the transaction put where the schema cannot hold it: in the types it changed (and
 * whatever it inserted into them) when it changed the structure, and formatting wherever it
 * inserted some. `clients`: those whose items it applied (of an update: `Y.parseUpdateMeta`'s
 * `to`). Call right after the transaction's end. Typing costs a look at the items it made: no
 * walk of any text, nor of the document's thousands of past clients (its state vector).
 */
export function schemaOffences(transaction: Y.Transaction, fragment: Y.XmlFragment, structural: boolean, clients: Iterable<number>): SchemaOffences {
  const inspector = new Inspector(transaction.beforeState)
  if (structural) {
    for (const type of transaction.changed.keys()) {
      if (type._item?.deleted || !isUnder(type, fragment)) continue
      if ((type as unknown) === fragment) inspector.children(type, legalSchema.topNodeType)
      else if (type instanceof Y.XmlElement) {
        const nodeType = legalSchema.nodes[type.nodeName]
        if (nodeType) inspector.children(type as AnyType, nodeType)
      }
    }
  }
  const { store } = transaction.doc
  for (const client of clients) {
    const before = transaction.beforeState.get(client) ?? 0
    const structs = store.clients.get(client)
    if (!structs || Y.getState(store, client) <= before) continue
    for (let i = Y.findIndexSS(structs, before); i < structs.length; i++) {
      const struct = structs[i]
      if (struct instanceof Y.Item && struct.content instanceof Y.ContentFormat && struct.parent instanceof Y.XmlText) inspector.found.formatted.push(struct.parent)
    }
  }
  return inspector.found
}

function isUnder(type: AnyType, fragment: Y.XmlFragment): boolean {
  for (let t: AnyType | null = type; t; t = t._item ? (t._item.parent as AnyType) : null) if ((t as unknown) === fragment) return true
  return false
}

/** Deletes what is misplaced and takes the formatting off words, in one transaction of `origin`. Whether there was anything. */
export function repairSchemaOffences(doc: Y.Doc, { misplaced, formatted }: SchemaOffences, origin: unknown): boolean {
  if (misplaced.length === 0 && formatted.length === 0) return false
  doc.transact(() => {
    for (const item of misplaced) if (!item.deleted) deleteChild(item)
    for (const text of new Set(formatted)) {
      if (text._item?.deleted) continue
      let index = 0
      for (const op of text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
        const length = typeof op.insert === 'string' ? op.insert.length : 1
        if (op.attributes) text.format(index, length, Object.fromEntries(Object.keys(op.attributes).map((key) => [key, null])))
        index += length
      }
    }
  }, origin)
  return true
}

/** Deletes a live child through its parent's public API, so that the parent's search markers stay right. */
function deleteChild(item: Y.Item): void {
  const parent = item.parent as Y.XmlFragment
  let index = 0
  for (const other of items(parent as unknown as AnyType)) {
    if (other === item) {
      parent.delete(index, 1)
      return
    }
    if (!other.deleted && other.content.isCountable()) index += other.length
  }
}
