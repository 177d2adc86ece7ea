import * as Y from 'yjs'
import { placeIdOf } from '../../shared/places'
import { TEXT_FIELD } from '../../shared/protocol'

/**
 * The places (shared/places.ts) a Yjs transaction touched: text or attributes changed anywhere
 * inside an article, a division's heading, the title or the preamble; articles and headings
 * inserted, and deleted. Must run in `afterTransaction`, before Yjs garbage-collects the deleted
 * content (it still holds the deleted ones' ids then).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Yjs types its type tree this way
type AnyType = Y.AbstractType<any>

export function touchedPlaces(transaction: Y.Transaction): string[] {
  const root: AnyType = transaction.doc.getXmlFragment(TEXT_FIELD)
  const ids = new Set<string | null>() // null: a change outside any place, dropped at the end

  for (const type of transaction.changed.keys()) {
    if (type === root) {
      // Children inserted at the top level in this transaction (new articles and headings).
      for (let item = root._start; item !== null; item = item.right) {
        const created = item.id.clock >= (transaction.beforeState.get(item.id.client) ?? 0)
        if (created && !item.deleted) ids.add(placeIdOfItem(item))
      }
    } else {
      ids.add(placeIdAbove(type, root))
    }
  }

  Y.iterateDeletedStructs(transaction, transaction.deleteSet, (struct) => {
    if (!(struct instanceof Y.Item)) return
    if (struct.parent === root) ids.add(placeIdOfItem(struct))
    else if (struct.parent instanceof Y.AbstractType) ids.add(placeIdAbove(struct.parent, root))
  })
  ids.delete(null)
  return [...ids] as string[]
}

/** The top-level place that contains `type` (or is it), else null. */
function placeIdAbove(type: AnyType, root: AnyType): string | null {
  let current: AnyType = type
  for (;;) {
    const item = current._item
    if (item === null) return null // a root type other than the text, or the text itself
    if (item.parent === root) return placeIdOfItem(item)
    if (!(item.parent instanceof Y.AbstractType)) return null
    current = item.parent
  }
}

/** The place a top-level element held by `item` is, its id read even if it was just deleted. */
function placeIdOfItem(item: Y.Item): string | null {
  if (!(item.content instanceof Y.ContentType)) return null
  const element = item.content.type
  if (!(element instanceof Y.XmlElement)) return null
  // getAttribute() hides deleted attributes; the raw entry keeps its value until garbage collection.
  const entry = element._map.get('id')
  return placeIdOf(element.nodeName, entry?.content.getContent()[0])
}
