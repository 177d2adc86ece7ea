import * as Y from 'yjs'
import { TEXT_FIELD } from '../../shared/protocol'
import { isIdNodeType } from '../../shared/schema'
import { digest32 } from '../../shared/digest'
import { findLostText, knownToUpdates, restoreLostText, type LostText } from '../../shared/collab/lostText'

/** Transaction origin of the server's own repairs, of ids and of words (stored and sent to everyone, attributed to nobody). */
export const REPAIR_ORIGIN = Symbol('repair')

const encoder = new TextEncoder()

/** 12 base-36 characters derived from a Yjs item id: every replica computes the same one. */
export function idFromItemId(id: Y.ID): string {
  const bytes = encoder.encode(`${id.client}:${id.clock}`)
  const salted = encoder.encode(`${id.clock}/${id.client}`)
  const part = (n: number) => n.toString(36).padStart(7, '0').slice(-6)
  return part(digest32(bytes)) + part(digest32(salted))
}

/** (client, clock) order of Yjs item ids: a total order every replica agrees on. */
function compareItemIds(a: Y.ID, b: Y.ID): number {
  return a.client - b.client || a.clock - b.clock
}

/** Chapters, articles and article body blocks: the elements that carry a stable id. */
function idHolders(fragment: Y.XmlFragment): Y.XmlElement[] {
  const out: Y.XmlElement[] = []
  for (const top of fragment.toArray()) {
    if (!(top instanceof Y.XmlElement) || !isIdNodeType(top.nodeName)) continue
    out.push(top)
    if (top.nodeName !== 'article') continue
    for (const child of top.toArray()) if (child instanceof Y.XmlElement && isIdNodeType(child.nodeName)) out.push(child)
  }
  return out
}

/**
 * Makes stable ids unique again. Concurrent structural edits can leave two elements with one id:
 * y-prosemirror moves an article (or changes a block's level) by deleting it and inserting a
 * copy, so two people moving the same article at once leave two copies of it. Of each group of
 * elements sharing an id, the one whose Yjs item id is smallest keeps it; every other one is
 * renamed to an id derived from its own Yjs item id. The rule depends only on the document, so
 * running it again, or on another replica, gives the same ids. Returns the number renamed.
 */
export function repairDuplicateIds(doc: Y.Doc): number {
  const groups = new Map<string, Y.XmlElement[]>()
  for (const el of idHolders(doc.getXmlFragment(TEXT_FIELD))) {
    const id = el.getAttribute('id')
    if (typeof id !== 'string' || id === '') continue
    const group = groups.get(id)
    if (group) group.push(el)
    else groups.set(id, [el])
  }
  const renames: [Y.XmlElement, string][] = []
  for (const group of groups.values()) {
    if (group.length < 2) continue
    const sorted = group.filter((el) => el._item).sort((a, b) => compareItemIds(a._item!.id, b._item!.id))
    for (const el of sorted.slice(1)) renames.push([el, idFromItemId(el._item!.id)])
  }
  if (renames.length === 0) return 0
  doc.transact(() => {
    for (const [el, id] of renames) el.setAttribute('id', id)
  }, REPAIR_ORIGIN)
  return renames.length
}

/**
 * Applies a client's update; when it changed the structure (an element inserted, deleted or
 * re-attributed — typing changes only texts), repairs right after, as a change of the server's
 * own that is stored and broadcast like any other: duplicate ids, and words others typed into
 * an element the update moved or re-levelled without knowing them (see lostText.ts).
 */
export function applyUpdateAndRepair(doc: Y.Doc, update: Uint8Array, origin: unknown, mayRepair: () => boolean): void {
  // Typed first: a root type only decoded from updates is a bare AbstractType, no XmlFragment.
  const fragment = doc.getXmlFragment(TEXT_FIELD)
  let structural = false
  let lost: LostText[] = []
  // Applied inside a transaction of our own (as applyUpdate's: remote, same origin), whose
  // changed types tell us what it touched, with no listener added and removed per update.
  Y.transact(
    doc,
    (transaction) => {
      Y.applyUpdate(doc, update, origin)
      structural = changedStructure(transaction, fragment)
      // Now, while the deleted elements' words are still there (dropped at the transaction's end).
      if (structural) lost = findLostText(transaction, fragment, knownToUpdates([update]))
    },
    origin,
    false,
  )
  if (!structural || !mayRepair()) return
  restoreLostText(doc, lost, REPAIR_ORIGIN)
  repairDuplicateIds(doc)
}

/** Whether an element was inserted, deleted or re-attributed (typing changes only texts). */
function changedStructure(transaction: Y.Transaction, fragment: Y.XmlFragment): boolean {
  for (const type of transaction.changed.keys()) {
    if ((type as unknown) === fragment || type instanceof Y.XmlElement) return true
  }
  return false
}
