import * as Y from 'yjs'
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state'
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view'
import { isRemoteTransaction, isTextOnlyTransaction } from '../../shared/editor/changes'
import type { EditorRange, PassageAnchor } from './anchors'

/**
 * Highlights of commented passages: inline decorations with class `comment-highlight` and
 * `data-thread-id`, one element per thread (overlapping passages nest, each keeps its own).
 *
 * Typing, ours or someone else's, maps them through the transaction: no walk over the document
 * (the Yjs binding turns remote typing into the same text steps, client/editor/incrementalBinding.ts).
 * A remote change to the structure may replace whole blocks (or the whole document), through
 * which mapping would wipe the highlights inside; after one, each highlight is placed again from
 * its passage's relative positions (`relocator`: a walk up from its block, never over the text).
 * Threads without a highlight yet (text not received, new threads) wait for the controller's next
 * full placement, which comes when threads change and, throttled, after remote changes
 * (`onRemoteChange`).
 */

export interface Highlight {
  threadId: string
  from: number
  to: number
  /** Resolved threads keep a (hidden) highlight, so they are still mapped and can be shown. */
  resolved: boolean
  anchor: PassageAnchor
}

/**
 * A change someone else made, as the highlights took it: `mapped` (typing, through which every
 * highlight was mapped exactly) or `unsettled` (the structure changed and highlights were placed
 * again from their anchors, or typing deleted a highlighted passage): place every thread soon.
 */
export type RemoteChange = 'mapped' | 'unsettled'

interface PluginState {
  decorations: DecorationSet
  active: string | null
  /** Remote changes applied so far, of each kind (counted, so the view sees those of appended transactions too). */
  remoteMapped: number
  remoteUnsettled: number
}

interface Spec {
  threadId: string
  resolved: boolean
  active: boolean
  anchor: PassageAnchor
}

type Meta = { highlights: Highlight[]; active: string | null } | { active: string | null }

export const commentsPluginKey = new PluginKey<PluginState>('comments')

function decorationsFor(state: EditorState, highlights: Highlight[], active: string | null): DecorationSet {
  const size = state.doc.content.size
  const decorations = highlights
    .filter((h) => h.from < h.to && h.to <= size)
    .map((h) =>
      Decoration.inline(
        h.from,
        h.to,
        {
          nodeName: 'span',
          class: h.threadId === active ? 'comment-highlight is-active' : 'comment-highlight',
          'data-thread-id': h.threadId,
          'data-resolved': String(h.resolved),
        },
        { threadId: h.threadId, resolved: h.resolved, active: h.threadId === active, anchor: h.anchor } satisfies Spec,
      ),
    )
  return DecorationSet.create(state.doc, decorations)
}

export interface CommentsPluginOptions {
  /** For `state`: where a highlight's passage is now, or null when its words are gone. */
  relocator(state: EditorState): (anchor: PassageAnchor) => EditorRange | null
  /** Clicked text inside these threads' passages (innermost first). */
  onClickThreads(threadIds: string[]): void
  /** A remote change arrived: place every thread again (soon if it left them unsettled). */
  onRemoteChange(change: RemoteChange): void
}

