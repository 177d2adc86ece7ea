import * as Y from 'yjs'
import { fromBase64, toBase64 } from 'lib0/buffer'
import { TEXT_FIELD } from '../protocol'
import { holdsParagraphs, placeIdOf } from '../places'

/**
 * Where a comment's words are, as Yjs relative positions: identities of characters, not
 * offsets, so the anchor follows its words through every concurrent edit without anyone writing
 * to the text (a reviewer may comment, never edit). The start is tied to the first character
 * of the passage (assoc 0), the end to the last one (assoc -1): text typed at either edge stays
 * outside, text typed between two of its characters joins it.
 *
 * Works on a bare Y.Doc, so the server (which has no ProseMirror view) and the browser resolve
 * anchors alike; the browser turns resolved relative positions into editor positions with the
 * binding's mapping (client/comments/anchors.ts).
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Yjs types its type tree this way
export type AnyType = Y.AbstractType<any>

/** An anchor as stored and sent: base64 of `Y.encodeRelativePosition` for each end. */
export interface EncodedAnchor {
  start: string
  end: string
}

/** A place in the text: an index into one block's Y.XmlText. */
export interface YPoint {
  text: Y.XmlText
  index: number
}

export type AnchorResolution =
  | {
      state: 'live'
      start: YPoint
      end: YPoint
      /** The relative positions that resolved (new ones when the anchor was relocated). */
      startRel: Y.RelativePosition
      endRel: Y.RelativePosition
      /** The place holding the start (shared/places.ts). */
      articleId: string | null
      /** Set when the anchor was found again by its quote (its block was recreated): store this. */
      relocated: EncodedAnchor | null
    }
  /** Its words are gone: the range collapsed, or the block or article holding it was deleted. */
  | { state: 'orphaned' }
  /** It refers to text this copy of the document has not received yet. */
  | { state: 'pending' }

/** What a stored thread knows about its passage besides the anchor, for finding it again. */
export interface AnchorFallback {
  /** Id of the block the passage started in (null for an article heading, the title, a division heading or the preamble). */
  blockId: string | null
  /** Its place (shared/places.ts). */
  articleId: string
  /** The passage's text when the thread was started. */
  quote: string
}

export function createAnchor(start: YPoint, end: YPoint): EncodedAnchor {
  return {
    start: toBase64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(start.text, start.index, 0))),
    end: toBase64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(end.text, end.index, -1))),
  }
}

type DecodedAnchor = { start: Y.RelativePosition; end: Y.RelativePosition } | null

/** Per anchor object: the browser places every thread again while others type. */
const decodedAnchors = new WeakMap<EncodedAnchor, DecodedAnchor>()

/** Decodes both ends; null if either is not a relative position. The result is shared: do not change it. */
export function decodeAnchor(anchor: EncodedAnchor): DecodedAnchor {
  let decoded = decodedAnchors.get(anchor)
  if (decoded !== undefined) return decoded
  try {
    decoded = { start: Y.decodeRelativePosition(fromBase64(anchor.start)), end: Y.decodeRelativePosition(fromBase64(anchor.end)) }
  } catch {
    decoded = null
  }
  decodedAnchors.set(anchor, decoded)
  return decoded
}

type PointResult = { kind: 'ok'; point: YPoint } | { kind: 'deleted' } | { kind: 'unknown' }

function resolvePoint(doc: Y.Doc, rel: Y.RelativePosition): PointResult {
  // Anchors always name a character (createAnchor); anything else is not ours (and resolving a
  // position by a root type's name would create that root type).
  const id = rel.item
  if (id === null) return { kind: 'deleted' }
  if (Y.getState(doc.store, id.client) <= id.clock) return { kind: 'unknown' }
  const abs = Y.createAbsolutePositionFromRelativePosition(rel, doc)
  // null after we know the item: it was garbage-collected with the block that held it.
  if (!abs || !(abs.type instanceof Y.XmlText)) return { kind: 'deleted' }
  if (!isAlive(abs.type, doc.getXmlFragment(TEXT_FIELD))) return { kind: 'deleted' }
  return { kind: 'ok', point: { text: abs.type, index: abs.index } }
}

