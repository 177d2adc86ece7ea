import * as Y from 'yjs'
import { TEXT_FIELD } from '../../shared/protocol'

/**
 * The ids of the articles a Yjs transaction touched: text or attributes changed anywhere inside
 * an article, articles inserted, and articles deleted. Must run in `afterTransaction`, before
 * Yjs garbage-collects the deleted content (it still holds the deleted articles' ids then).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Yjs types its type tree this way
type AnyType = Y.AbstractType<any>

export function touchedArticles(transaction: Y.Transaction): string[] {
  const root: AnyType = transaction.doc.getXmlFragment(TEXT_FIELD)
  const ids = new Set<string | null>() // null: a change outside any article, dropped at the end

  for (const type of transaction.changed.keys()) {
    if (type === root) {
      // Children inserted at the top level in this transaction (new articles).
      for (let item = root._start; item !== null; item = item.right) {
        const created = item.id.clock >= (transaction.beforeState.get(item.id.client) ?? 0)
        if (created && !item.deleted) ids.add(articleIdOfItem(item))
      }
    } else {
      ids.add(articleIdAbove(type, root))
    }
  }

  Y.iterateDeletedStructs(transaction, transaction.deleteSet, (struct) => {
    if (!(struct instanceof Y.Item)) return
    if (struct.parent === root) ids.add(articleIdOfItem(struct))
    else if (struct.parent instanceof Y.AbstractType) ids.add(articleIdAbove(struct.parent, root))
  })
  ids.delete(null)
  return [...ids] as string[]
}

/** The id of the top-level article that contains `type` (or is it), else null. */
function articleIdAbove(type: AnyType, root: AnyType): string | null {
  let current: AnyType = type
  for (;;) {
    const item = current._item
    if (item === null) return null // a root type other than the text, or the text itself
    if (item.parent === root) return articleIdOfItem(item)
    if (!(item.parent instanceof Y.AbstractType)) return null
    current = item.parent
  }
}

/** The `id` attribute of an `article` element held by `item`, read even if it was just deleted. */
function articleIdOfItem(item: Y.Item): string | null {
  if (!(item.content instanceof Y.ContentType)) return null
  const element = item.content.type
  if (!(element instanceof Y.XmlElement) || element.nodeName !== 'article') return null
  // getAttribute() hides deleted attributes; the raw entry keeps its value until garbage collection.
  const entry = element._map.get('id')
  const value: unknown = entry?.content.getContent()[0]
  return typeof value === 'string' ? value : null
}
