import * as Y from 'yjs'
import { TEXT_FIELD } from '../../shared/protocol'
import { isIdNodeType } from '../../shared/schema'
import { digest32 } from '../../shared/digest'
import { findLostText, knownToUpdates, restoreLostText, type LostText } from '../../shared/collab/lostText'
import { repairSchemaOffences, schemaOffences } from '../../shared/collab/schemaRepair'

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
 * copy, so two people moving the same article (or pressing Tab on the same point) at once leave
 * two copies of it. Of each group of elements sharing an id, a top-level one before one inside
 * an article, the one whose Yjs item id is smallest keeps it; every other one beside it that is
 * the same as it (same kind, attributes and content: both people made the same copy) is deleted,
 * so the text does not appear twice; one that differs (someone edited their copy) is kept and
 * renamed to an id derived from its own Yjs item id, so that no one's words are lost. The rule
 * depends only on the document, so running it again, or on another replica holding the same
 * updates, gives the same result. Words typed into a deleted copy by someone who had not seen the
 * repair are typed again into the kept one by their browser (lostText.ts: a deleted element with
 * a live one of the same id). Returns the number of elements deleted or renamed.
 */
export function repairDuplicateIds(doc: Y.Doc): number {
  const fragment = doc.getXmlFragment(TEXT_FIELD)
  let repaired = 0
  // A deleted article takes its blocks with it: their groups are looked at again, without them.
  for (let pass = 0; pass < 3; pass++) {
    const { deletes, renames } = duplicates(fragment)
    if (deletes.length === 0 && renames.length === 0) break
    doc.transact(() => {
      for (const el of deletes) {
        if (el._item!.deleted) continue // in an article deleted just before
        const parent = el.parent as Y.XmlElement | Y.XmlFragment
        parent.delete(parent.toArray().indexOf(el), 1)
        repaired++
      }
      if (deletes.length > 0) return
      for (const [el, id] of renames) el.setAttribute('id', id)
      repaired += renames.length
    }, REPAIR_ORIGIN)
    if (deletes.length === 0) break
  }
  return repaired
}

/** The copies to delete (the same as the group's keeper) and those to rename (different from it). */
function duplicates(fragment: Y.XmlFragment): { deletes: Y.XmlElement[]; renames: [Y.XmlElement, string][] } {
  const groups = new Map<string, Y.XmlElement[]>()
  for (const el of idHolders(fragment)) {
    const id = el.getAttribute('id')
    if (typeof id !== 'string' || id === '') continue
    const group = groups.get(id)
    if (group) group.push(el)
    else groups.set(id, [el])
  }
  const deletes: Y.XmlElement[] = []
  const renames: [Y.XmlElement, string][] = []
  // An article or a heading keeps its id over a block given the same one (a client's script):
  // threads, references and positions name it. Copies of one element are of one kind.
  const nested = (el: Y.XmlElement) => (el.parent === (fragment as unknown) ? 0 : 1)
  for (const group of groups.values()) {
    if (group.length < 2) continue
    const [keeper, ...others] = group.filter((el) => el._item).sort((a, b) => nested(a) - nested(b) || compareItemIds(a._item!.id, b._item!.id))
    const kept = keeper.toString()
    for (const el of others) {
      // Side by side (both in the law, or in one article): the same copy made twice. A block in
      // a copy of its article that differs goes with that copy, renamed.
      if (el.parent === keeper.parent && el.toString() === kept) deletes.push(el)
      else renames.push([el, idFromItemId(el._item!.id)])
    }
  }
  return { deletes, renames }
}

/**
 * Applies a client's update; when it changed the structure (an element inserted, deleted or
 * re-attributed — typing changes only texts), repairs right after, as a change of the server's
 * own that is stored and broadcast like any other (in the same message as the update, to the
 * others: they never see it unrepaired): what the schema cannot hold (schemaRepair.ts), duplicate
 * ids, and words others typed into an element the update moved or re-levelled without knowing
 * them (see lostText.ts).
 */
export function applyUpdateAndRepair(doc: Y.Doc, update: Uint8Array, origin: unknown, mayRepair: () => boolean): void {
  // Typed first: a root type only decoded from updates is a bare AbstractType, no XmlFragment.
  const fragment = doc.getXmlFragment(TEXT_FIELD)
  let structural = false
  let lost: LostText[] = []
  let applied: Y.Transaction | null = null
  // Applied inside a transaction of our own (as applyUpdate's: remote, same origin), whose
  // changed types tell us what it touched, with no listener added and removed per update.
  Y.transact(
    doc,
    (transaction) => {
      Y.applyUpdate(doc, update, origin)
      structural = changedStructure(transaction, fragment)
      // Now, while the deleted elements' words are still there (dropped at the transaction's end).
      if (structural) lost = findLostText(transaction, fragment, knownToUpdates([update]))
      applied = transaction
    },
    origin,
    false,
  )
  if (!mayRepair()) return
  repairSchemaOffences(doc, schemaOffences(applied!, fragment, structural, Y.parseUpdateMeta(update).to.keys()), REPAIR_ORIGIN)
  if (!structural) return
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
