import * as Y from 'yjs'
import { diffChars } from 'diff'

/**
 * Words typed into an element while someone else, not knowing them yet, moved the element or
 * changed its level. Yjs cannot move or rename an element, so the editor binding does both by
 * deleting the element and inserting a copy with the same stable id (and the words the mover
 * saw); what the typist added meanwhile lands in the deleted original and vanishes for
 * everyone. This finds those words so that they can be typed again into the copy. The same
 * goes for a block joined into its neighbour (Backspace at its start): the binding types its
 * words into the neighbour and deletes it, and words typed into it meanwhile follow them there.
 *
 * Who restores, so that it happens exactly once: whoever applies the mover's change while
 * holding words the mover did not know. The server does, for words it already had (the
 * mover's update does not delete them: its delete set names only what the mover's own
 * replica held). The typist's browser does, for words the server did not have yet (offline,
 * or still on their way): the server's message deletes only what the server held.
 */
export interface LostText {
  /** The copy's text, or the copy itself when it has no text yet (the words go into a new one). */
  target: Y.XmlText | Y.XmlElement
  /** Where in the copy's text (Yjs index, UTF-16 code units). */
  index: number
  text: string
  /** Words still standing elsewhere (stranded by a split, see strandedWords.ts): deleted there as they are typed again. */
  from?: { text: Y.XmlText; items: Y.Item[] }
}

/**
 * Meta of a restoring transaction (`Y.Transaction.meta`): the words it moved, so that a caret
 * left where they stood can follow them (the editor binding reads it).
 */
export const MOVED_WORDS = 'accord:movedWords'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Yjs's types are invariant in their event type
export type AnyType = Y.AbstractType<any>
type DeleteSet = ReturnType<typeof Y.mergeDeleteSets>

/** Whether the change being applied knew the item with this id (its delete set names it). */
export type KnownTo = (id: Y.ID) => boolean

/** Structs of a deleted element or text, or of a live one: its child items in order. */
export function* items(type: AnyType): Generator<Y.Item> {
  for (let item = type._start; item !== null; item = item.right) yield item
}

/** The id attribute of an element, also once the element is deleted (content is kept until the transaction's end). */
export function idOf(el: Y.XmlElement): string | undefined {
  const item = el._map.get('id')
  const value = item?.content.getContent()[0]
  return typeof value === 'string' ? value : undefined
}

function typeOf(item: Y.Item): AnyType | null {
  return item.content instanceof Y.ContentType ? item.content.type : null
}

/** Text of a live Y.XmlText in Yjs indices: embeds count one each. */
function plainText(text: Y.XmlText): string {
  let out = ''
  for (const op of text.toDelta() as { insert: unknown }[]) out += typeof op.insert === 'string' ? op.insert : '\uFFFC'
  return out
}

/** Maps offsets in `from` to offsets in `to` through a character diff (an offset at an insertion stays before it). */
function mapOffsets(from: string, to: string, offsets: number[]): number[] {
  const mapped = offsets.map(() => to.length)
  let a = 0
  let b = 0
  let next = 0
  const sorted = offsets.map((offset, i) => ({ offset, i })).sort((x, y) => x.offset - y.offset)
  for (const part of diffChars(from, to)) {
    const length = part.value.length
    if (part.added) {
      while (next < sorted.length && sorted[next].offset === a) mapped[sorted[next++].i] = b
      b += length
      continue
    }
    while (next < sorted.length && sorted[next].offset < a + length) {
      const { offset, i } = sorted[next++]
      mapped[i] = part.removed ? b : b + (offset - a)
    }
    a += length
    if (!part.removed) b += length
  }
  return mapped
}

/** Whether an item was made by the transaction whose state before is `before`. */
const freshIn = (before: Map<number, number>, item: Y.Item) => item.id.clock >= (before.get(item.id.client) ?? 0)

/**
 * A text of a block the transaction (state before it: `before`) inserted into `parent` where it
 * typed `words`: where a join, or a split (the new block after the split point), put them.
 */
