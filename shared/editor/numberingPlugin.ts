import { Plugin, PluginKey } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import type { Node as PMNode } from '@tiptap/pm/model'
import type { Language } from '../language'
import { numberDocument } from '../numbering'
import { isTextOnlyTransaction } from './changes'

export interface NumberingState {
  decorations: DecorationSet
  /** Increments whenever the structure (and so possibly a number) changed. */
  structureVersion: number
}

export const numberingPluginKey = new PluginKey<NumberingState>('numbering')

function decorate(doc: PMNode, language: Language): DecorationSet {
  const decorations: Decoration[] = []
  for (const n of numberDocument(doc, language)) {
    const node = doc.nodeAt(n.pos)
    if (!node) continue
    const end = n.pos + node.nodeSize
    if (n.kind === 'article') {
      decorations.push(Decoration.node(n.pos, end, { 'data-num': n.num }))
      // The label sits on the heading, the article's first child.
      const heading = node.firstChild
      if (heading) decorations.push(Decoration.node(n.pos + 1, n.pos + 1 + heading.nodeSize, { 'data-label': n.label }))
    } else {
      decorations.push(Decoration.node(n.pos, end, { 'data-num': n.num, 'data-label': n.label }))
    }
  }
  return DecorationSet.create(doc, decorations)
}

/**
 * Shows computed numbers as `data-label` attributes (CSS prints them before the text). Typing
 * inside a line only maps the existing decorations; numbers are recomputed, walking structural
 * nodes only, when a transaction changes the structure.
 */
export function numberingPlugin(language: Language): Plugin<NumberingState> {
  return new Plugin<NumberingState>({
    key: numberingPluginKey,
    state: {
      init: (_config, state) => ({ decorations: decorate(state.doc, language), structureVersion: 0 }),
      apply(tr, prev) {
        if (!tr.docChanged) return prev
        if (isTextOnlyTransaction(tr)) {
          return { decorations: prev.decorations.map(tr.mapping, tr.doc), structureVersion: prev.structureVersion }
        }
        return { decorations: decorate(tr.doc, language), structureVersion: prev.structureVersion + 1 }
      },
    },
    props: {
      decorations: (state) => numberingPluginKey.getState(state)?.decorations,
    },
  })
}
