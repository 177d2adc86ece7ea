import * as Y from 'yjs'
import { findLostText, idOf, items, restoreLostText, type AnyType, type LostText } from './lostText'

/** Origin of the transaction typing co-authors' words back: not one the undo manager tracks, so the redo stack stays. */
export const KEPT_BY_UNDO = Symbol('co-authors’ words kept by an undo')

/** Whether a live type holds words (or cross-references) another replica wrote. */
function holdsWordsOf(type: AnyType, others: (client: number) => boolean): boolean {
  for (const item of items(type)) {
    if (item.deleted) continue
    if (item.content instanceof Y.ContentType) {
      if (holdsWordsOf(item.content.type as AnyType, others)) return true
    } else if (item.content.isCountable() && others(item.id.client)) return true
  }
  return false
}

/** How many live elements carry each id, under `type`. */
function countIds(type: AnyType, counts = new Map<string, number>()): Map<string, number> {
  for (const item of items(type)) {
    if (item.deleted || !(item.content instanceof Y.ContentType)) continue
    const child = item.content.type
    if (!(child instanceof Y.XmlElement)) continue
    const id = idOf(child)
    if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1)
    countIds(child as AnyType, counts)
  }
  return counts
}

/**
 * Ctrl+Z takes back one's own change, not a co-author's words written into what it made. Yjs's
 * undo deletes whatever the step inserted, and with an element everything in it: undoing a new
 * point, article or pasted paragraph deleted what a co-author had since typed there, and undoing
 * a move or change of level (which the binding makes by deleting the element and inserting a copy)
 * deleted what they had typed into the copy. Now an element holding a co-author's words stays
 * (only one's own words in it go); a copy whose original the undo brings back goes, and the
 * co-author's words in it are typed again into the original, in a transaction of their own
 * (not a step of one's own: the redo stack stays). Returns the way to stop.
 */
export function keepOthersWordsOnUndo(manager: Y.UndoManager, fragment: Y.XmlFragment): () => void {
  const doc = manager.doc
  const ownFilter = manager.deleteFilter
  const others = (client: number) => client !== doc.clientID
  /** Per undo: the live elements per id (after it brought back what it deleted, before it deletes), and what was decided. */
  let undo: { transaction: Y.Transaction; ids: Map<string, number> | null; stays: Map<Y.XmlElement, boolean> } | null = null
  /**
   * An element of the step that must stay: it holds a co-author's words and no original comes
   * back in its place. Decided once, before its attributes (deleted first) take its id away.
   */
  const stays = (el: Y.XmlElement): boolean => {
    const transaction = doc._transaction!
    if (undo?.transaction !== transaction) undo = { transaction, ids: null, stays: new Map() }
    let verdict = undo.stays.get(el)
    if (verdict === undefined) {
      const id = idOf(el)
      verdict = holdsWordsOf(el as AnyType, others) && (id === undefined || ((undo.ids ??= countIds(fragment as unknown as AnyType)).get(id) ?? 0) < 2)
      undo.stays.set(el, verdict)
    }
    return verdict
  }
  manager.deleteFilter = (item) => {
    if (!ownFilter(item)) return false
    // An attribute of an element that stays stays with it.
    if (item.parentSub !== null) return !(item.parent instanceof Y.XmlElement && stays(item.parent))
    const type = item.content instanceof Y.ContentType ? item.content.type : null
    if (type instanceof Y.XmlElement) return !stays(type)
    if (type instanceof Y.XmlText) return !(type.parent instanceof Y.XmlElement && stays(type.parent) && holdsWordsOf(type as AnyType, others))
    return true
  }

  let lost: LostText[] = []
  const afterTransaction = (transaction: Y.Transaction) => {
    if (transaction.origin !== manager) return
    undo = null
    lost.push(...findLostText(transaction, fragment, (id) => !others(id.client)))
  }
  const afterAllTransactions = () => {
    if (lost.length === 0) return
    const found = lost
    lost = []
    restoreLostText(doc, found, KEPT_BY_UNDO)
  }
  doc.on('afterTransaction', afterTransaction)
  doc.on('afterAllTransactions', afterAllTransactions)
  return () => {
    manager.deleteFilter = ownFilter
    doc.off('afterTransaction', afterTransaction)
    doc.off('afterAllTransactions', afterAllTransactions)
  }
}