export function freshTextHolding(before: Map<number, number>, parent: AnyType, words: string): { text: Y.XmlText; start: number } | null {
  for (const item of items(parent)) {
    const el = typeOf(item)
    if (item.deleted || !(el instanceof Y.XmlElement) || !freshIn(before, item)) continue
    for (const child of el.toArray()) {
      if (!(child instanceof Y.XmlText)) continue
      const start = insertedHere(before, child, words)
      if (start >= 0) return { text: child, start }
    }
  }
  return null
}

/** Where the transaction (state before it: `before`) typed `words` into `text` as one run (Yjs index), or -1. */
function insertedHere(before: Map<number, number>, text: Y.XmlText, words: string): number {
  let index = 0
  let runStart = -1
  let run = ''
  for (const item of items(text)) {
    if (item.deleted || !item.content.isCountable()) continue
    const length = item.content.getLength()
    if (freshIn(before, item)) {
      if (runStart < 0) runStart = index
      run += item.content instanceof Y.ContentString ? item.content.str : '\uFFFC'.repeat(length)
    } else if (runStart >= 0) {
      const at = run.indexOf(words)
      if (at >= 0) return runStart + at
      runStart = -1
      run = ''
    }
    index += length
  }
  const at = runStart >= 0 ? run.indexOf(words) : -1
  return at >= 0 ? runStart + at : -1
}

class Finder {
  readonly found: LostText[] = []
  private readonly before: Map<number, number>
  private readonly deletedHere: DeleteSet

  constructor(
    private readonly transaction: Y.Transaction,
    private readonly knownTo: KnownTo,
    private readonly author: number | undefined,
  ) {
    this.before = transaction.beforeState
    this.deletedHere = Y.mergeDeleteSets([transaction.deleteSet]) // sorted, for lookups
  }

  /** Present before this transaction and deleted by it. */
  private visibleBefore(item: Y.Item): boolean {
    if (item.id.clock >= (this.before.get(item.id.client) ?? 0)) return false
    return !item.deleted || Y.isDeleted(this.deletedHere, item.id)
  }

  /** Elements of `parent` that this transaction deleted while a live element with the same id remains: moved or re-levelled. */
  inspectChildren(parent: AnyType): void {
    let live: Map<string, Y.XmlElement> | null = null
    for (const item of items(parent)) {
      const el = typeOf(item)
      if (!item.deleted && el instanceof Y.XmlElement && this.transaction.changed.has(el as AnyType)) this.inspectDeletedTexts(el, parent)
      if (!item.deleted || !(el instanceof Y.XmlElement) || !this.visibleBefore(item)) continue
      const id = idOf(el)
      if (id === undefined) continue
      live ??= liveById(parent)
      const copy = live.get(id)
      if (copy) this.compareElements(el, copy)
      else this.inspectJoined(el, item, parent)
    }
  }

  /**
   * A text block deleted with no copy left may have been joined into a neighbour (Backspace at
   * its start, Delete at the end of the one before): its known words were typed into a live
   * sibling's text by this transaction. Words its author did not know go after them there.
   */
  private inspectJoined(old: Y.XmlElement, oldItem: Y.Item, parent: AnyType): void {
    const texts = [...items(old)].filter((item) => this.visibleBefore(item)).map(typeOf)
    if (texts.length !== 1 || !(texts[0] instanceof Y.XmlText)) return
    const { kept, runs } = this.splitKnown(texts[0])
    // An emptied block removed, not joined: nothing tells where its words would go.
    if (runs.length === 0 || kept === '') return
    // The nearest such sibling before the deleted block (Backspace), else the nearest after.
    let target: { text: Y.XmlText; start: number } | null = null
    let passed = false
    for (const item of items(parent)) {
      if (item === oldItem) passed = true
      const el = typeOf(item)
      if (item.deleted || !(el instanceof Y.XmlElement)) continue
      const text = el.toArray().find((c): c is Y.XmlText => c instanceof Y.XmlText)
      const start = text === undefined || !this.transaction.changed.has(text as AnyType) ? -1 : insertedHere(this.before, text, kept)
      if (start < 0) continue
      target = { text: text!, start }
      if (passed) break
    }
    if (target === null) return
    for (const run of runs) this.found.push({ target: target.text, index: target.start + run.offset, text: run.text })
  }

