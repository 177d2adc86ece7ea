import * as Y from 'yjs'
import type { EditorState } from '@tiptap/pm/state'
import type { Node as PMNode } from '@tiptap/pm/model'
import { absolutePositionToRelativePosition, ySyncPluginKey, type ProsemirrorBinding } from '@tiptap/y-tiptap'
import type { ThreadView } from '../../shared/api'
import { createAnchor, resolveAnchor, resolvePositions, type EncodedAnchor, type YPoint } from '../../shared/comments/anchor'
import { xrefLeafText } from '../editor/xrefView'
import { editorPositions, type BindingLike, type EditorPositions } from './editorPositions'
import { writeWaitingTyping } from '../editor/localSyncAfterFrame'
import { plainWordsOfOneBlock } from './proposable'
import { holdsParagraphs, placeIdOf } from '../../shared/places'

/**
 * Between the editor and the anchors: a selection becomes a passage (Yjs relative positions,
 * shared/comments/anchor.ts) and a stored anchor becomes editor positions again, through the
 * Yjs binding's mapping of Yjs types to ProseMirror nodes.
 */

function bindingOf(state: EditorState): ProsemirrorBinding | null {
  const binding = (ySyncPluginKey.getState(state) as { binding?: ProsemirrorBinding } | undefined)?.binding
  return binding && binding.mapping.size > 0 ? binding : null
}

/** bindingOf, with the typing still waiting to be written into Yjs written: Yjs positions are read next. */
function writtenBindingOf(state: EditorState): ProsemirrorBinding | null {
  writeWaitingTyping(state)
  return bindingOf(state)
}

/** A passage the person selected, ready to send. */
export interface Passage {
  /** Its place (shared/places.ts). */
  articleId: string
  anchor: EncodedAnchor
  quote: string
  from: number
  to: number
  /** Plain words of one block (paragraph, point, sub-point, heading): a new wording may be proposed for them. */
  proposable: boolean
}

export type PassageResult = { ok: true; passage: Passage } | { ok: false; reason: 'empty' | 'notInArticle' | 'acrossArticles' | 'notReady' }

/** The top-level node holding `pos`, with its position. */
function topLevelAt(doc: PMNode, pos: number): { node: PMNode; pos: number } | null {
  const $pos = doc.resolve(pos)
  if ($pos.depth < 1) return null
  return { node: $pos.node(1), pos: $pos.before(1) }
}

/** The first and last character positions of text within [from, to] (selections often start at a block's end). */
function textBounds(doc: PMNode, from: number, to: number): { from: number; to: number } | null {
  let first = -1
  let last = -1
  doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isText) return true
    const start = Math.max(from, pos)
    const end = Math.min(to, pos + node.nodeSize)
    if (start < end) {
      if (first < 0) first = start
      last = end
    }
    return false
  })
  return first < 0 ? null : { from: first, to: last }
}

function yPointAt(binding: ProsemirrorBinding, pos: number): YPoint | null {
  const rel = absolutePositionToRelativePosition(pos, binding.type, binding.mapping) as Y.RelativePosition
  const abs = Y.createAbsolutePositionFromRelativePosition(rel, binding.doc)
  return abs && abs.type instanceof Y.XmlText ? { text: abs.type, index: abs.index } : null
}

/** The passage between `from` and `to` (a selection), which must be words of one place: an article, a heading, the title or the preamble. */
export function passageOf(state: EditorState, from: number, to: number): PassageResult {
  const bounds = textBounds(state.doc, Math.min(from, to), Math.max(from, to))
  if (!bounds) return { ok: false, reason: 'empty' }
  const top = topLevelAt(state.doc, bounds.from)
  const placeId = top && placeIdOf(top.node.type.name, top.node.attrs.id)
  if (!top || !placeId) return { ok: false, reason: 'notInArticle' }
  if (topLevelAt(state.doc, bounds.to)?.pos !== top.pos) return { ok: false, reason: 'acrossArticles' }
  const binding = writtenBindingOf(state)
  const start = binding && yPointAt(binding, bounds.from)
  const end = binding && yPointAt(binding, bounds.to)
  if (!start || !end) return { ok: false, reason: 'notReady' }
  return {
    ok: true,
    passage: {
      articleId: placeId,
      anchor: createAnchor(start, end),
      // A cross-reference quoted as the number it shows.
      quote: state.doc.textBetween(bounds.from, bounds.to, '\n', xrefLeafText(state)),
      from: bounds.from,
      to: bounds.to,
      proposable: plainWordsOfOneBlock(state.doc, bounds.from, bounds.to),
    },
  }
}

