import * as Y from 'yjs'
import { freshTextHolding, items, type AnyType, type LostText } from './lostText'

/**
 * Words typed into the part of a block that someone else, not knowing them yet, split off with
 * Enter (or a paste of several paragraphs). The binding splits by deleting the block's tail and
 * inserting a new block with the same words; what the typist added inside or right after the
 * tail stays behind, glued to the end of the first half ("Second NEW" / " paragraph:" instead
 * of "Second" / " paragraph: NEW"). This finds those words so that they move after the tail.
 *
 * Unlike words lost to a move or a join, these are still in the text for everyone: only the
 * typist's browser moves them (its own words, found when it applies the split), so that it
 * happens once, and its caret can follow. A typist who left before seeing the split leaves them
 * where they are: misplaced, not lost.
 *
 * Stranded words are recognised by where they were typed, not by who knew what: a live item
 * whose left neighbour when typed (its origin) is a character the split moved, or another
 * stranded item. Whoever knew such an item when splitting moved it along with the tail.
 */
export function findStrandedWords(transaction: Y.Transaction, fragment: Y.XmlFragment, author: number): LostText[] {
  const found: LostText[] = []
  let deleted: DeleteSet | null = null
  for (const type of transaction.changed.keys()) {
    if (!(type instanceof Y.XmlText)) continue
    const block = type.parent
    const container = block instanceof Y.XmlElement ? block.parent : null
    // A split also inserts a block beside this one: its container changed too (typing never does).
    if (container === null || !transaction.changed.has(container as AnyType)) continue
    if (container !== fragment && (!(container instanceof Y.XmlElement) || container.parent !== fragment)) continue
    deleted ??= Y.mergeDeleteSets([transaction.deleteSet]) // sorted, for lookups
    found.push(...strandedIn(transaction, deleted, type, container as AnyType, author))
  }
  return found
}

type DeleteSet = ReturnType<typeof Y.mergeDeleteSets>

function strandedIn(transaction: Y.Transaction, deleted: DeleteSet, text: Y.XmlText, container: AnyType, author: number): LostText[] {
  const before = transaction.beforeState
  const fresh = (item: Y.Item) => item.id.clock >= (before.get(item.id.client) ?? 0)
  // Characters this transaction deleted (the tail split off), and the stranded items: both as
  // clock ranges per client, for the origin lookups.
  const ranges = new Map<number, [number, number][]>()
  const within = (id: Y.ID | null) => id !== null && (ranges.get(id.client) ?? []).some(([a, b]) => id.clock >= a && id.clock < b)
  const remember = (item: Y.Item) => {
    const list = ranges.get(item.id.client) ?? []
    list.push([item.id.clock, item.id.clock + item.length])
    ranges.set(item.id.client, list)
  }
  let moved = ''
  const runs: { offset: number; text: string; items: Y.Item[] }[] = []
  let runGoesOn = false
  for (const item of items(text)) {
    if (!item.content.isCountable()) continue
    if (item.deleted) {
      if (!fresh(item) && Y.isDeleted(deleted, item.id)) {
        remember(item)
        moved += item.content instanceof Y.ContentString ? item.content.str : '\uFFFC'.repeat(item.length)
      }
      continue
    }
    const stranded = !fresh(item) && moved !== '' && within(item.origin)
    if (stranded) remember(item)
    const own = stranded && item.id.client === author && item.content instanceof Y.ContentString
    if (own && runGoesOn && runs.at(-1)!.offset === moved.length) {
      runs.at(-1)!.text += (item.content as Y.ContentString).str
      runs.at(-1)!.items.push(item)
    } else if (own) runs.push({ offset: moved.length, text: (item.content as Y.ContentString).str, items: [item] })
    runGoesOn = own
  }
  if (runs.length === 0) return []
  const target = freshTextHolding(transaction.beforeState, container, moved)
  if (target === null) return []
  return runs.map((run) => ({
    target: target.text,
    index: target.start + run.offset,
    text: run.text,
    from: { text, items: run.items },
  }))
}