  /**
   * A block that stays but lost whole texts: one with a cross-reference split before the
   * reference (Enter), where the binding deletes the texts and elements after the split point
   * and types them into a new block. Words its author did not know, typed into such a text, go
   * after their known neighbours in the new block's copy of that text.
   */
  private inspectDeletedTexts(block: Y.XmlElement, parent: AnyType): void {
    for (const item of items(block)) {
      const text = typeOf(item)
      if (!item.deleted || !(text instanceof Y.XmlText) || !this.visibleBefore(item)) continue
      const { kept, runs } = this.splitKnown(text)
      if (runs.length === 0 || kept === '') continue
      const target = freshTextHolding(this.before, parent, kept)
      if (target) for (const run of runs) this.found.push({ target: target.text, index: target.start + run.offset, text: run.text })
    }
  }

  private compareElements(old: Y.XmlElement, copy: Y.XmlElement): void {
    const oldChildren = [...items(old)].filter((item) => this.visibleBefore(item)).map(typeOf)
    const texts = oldChildren.filter((t): t is Y.XmlText => t instanceof Y.XmlText)
    if (texts.length > 0) {
      const copyChildren = copy.toArray()
      if (texts.length === 1 && copyChildren.length === 0) this.compareTexts(texts[0], copy)
      else if (texts.length === 1 && copyChildren.length === 1 && copyChildren[0] instanceof Y.XmlText) this.compareTexts(texts[0], copyChildren[0])
      else if (texts.length > 1) this.compareRuns(oldChildren, copyChildren)
      return
    }
    let liveCopy: Map<string, Y.XmlElement> | null = null
    for (const child of oldChildren) {
      if (!(child instanceof Y.XmlElement)) continue
      const id = idOf(child)
      liveCopy ??= liveById(copy)
      const match = id !== undefined
        ? liveCopy.get(id)
        : copy.toArray().find((c): c is Y.XmlElement => c instanceof Y.XmlElement && c.nodeName === child.nodeName && idOf(c) === undefined)
      if (match) this.compareElements(child, match)
    }
  }

  /**
   * A block with cross-references: texts with reference elements between them. When the copy
   * has the same shape (texts and elements in the same order), each text is compared with its
   * counterpart; otherwise nothing tells which words went where, and none are restored.
   */
  private compareRuns(oldChildren: (AnyType | null)[], copyChildren: (Y.XmlText | Y.XmlElement | Y.XmlHook)[]): void {
    const shape = (children: readonly unknown[]) => children.map((c) => (c instanceof Y.XmlText ? 't' : 'e')).join('')
    if (shape(oldChildren) !== shape(copyChildren)) return
    oldChildren.forEach((child, i) => {
      const counterpart = copyChildren[i]
      if (child instanceof Y.XmlText && counterpart instanceof Y.XmlText) this.compareTexts(child, counterpart)
    })
  }

  private compareTexts(old: Y.XmlText, target: Y.XmlText | Y.XmlElement): void {
    const { kept, runs } = this.splitKnown(old)
    if (runs.length === 0) return
    const now = target instanceof Y.XmlText ? plainText(target) : ''
    const offsets = mapOffsets(kept, now, runs.map((r) => r.offset))
    runs.forEach((run, i) => this.found.push({ target, index: offsets[i], text: run.text }))
  }