/** True when `type` and all its ancestors up to the text field exist (none deleted). */
function isAlive(type: AnyType, root: Y.XmlFragment): boolean {
  let current: AnyType = type
  while (current !== (root as AnyType)) {
    const item = current._item
    if (item === null || item.deleted) return false
    current = item.parent as AnyType
  }
  return true
}

/** The index of `type` among its parent's live children. */
function indexInParent(type: AnyType): number {
  let index = 0
  for (let n = type._item?.left ?? null; n !== null; n = n.left) if (!n.deleted && n.countable) index += n.length
  return index
}

/** Child indices from the text field down to `type`, for comparing document order. */
function pathOf(type: AnyType, root: Y.XmlFragment): number[] {
  const path: number[] = []
  for (let current = type; current !== (root as AnyType) && current._item; current = current._item.parent as AnyType) {
    path.unshift(indexInParent(current))
  }
  return path
}

function before(a: YPoint, b: YPoint, root: Y.XmlFragment): boolean {
  if (a.text === b.text) return a.index < b.index
  const pa = pathOf(a.text, root)
  const pb = pathOf(b.text, root)
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) if (pa[i] !== pb[i]) return pa[i] < pb[i]
  return false
}

/** The top-level element holding `type` (an article, a division's heading, the title, the preamble or the conclusions), or null. */
export function topLevelOf(type: AnyType, root: Y.XmlFragment): Y.XmlElement | null {
  let current = type
  while (current._item && current._item.parent !== (root as AnyType)) current = current._item.parent as AnyType
  return current instanceof Y.XmlElement && current._item?.parent === (root as AnyType) ? current : null
}

/** The place (shared/places.ts) a top-level element is. */
export function placeIdOfElement(element: Y.XmlElement): string | null {
  return placeIdOf(element.nodeName, element.getAttribute('id'))
}

/** The live top-level element that is this place. */
export function findPlace(doc: Y.Doc, placeId: string): Y.XmlElement | null {
  for (const child of doc.getXmlFragment(TEXT_FIELD).toArray()) {
    if (child instanceof Y.XmlElement && placeIdOfElement(child) === placeId) return child
  }
  return null
}

/** The text of a block (its one Y.XmlText: the schema has no marks). */
export function textOfBlock(text: Y.XmlText): string {
  return text
    .toDelta()
    .map((op: { insert?: unknown }) => (typeof op.insert === 'string' ? op.insert : ''))
    .join('')
}

/** The one Y.XmlText of a block element (none while the block is empty). */
export function xmlTextOf(element: Y.XmlElement): Y.XmlText | null {
  return element.toArray().find((c): c is Y.XmlText => c instanceof Y.XmlText) ?? null
}

/**
 * Where an anchor's words are now. `fallback` finds a passage whose block was recreated (an
 * article moved is deleted and inserted again, with the same ids) by its quote in the block
 * with the same id; words deleted from a block that still exists are not searched for.
 */
export function resolveAnchor(doc: Y.Doc, anchor: EncodedAnchor, fallback?: AnchorFallback): AnchorResolution {
  const decoded = decodeAnchor(anchor)
  if (!decoded) return { state: 'orphaned' }
  const resolution = resolvePositions(doc, decoded.start, decoded.end)
  if (resolution === 'deleted') return (fallback && relocate(doc, fallback)) || { state: 'orphaned' }
  return resolution
}

