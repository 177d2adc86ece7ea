import { Plugin, PluginKey } from '@tiptap/pm/state'
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view'

/**
 * The passage a comment is being written on stays marked in the text while the comment box has
 * the focus (the text's own selection is not drawn then), as word processors keep it; mapped
 * through everyone's edits until the box closes.
 */
export const composingPluginKey = new PluginKey<DecorationSet>('commentComposing')

type Meta = { from: number; to: number } | null

export function composingPlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: composingPluginKey,
    state: {
      init: () => DecorationSet.empty,
      apply(tr, marked) {
        const meta = tr.getMeta(composingPluginKey) as Meta | undefined
        if (meta === undefined) return tr.docChanged ? marked.map(tr.mapping, tr.doc) : marked
        if (!meta || meta.from >= meta.to || meta.to > tr.doc.content.size) return DecorationSet.empty
        return DecorationSet.create(tr.doc, [Decoration.inline(meta.from, meta.to, { nodeName: 'span', class: 'comment-composing' })])
      },
    },
    props: { decorations: (state) => composingPluginKey.getState(state) },
  })
}

/** Marks `range` as the passage being commented on, or (null) clears the mark. */
export function showComposing(view: EditorView, range: Meta): void {
  const marked = composingPluginKey.getState(view.state)
  if (!marked || (range === null && marked === DecorationSet.empty)) return
  view.dispatch(view.state.tr.setMeta(composingPluginKey, range).setMeta('addToHistory', false))
}
