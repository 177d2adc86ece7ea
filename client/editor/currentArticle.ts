import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import { structuralContext } from '../../shared/editor/commands'

/** Class of the article that holds the caret (editor.css renders it whatever its position). */
const CURRENT_ARTICLE_CLASS = 'has-caret'

interface CurrentArticle {
  /** The article's range in the document; null when the caret is not in an article. */
  range: { from: number; to: number } | null
  decorations: DecorationSet
}

export const currentArticleKey = new PluginKey<CurrentArticle>('currentArticle')

/** The range of the article holding the caret, or null when the caret is not in an article. */
function caretArticle(state: EditorState): { from: number; to: number } | null {
  const ctx = structuralContext(state)
  if (ctx?.top.type.name !== 'article') return null
  return { from: ctx.topPos, to: ctx.topPos + ctx.top.nodeSize }
}

function marking(range: { from: number; to: number } | null, state: EditorState): CurrentArticle {
  if (!range) return { range, decorations: DecorationSet.empty }
  return { range, decorations: DecorationSet.create(state.doc, [Decoration.node(range.from, range.to, { class: CURRENT_ARTICLE_CLASS }, { currentArticle: true })]) }
}

/**
 * Marks the article that holds the caret. Articles are rendered with `content-visibility: auto`,
 * and Chromium skips an article it has not yet seen on screen until its next frame: a new
 * article (Ctrl+Alt+2) or one just moved is such an article, and a key typed before that frame
 * went to the next article's heading (Chromium moves a caret out of a skipped subtree). The
 * marked article is always rendered, from the transaction that put the caret there.
 */
export function currentArticlePlugin(): Plugin<CurrentArticle> {
  return new Plugin<CurrentArticle>({
    key: currentArticleKey,
    state: {
      init: (_config, state) => marking(caretArticle(state), state),
      apply(tr, prev, _oldState, state) {
        if (!tr.docChanged && !tr.selectionSet) return prev
        const [a, b] = [prev.range, caretArticle(state)]
        // Same range: the same decoration still fits (it sits at the top level, on the article).
        if (a === b || (a !== null && b !== null && a.from === b.from && a.to === b.to)) return prev
        if (a !== null && b !== null && tr.docChanged) {
          // Typing in the article, or edits before it: the decoration mapped along is the one
          // wanted (creating a set walks every top-level node: 900 in a long code).
          const mapped = prev.decorations.map(tr.mapping, tr.doc)
          const [kept] = mapped.find()
          if (kept && kept.from === b.from && kept.to === b.to) return { range: b, decorations: mapped }
        }
        return marking(b, state)
      },
    },
    props: { decorations: (state) => currentArticleKey.getState(state)?.decorations },
  })
}
