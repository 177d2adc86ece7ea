import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state'
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view'
import type { Match } from '../../shared/editor/findReplace'
import { syncToolbarHeight } from './stickyToolbar'

const findKey = new PluginKey<DecorationSet>('accordFind')

/**
 * The find bar's matches drawn in the text (the current one apart), kept on their words while
 * anyone edits until the bar looks again (client/editor/FindBar.tsx).
 */
export function findHighlightPlugin(): Plugin {
  return new Plugin({
    key: findKey,
    state: {
      init: () => DecorationSet.empty,
      apply(tr, set) {
        const shown = tr.getMeta(findKey) as { matches: readonly Match[]; current: number } | undefined
        if (shown) {
          return DecorationSet.create(
            tr.doc,
            shown.matches.map((m, i) => Decoration.inline(m.from, m.to, { class: i === shown.current ? 'find-match current' : 'find-match' })),
          )
        }
        return tr.docChanged ? set.map(tr.mapping, tr.doc) : set
      },
    },
    props: { decorations: (state) => findKey.getState(state) },
  })
}

/** Draws `matches` (none: nothing), `current` apart; with `select`, also selects it and scrolls it into view. */
export function showMatches(view: EditorView, matches: readonly Match[], current: number, select = false): void {
  const tr = view.state.tr.setMeta(findKey, { matches, current })
  const match = matches[current]
  if (select && match) tr.setSelection(TextSelection.create(tr.doc, match.from, match.to))
  view.dispatch(tr)
  // Scrolled here: ProseMirror scrolls to its selection only while the text has the focus, and
  // the find bar keeps it. Centred, clear of the sticky toolbar above, measured now in case the
  // find bar has just opened in it.
  if (select && match) {
    syncToolbarHeight()
    view.dom.querySelector('.find-match.current')?.scrollIntoView({ block: 'center' })
  }
}
