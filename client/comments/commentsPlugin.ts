import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state'
import { Mapping, StepMap } from '@tiptap/pm/transform'
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view'
import { ySyncPluginKey } from '@tiptap/y-tiptap'

/**
 * Highlights of commented passages: inline decorations with class `comment-highlight` and
 * `data-thread-id`, one element per thread (overlapping passages nest, each keeps its own).
 *
 * They are placed from the anchors only when told (`setHighlights`: threads changed, or a
 * throttled pass after remote changes) and otherwise mapped through each transaction, so typing
 * costs no walk over the document. The Yjs binding applies a remote change as one replacement of
 * the whole document, which would wipe every decoration: those are mapped through the span that
 * really changed (the documents' difference) until the next pass places them exactly.
 */

export interface Highlight {
  threadId: string
  from: number
  to: number
  /** Resolved threads keep a (hidden) highlight, so they are still mapped and can be shown. */
  resolved: boolean
}

interface PluginState {
  decorations: DecorationSet
  active: string | null
  /** A remote change arrived since the last placement. */
  remoteChange: boolean
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
        { threadId: h.threadId, resolved: h.resolved, active: h.threadId === active },
      ),
    )
  return DecorationSet.create(state.doc, decorations)
}

/** A mapping for a change that arrived as "replace everything": only the span that differs moves. */
function differenceMap(tr: Transaction, oldState: EditorState): Mapping {
  const before = oldState.doc.content
  const after = tr.doc.content
  const start = before.findDiffStart(after)
  if (start === null) return new Mapping()
  const end = before.findDiffEnd(after)
  let endA = end?.a ?? before.size
  let endB = end?.b ?? after.size
  // findDiffEnd can overlap findDiffStart when the change repeats nearby text.
  const overlap = Math.max(0, start - Math.min(endA, endB))
  endA += overlap
  endB += overlap
  return new Mapping([new StepMap([start, endA - start, endB - start])])
}

function isRemote(tr: Transaction): boolean {
  const meta = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined
  return !!meta?.isChangeOrigin
}

export interface CommentsPluginOptions {
  /** Clicked text inside these threads' passages (innermost first). */
  onClickThreads(threadIds: string[]): void
  /** A remote change arrived: place the highlights again soon. */
  onRemoteChange(): void
}

export function commentsPlugin(options: CommentsPluginOptions): Plugin<PluginState> {
  return new Plugin<PluginState>({
    key: commentsPluginKey,
    state: {
      init: () => ({ decorations: DecorationSet.empty, active: null, remoteChange: false }),
      apply(tr, value, oldState, newState) {
        const meta = tr.getMeta(commentsPluginKey) as Meta | undefined
        if (meta && 'highlights' in meta) return { decorations: decorationsFor(newState, meta.highlights, meta.active), active: meta.active, remoteChange: false }
        let { decorations, active } = value
        if (tr.docChanged) decorations = decorations.map(isRemote(tr) ? differenceMap(tr, oldState) : tr.mapping, tr.doc)
        if (meta && meta.active !== active) {
          active = meta.active
          decorations = decorationsFor(newState, highlightsOf(decorations), active)
        }
        return { decorations, active, remoteChange: value.remoteChange || (tr.docChanged && isRemote(tr)) }
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
    const spec = d.spec as { threadId: string; resolved: boolean }
    return { threadId: spec.threadId, resolved: spec.resolved, from: d.from, to: d.to }
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
    .map((d) => (d.spec as { threadId: string }).threadId)
}

export function setHighlights(view: EditorView, highlights: Highlight[], active: string | null): void {
  view.dispatch(view.state.tr.setMeta(commentsPluginKey, { highlights, active }).setMeta('addToHistory', false))
}

export function setActiveThread(view: EditorView, active: string | null): void {
  view.dispatch(view.state.tr.setMeta(commentsPluginKey, { active }).setMeta('addToHistory', false))
}