  /** A deleted text as it was: what the change's author knew (`kept`) and the runs of words they did not, at their offsets in `kept`. */
  private splitKnown(old: Y.XmlText): { kept: string; runs: { offset: number; text: string }[] } {
    let kept = ''
    const runs: { offset: number; text: string }[] = []
    for (const item of items(old)) {
      if (!this.visibleBefore(item)) continue
      const { content } = item
      if (!(content instanceof Y.ContentString)) {
        if (content.isCountable()) kept += '\uFFFC'.repeat(content.getLength())
        continue
      }
      const mayBeLost = this.author === undefined || item.id.client === this.author
      for (let i = 0; i < content.str.length; i++) {
        const clock = item.id.clock + i
        if (!mayBeLost || this.knownTo(Y.createID(item.id.client, clock))) {
          kept += content.str[i]
          continue
        }
        const last = runs.at(-1)
        if (last && last.offset === kept.length) last.text += content.str[i]
        else runs.push({ offset: kept.length, text: content.str[i] })
      }
    }
    return { kept, runs }
  }
}

function liveById(parent: AnyType): Map<string, Y.XmlElement> {
  const out = new Map<string, Y.XmlElement>()
  for (const item of items(parent)) {
    const el = typeOf(item)
    if (item.deleted || !(el instanceof Y.XmlElement)) continue
    const id = idOf(el)
    if (id !== undefined && !out.has(id)) out.set(id, el)
  }
  return out
}

/**
 * The words a transaction that moved or re-levelled elements of `fragment` dropped because its
 * author did not know them (`knownTo` says what the author knew). Only words of `author`, if
 * given (a browser restores its own). Call before the transaction's end (inside it, or in
 * 'afterTransaction'): deleted content is still there. Costs nothing unless elements changed.
 */
export function findLostText(transaction: Y.Transaction, fragment: Y.XmlFragment, knownTo: KnownTo, author?: number): LostText[] {
  const parents = [...transaction.changed.keys()].filter(
    (type) => (type as unknown) === fragment || (type instanceof Y.XmlElement && type.parent === fragment),
  )
  if (parents.length === 0) return []
  const finder = new Finder(transaction, knownTo, author)
  for (const parent of parents) {
    if (parent._item?.deleted) continue
    finder.inspectChildren(parent)
  }
  return finder.found
}

/** Types the lost words into their copies (deleting those that still stand elsewhere), in one transaction of `origin`. */
export function restoreLostText(doc: Y.Doc, lost: readonly LostText[], origin: unknown): void {
  if (lost.length === 0) return
  doc.transact((transaction) => {
    const moved = lost.filter((run) => run.from !== undefined)
    if (moved.length > 0) {
      for (const { from } of moved) deleteItems(from!.text, from!.items)
      transaction.meta.set(MOVED_WORDS, moved)
    }
    const created = new Map<Y.XmlElement, Y.XmlText>()
    // Latest index first, so that earlier indices stay valid; at one index the later run first, so that the runs keep their order.
    const order = lost.map((run, i) => ({ run, i })).sort((a, b) => b.run.index - a.run.index || b.i - a.i)
    for (const { run: { target, index, text } } of order) {
      if (target._item?.deleted) continue
      let into: Y.XmlText
      if (target instanceof Y.XmlText) into = target
      else {
        into = created.get(target) ?? new Y.XmlText()
        if (!created.has(target)) {
          target.insert(0, [into])
          created.set(target, into)
        }
      }
      into.insert(Math.min(index, into.length), text)
    }
  }, origin)
}

/** Deletes these (live) items of `text`, through its public API so that its search markers stay right. */
function deleteItems(text: Y.XmlText, doomed: readonly Y.Item[]): void {
  const set = new Set(doomed)
  const ranges: [number, number][] = []
  let index = 0
  for (const item of items(text)) {
    if (item.deleted || !item.content.isCountable()) continue
    const length = item.content.getLength()
    if (set.has(item)) ranges.push([index, length])
    index += length
  }
  for (let i = ranges.length - 1; i >= 0; i--) text.delete(ranges[i][0], ranges[i][1])
}

/** What received updates knew: the ids their delete sets name (decoded only when first asked: rarely). */
export function knownToUpdates(updates: readonly Uint8Array[]): KnownTo {
  let ds: DeleteSet | null = null
  return (id) => Y.isDeleted((ds ??= Y.mergeDeleteSets(updates.map((u) => Y.decodeUpdate(u).ds))), id)
}
