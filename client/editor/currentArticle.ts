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

function currentArticle(state: EditorState): CurrentArticle {
  const ctx = structuralContext(state)
  if (ctx?.top.type.name !== 'article') return { range: null, decorations: DecorationSet.empty }
  const from = ctx.topPos
  const to = from + ctx.top.nodeSize
  return { range: { from, to }, decorations: DecorationSet.create(state.doc, [Decoration.node(from, to, { class: CURRENT_ARTICLE_CLASS }, { currentArticle: true })]) }
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
      init: (_config, state) => currentArticle(state),
      apply(tr, prev, _oldState, state) {
        if (!tr.docChanged && !tr.selectionSet) return prev
        const next = currentArticle(state)
        const [a, b] = [prev.range, next.range]
        // Same range: the same decoration still fits (it sits at the top level, on the article).
        const same = a === b || (a !== null && b !== null && a.from === b.from && a.to === b.to)
        return same ? prev : next
      },
    },
    props: { decorations: (state) => currentArticleKey.getState(state)?.decorations },
  })
}