export function commentsPlugin(options: CommentsPluginOptions): Plugin<PluginState> {
  const relocateAll = (state: EditorState, decorations: DecorationSet, active: string | null): DecorationSet => {
    if (decorations === DecorationSet.empty) return decorations
    const relocate = options.relocator(state)
    const highlights = highlightsOf(decorations).flatMap((h) => {
      const range = relocate(h.anchor)
      return range ? [{ ...h, ...range }] : []
    })
    return decorationsFor(state, highlights, active)
  }
  return new Plugin<PluginState>({
    key: commentsPluginKey,
    state: {
      init: () => ({ decorations: DecorationSet.empty, active: null, remoteMapped: 0, remoteUnsettled: 0 }),
      apply(tr, value, _oldState, newState) {
        const meta = tr.getMeta(commentsPluginKey) as Meta | undefined
        if (meta && 'highlights' in meta) return { ...value, decorations: decorationsFor(newState, meta.highlights, meta.active), active: meta.active }
        const active = meta ? meta.active : value.active
        let decorations = value.decorations
        let remote: RemoteChange | null = null
        if (tr.docChanged) {
          const fromOthers = isRemoteTransaction(tr)
          if (fromOthers && !isTextOnlyTransaction(tr)) {
            decorations = relocateAll(newState, decorations, active)
            remote = 'unsettled'
          } else {
            let lost = false
            decorations = decorations.map(tr.mapping, tr.doc, { onRemove: () => (lost = true) })
            if (fromOthers) remote = lost ? 'unsettled' : 'mapped'
          }
        }
        if (active !== value.active && remote !== 'unsettled') decorations = decorationsFor(newState, highlightsOf(decorations), active)
        return {
          decorations,
          active,
          remoteMapped: value.remoteMapped + (remote === 'mapped' ? 1 : 0),
          remoteUnsettled: value.remoteUnsettled + (remote === 'unsettled' ? 1 : 0),
        }
      },
    },
    props: {
      decorations: (state) => commentsPluginKey.getState(state)?.decorations,
      handleClick(view, pos) {
        const found = threadsAt(view.state, pos)
        if (found.length > 0) options.onClickThreads(found)
        return false // the click still places the cursor
      },
    },
    view: () => ({
      update(view: EditorView, prevState: EditorState) {
        const now = commentsPluginKey.getState(view.state)
        const before = commentsPluginKey.getState(prevState)
        if (!now || !before) return
        if (now.remoteUnsettled !== before.remoteUnsettled) options.onRemoteChange('unsettled')
        else if (now.remoteMapped !== before.remoteMapped) options.onRemoteChange('mapped')
      },
    }),
  })
}

function highlightsOf(decorations: DecorationSet): Highlight[] {
  return decorations.find().map((d) => {
    const spec = d.spec as Spec
    return { threadId: spec.threadId, resolved: spec.resolved, anchor: spec.anchor, from: d.from, to: d.to }
  })
}

/** Same threads over the same ranges from the same relative positions, in any order. */
function sameHighlights(a: readonly Highlight[], b: readonly Highlight[]): boolean {
  if (a.length !== b.length) return false
  const byThread = new Map(a.map((h) => [h.threadId, h]))
  return b.every((h) => {
    const x = byThread.get(h.threadId)
    return (
      x !== undefined &&
      x.from === h.from &&
      x.to === h.to &&
      x.resolved === h.resolved &&
      Y.compareRelativePositions(x.anchor.start, h.anchor.start) &&
      Y.compareRelativePositions(x.anchor.end, h.anchor.end)
    )
  })
}

/** The highlights as they stand now (mapped since they were placed). */
export function currentHighlights(state: EditorState): Highlight[] {
  const value = commentsPluginKey.getState(state)
  return value ? highlightsOf(value.decorations) : []
}

/** Threads whose passage contains `pos`, innermost (shortest) first. */
export function threadsAt(state: EditorState, pos: number): string[] {
  const value = commentsPluginKey.getState(state)
  if (!value) return []
  return value.decorations
    .find(pos, pos)
    .filter((d) => d.from <= pos && pos <= d.to)
    .sort((a, b) => a.to - a.from - (b.to - b.from))
    .map((d) => (d.spec as Spec).threadId)
}

/**
 * Puts the highlights where a placement found them; nothing when they are already there (after
 * typing, mapping has usually put them exactly there, and a new set redraws every highlight).
 */
export function setHighlights(view: EditorView, highlights: Highlight[], active: string | null): void {
  const value = commentsPluginKey.getState(view.state)
  if (value && value.active === active && sameHighlights(highlightsOf(value.decorations), highlights)) return
  view.dispatch(view.state.tr.setMeta(commentsPluginKey, { highlights, active }).setMeta('addToHistory', false))
}

export function setActiveThread(view: EditorView, active: string | null): void {
  view.dispatch(view.state.tr.setMeta(commentsPluginKey, { active }).setMeta('addToHistory', false))
}