/** The place holding `pos` (an article, a heading, the title, the preamble, the conclusions): its id and heading, for a thread on the whole of it. */
export function placeAt(state: EditorState, pos: number): { id: string; heading: string } | null {
  const top = topLevelAt(state.doc, Math.min(pos, state.doc.content.size))
  const id = top && placeIdOf(top.node.type.name, top.node.attrs.id)
  if (!top || !id) return null
  const name = top.node.type.name
  return { id, heading: name === 'article' ? (top.node.firstChild?.textContent ?? '') : holdsParagraphs(name) || name === 'lawTitle' ? '' : top.node.textContent }
}

/** A passage's relative positions (as resolved: the stored ones, or new ones found by its quote). */
export interface PassageAnchor {
  start: Y.RelativePosition
  end: Y.RelativePosition
}

/** The position of every place (one pass, for placing many threads on whole places). */
function placePositions(doc: PMNode): Map<string, number> {
  const positions = new Map<string, number>()
  doc.forEach((node, offset) => {
    const id = placeIdOf(node.type.name, node.attrs.id)
    if (id) positions.set(id, offset)
  })
  return positions
}

/** Where a thread is in the editor now. */
export type Placement =
  /** `found`: found again by its quote (its words were written anew, as a move does): its stored anchor is out of date. */
  | { kind: 'passage'; from: number; to: number; articleId: string; anchor: PassageAnchor; found?: boolean }
  | { kind: 'article'; pos: number; articleId: string }
  /** Its words were deleted; shown under the article it was in. */
  | { kind: 'orphaned'; articleId: string }
  /** Refers to text this browser has not received yet. */
  | { kind: 'pending'; articleId: string }

/** Resolves every thread against the editor's text (Yjs positions through the binding's mapping). */
export function placeThreads(state: EditorState, threads: readonly ThreadView[]): Map<string, Placement> {
  const out = new Map<string, Placement>()
  const binding = writtenBindingOf(state)
  let positions: EditorPositions | null = null
  let articles: Map<string, number> | null = null
  for (const thread of threads) {
    if (!thread.anchor) {
      articles ??= placePositions(state.doc)
      const pos = articles.get(thread.articleId)
      out.set(thread.id, pos !== undefined ? { kind: 'article', pos, articleId: thread.articleId } : { kind: 'orphaned', articleId: thread.articleId })
      continue
    }
    if (!binding) {
      out.set(thread.id, { kind: 'pending', articleId: thread.articleId })
      continue
    }
    const resolution = resolveAnchor(binding.doc, thread.anchor, { blockId: thread.blockId, articleId: thread.articleId, quote: thread.quote })
    if (resolution.state !== 'live') {
      out.set(thread.id, { kind: resolution.state, articleId: thread.articleId })
      continue
    }
    const anchor = { start: resolution.startRel, end: resolution.endRel }
    positions ??= editorPositions(binding)
    const range = editorRange(positions, resolution.start, resolution.end)
    out.set(thread.id, range ? { kind: 'passage', ...range, articleId: thread.articleId, anchor, found: resolution.relocated !== null } : { kind: 'pending', articleId: thread.articleId })
  }
  return out
}

/** Editor positions of a passage. */
export type EditorRange = { from: number; to: number }

function editorRange(positions: EditorPositions, start: YPoint, end: YPoint): EditorRange | null {
  const from = positions(start)
  const to = positions(end)
  return from !== null && to !== null && from < to ? { from, to } : null
}

/**
 * Where placed passages are in the editor after a remote change, from their relative positions:
 * no walk over the text, only up the tree from each block. A range is null when its words are
 * gone (or not resolvable right now; the next full placement decides).
 */
export function passageRanges(state: EditorState): (anchor: PassageAnchor) => EditorRange | null {
  const binding = bindingOf(state)
  return binding ? passageRangesIn(binding) : () => null
}

export function passageRangesIn(binding: BindingLike): (anchor: PassageAnchor) => EditorRange | null {
  const positions = editorPositions(binding)
  return (anchor) => {
    const resolution = resolvePositions(binding.doc, anchor.start, anchor.end)
    return resolution !== 'deleted' && resolution.state === 'live' ? editorRange(positions, resolution.start, resolution.end) : null
  }
}