/** resolveAnchor for decoded positions, without the fallback ('deleted': a block holding them is gone). */
export function resolvePositions(doc: Y.Doc, startRel: Y.RelativePosition, endRel: Y.RelativePosition): AnchorResolution | 'deleted' {
  const root = doc.getXmlFragment(TEXT_FIELD)
  const start = resolvePoint(doc, startRel)
  const end = resolvePoint(doc, endRel)
  if (start.kind === 'unknown' || end.kind === 'unknown') return { state: 'pending' }
  if (start.kind === 'deleted' || end.kind === 'deleted') return 'deleted'
  if (!before(start.point, end.point, root)) return { state: 'orphaned' }
  const place = topLevelOf(start.point.text, root)
  return { state: 'live', start: start.point, end: end.point, startRel, endRel, articleId: place ? placeIdOfElement(place) : null, relocated: null }
}

/**
 * A passage whose words were gone, looked for again by its quote after a restore brought words
 * back: restored words are new text, which the old positions do not follow (an undo's are
 * followed: Yjs tracks redone items). Of several occurrences in its block, the one nearest
 * where the words were.
 */
export function findQuoteAgain(doc: Y.Doc, anchor: EncodedAnchor, fallback: AnchorFallback): AnchorResolution | null {
  const decoded = decodeAnchor(anchor)
  const start = decoded ? resolvePoint(doc, decoded.start) : null
  return relocate(doc, fallback, start?.kind === 'ok' ? start.point.index : 0)
}

/** Where `quote` occurs in `words` nearest to `near` (-1: nowhere). */
function nearestIndexOf(words: string, quote: string, near: number): number {
  let best = -1
  for (let i = words.indexOf(quote); i >= 0; i = words.indexOf(quote, i + 1)) {
    if (best < 0 || Math.abs(i - near) < Math.abs(best - near)) best = i
  }
  return best
}

/** Parts of a quote shorter than this (and than a third of it) are too short to be told from chance. */
const SHORTEST_PART = 4

/** The longest start (`fromEnd` false) or end of `quote` that `words` holds somewhere. */
function longestPart(words: string, quote: string, fromEnd: boolean): number {
  let lo = 0
  let hi = quote.length
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (words.includes(fromEnd ? quote.slice(quote.length - mid) : quote.slice(0, mid))) lo = mid
    else hi = mid - 1
  }
  return lo
}

/**
 * Where a passage's words are in `words`, nearest to `near`: the quote itself; else, edited
 * since it was quoted (the thread's words were changed, and then their block made again by a
 * move, so no position of theirs is left), from its longest start found to its longest end found
 * after it, within twice its length; else, when its end went elsewhere (a split), its start.
 */
function quoteIn(words: string, quote: string, near: number): { from: number; to: number } | null {
  const exact = nearestIndexOf(words, quote, near)
  if (exact >= 0) return { from: exact, to: exact + quote.length }
  const shortest = Math.max(SHORTEST_PART, Math.ceil(quote.length / 3))
  const head = longestPart(words, quote, false)
  if (head < shortest) return null
  const from = nearestIndexOf(words, quote.slice(0, head), near)
  const tail = longestPart(words, quote, true)
  if (tail >= shortest) {
    const end = words.indexOf(quote.slice(quote.length - tail), from + head)
    if (end >= 0 && end + tail - from <= 2 * quote.length) return { from, to: end + tail }
  }
  return head * 2 >= quote.length ? { from, to: from + head } : null
}

function relocate(doc: Y.Doc, fallback: AnchorFallback, near = 0): AnchorResolution | null {
  if (!fallback.quote || fallback.quote.includes('\n')) return null
  const place = findPlace(doc, fallback.articleId)
  if (!place) return null
  for (const text of textsToSearch(place, fallback.blockId)) {
    const found = quoteIn(textOfBlock(text), fallback.quote, near)
    if (found === null) continue
    const start = { text, index: found.from }
    const end = { text, index: found.to }
    const relocated = createAnchor(start, end)
    const decoded = decodeAnchor(relocated)!
    return { state: 'live', start, end, startRel: decoded.start, endRel: decoded.end, articleId: fallback.articleId, relocated }
  }
  return null
}

