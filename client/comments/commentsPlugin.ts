import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state'
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view'
import { ySyncPluginKey } from '@tiptap/y-tiptap'
import type { PassageAnchor } from './anchors'

/**
 * Highlights of commented passages: inline decorations with class `comment-highlight` and
 * `data-thread-id`, one element per thread (overlapping passages nest, each keeps its own).
 *
 * Typing maps them through the transaction: no walk over the document. The Yjs binding applies
 * a remote change as one replacement of the whole document, through which mapping would wipe
 * them all; after one, each highlight is placed again from its passage's relative positions
 * (`relocate`: a walk up from its block, never over the text). Threads without a highlight yet
 * (text not received, new threads) wait for the controller's next full placement, which comes
 * when threads change and, throttled, after remote changes (`onRemoteChange`).
 */

export interface Highlight {
  threadId: string
  from: number
  to: number
  /** Resolved threads keep a (hidden) highlight, so they are still mapped and can be shown. */
  resolved: boolean
  anchor: PassageAnchor
}

interface PluginState {
  decorations: DecorationSet
  active: string | null
  /** A remote change arrived since the last placement. */
  remoteChange: boolean
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

function isRemote(tr: Transaction): boolean {
  const meta = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined
  return !!meta?.isChangeOrigin
}

export interface CommentsPluginOptions {
  /** Where a highlight's passage is in `state` now, or null when its words are gone. */
  relocate(state: EditorState, anchor: PassageAnchor): { from: number; to: number } | null
  /** Clicked text inside these threads' passages (innermost first). */
  onClickThreads(threadIds: string[]): void
  /** A remote change arrived: place every thread again soon. */
  onRemoteChange(): void
}

export function commentsPlugin(options: CommentsPluginOptions): Plugin<PluginState> {
  const relocateAll = (state: EditorState, decorations: DecorationSet, active: string | null): DecorationSet => {
    if (decorations === DecorationSet.empty) return decorations
    const highlights = highlightsOf(decorations).flatMap((h) => {
      const range = options.relocate(state, h.anchor)
      return range ? [{ ...h, ...range }] : []
    })
    return decorationsFor(state, highlights, active)
  }
  return new Plugin<PluginState>({
    key: commentsPluginKey,
    state: {
      init: () => ({ decorations: DecorationSet.empty, active: null, remoteChange: false }),
      apply(tr, value, _oldState, newState) {
        const meta = tr.getMeta(commentsPluginKey) as Meta | undefined
        if (meta && 'highlights' in meta) return { decorations: decorationsFor(newState, meta.highlights, meta.active), active: meta.active, remoteChange: false }
        const active = meta ? meta.active : value.active
        const remote = tr.docChanged && isRemote(tr)
        let decorations = value.decorations
        if (remote) decorations = relocateAll(newState, decorations, active)
        else if (tr.docChanged) decorations = decorations.map(tr.mapping, tr.doc)
        if (active !== value.active && !remote) decorations = decorationsFor(newState, highlightsOf(decorations), active)
        return { decorations, active, remoteChange: value.remoteChange || remote }
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
        const state = commentsPluginKey.getState(view.state)
        if (state?.remoteChange && !commentsPluginKey.getState(prevState)?.remoteChange) options.onRemoteChange()
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

export function setHighlights(view: EditorView, highlights: Highlight[], active: string | null): void {
  view.dispatch(view.state.tr.setMeta(commentsPluginKey, { highlights, active }).setMeta('addToHistory', false))
}

export function setActiveThread(view: EditorView, active: string | null): void {
  view.dispatch(view.state.tr.setMeta(commentsPluginKey, { active }).setMeta('addToHistory', false))
}