/**
 * Where a passage's quote is looked for in its place: the block with its id, or the article's
 * heading; the title's or a division heading's own words; each paragraph of the preamble or the
 * conclusions, whose paragraphs have no ids.
 */
function textsToSearch(place: Y.XmlElement, blockId: string | null): Y.XmlText[] {
  let candidates = blocksOfPlace(place)
  if (place.nodeName === 'article') {
    const block = blockId === null ? candidates.find((b) => b.nodeName === 'articleHeading') : candidates.find((b) => b.getAttribute('id') === blockId)
    candidates = block ? [block] : []
  }
  return candidates.map(xmlTextOf).filter((text): text is Y.XmlText => text !== null)
}

/** The elements holding a place's words: an article's heading and blocks, the preamble's or the conclusions' paragraphs; the title's or a division heading's own. */
export function blocksOfPlace(place: Y.XmlElement): Y.XmlElement[] {
  if (place.nodeName !== 'article' && !holdsParagraphs(place.nodeName)) return [place]
  return place.toArray().filter((c): c is Y.XmlElement => c instanceof Y.XmlElement)
}

/** Reads an element inside a block (a cross-reference) as words; without one, such elements read as nothing. */
export type ElementText = (element: Y.XmlElement) => string

/**
 * The words of `block` from `from` (else its start) to `to` (else its end). A block with a
 * cross-reference holds several Y.XmlTexts with the reference's element between them, read by
 * `elementText` (its number depends on the whole law: see xrefQuote.ts).
 */
function wordsOfBlock(block: Y.XmlElement, from: YPoint | null, to: YPoint | null, elementText?: ElementText): string {
  let out = ''
  let inside = from === null
  for (const child of block.toArray()) {
    if (!(child instanceof Y.XmlText)) {
      if (inside && child instanceof Y.XmlElement && elementText) out += elementText(child)
      continue
    }
    if (child === from?.text) inside = true
    if (!inside) continue
    const value = textOfBlock(child)
    const start = child === from?.text ? from.index : 0
    if (child === to?.text) return out + value.slice(start, to.index)
    out += value.slice(start)
  }
  return out
}

/** All the words of a block (its texts, and its references as `elementText` reads them). */
export function blockWords(block: Y.XmlElement, elementText?: ElementText): string {
  return wordsOfBlock(block, null, null, elementText)
}

/** The words of the block holding a passage within one block, before and after it (its references as `elementText` reads them). */
export function wordsAround(start: YPoint, end: YPoint, elementText?: ElementText): { before: string; after: string } {
  const block = start.text.parent
  if (!(block instanceof Y.XmlElement) || end.text.parent !== block) return { before: '', after: '' }
  return { before: wordsOfBlock(block, null, start, elementText), after: wordsOfBlock(block, end, null, elementText) }
}

/** The words between two resolved points (blocks joined by a newline). */
export function textBetween(start: YPoint, end: YPoint, elementText?: ElementText): string {
  if (start.text === end.text) return textOfBlock(start.text).slice(start.index, end.index)
  const first = start.text.parent
  const last = end.text.parent
  if (first === last && first instanceof Y.XmlElement) return wordsOfBlock(first, start, end, elementText)
  const parts: string[] = []
  let inside = false
  for (const block of first?.parent instanceof Y.XmlElement ? first.parent.toArray() : []) {
    if (block === first) inside = true
    if (!inside || !(block instanceof Y.XmlElement)) continue
    if (block === first) parts.push(wordsOfBlock(block, start, null, elementText))
    else if (block === last) {
      parts.push(wordsOfBlock(block, null, end, elementText))
      break
    } else parts.push(wordsOfBlock(block, null, null, elementText))
  }
  return parts.join('\n')
}

/** The stable id of the block holding `text` (null for an article heading, which has none). */
export function blockIdOf(text: Y.XmlText): string | null {
  const block = text.parent
  if (!(block instanceof Y.XmlElement)) return null
  const id: unknown = block.getAttribute('id')
  return typeof id === 'string' ? id : null
}
