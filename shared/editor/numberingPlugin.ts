import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state'
import { DOMSerializer, type Node as PMNode } from '@tiptap/pm/model'
import type { EditorView, NodeView, ViewMutationRecord } from '@tiptap/pm/view'
import type { Language } from '../language'
import { numberDocument } from '../numbering'
import { isTextOnlyTransaction } from './changes'

/** The attribute CSS prints before a numbered block ("Article 5.", "2.", "b)"). */
export const LABEL_ATTRIBUTE = 'data-label'

/** A label and the position of the node that shows it (an article's label is on its heading). */
export interface NumberLabel {
  pos: number
  label: string
}

export interface NumberingState {
  /** Every label, in document order. */
  labels: NumberLabel[]
  /** Increments whenever the structure (and so possibly a number) changed. */
  structureVersion: number
}

export const numberingPluginKey = new PluginKey<NumberingState>('numbering')

/** The node types that show a label. */
const LABELLED = ['chapter', 'articleHeading', 'clause', 'point', 'subpoint']

function labelsOf(doc: PMNode, language: Language): NumberLabel[] {
  return numberDocument(doc, language).map((n) => ({ pos: n.kind === 'article' ? n.pos + 1 : n.pos, label: n.label }))
}

/** The label shown by the node at `pos`, if it has one (binary search: labels are in order). */
export function labelAt(state: EditorState, pos: number): string | undefined {
  const labels = numberingPluginKey.getState(state)?.labels ?? []
  let lo = 0
  let hi = labels.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (labels[mid].pos === pos) return labels[mid].label
    if (labels[mid].pos < pos) lo = mid + 1
    else hi = mid - 1
  }
  return undefined
}

/**
 * A labelled block rendered as its schema renders it, plus its label attribute. Written
 * straight to the DOM rather than as ~1,000 node decorations, which ProseMirror would map and
 * compare, top-level block by top-level block, on every transaction (every keystroke, local
 * or remote, and every remote caret move).
 */
function labelledNodeView(node: PMNode, view: EditorView, getPos: () => number | undefined): NodeView {
  const { dom, contentDOM } = DOMSerializer.renderSpec(document, node.type.spec.toDOM!(node))
  const pos = getPos()
  const label = pos === undefined ? undefined : labelAt(view.state, pos)
  // Always present (empty until known): relabel finds the labelled blocks by it, in order.
  ;(dom as HTMLElement).setAttribute(LABEL_ATTRIBUTE, label ?? '')
  return {
    dom,
    contentDOM,
    // Our own attribute, not an edit for ProseMirror to read back.
    ignoreMutation: (m: ViewMutationRecord) => m.type === 'attributes' && m.attributeName === LABEL_ATTRIBUTE,
  }
}

/**
 * After a structural change: every label that differs from the DOM's is written. Every labelled
 * block carries the attribute and, the schema being what it is (chapters at the top, an article
 * opens with its heading, paragraphs, points and sub-points only inside articles), numberDocument
 * gives each one label, both in document order: the two lists pair up in one pass. Looking each
 * block up by position (`nodeDOM`) scans the blocks before it every time, 4–8 ms for a
 * 300-article law.
 */
function relabel(view: EditorView): void {
  const labels = numberingPluginKey.getState(view.state)?.labels ?? []
  const shown = view.dom.querySelectorAll<HTMLElement>(`[${LABEL_ATTRIBUTE}]`)
  labels.forEach(({ label }, i) => {
    if (shown[i] && shown[i].getAttribute(LABEL_ATTRIBUTE) !== label) shown[i].setAttribute(LABEL_ATTRIBUTE, label)
  })
}

/**
 * Shows computed numbers as `data-label` attributes (CSS prints them before the text). Typing
 * inside a line only maps the labels' positions; numbers are recomputed, walking structural
 * nodes only, when a transaction changes the structure, and only then is the DOM relabelled.
 * A block ProseMirror (re)creates takes its label as it is created.
 */
export function numberingPlugin(language: Language): Plugin<NumberingState> {
  const nodeViews = Object.fromEntries(LABELLED.map((name) => [name, labelledNodeView]))
  return new Plugin<NumberingState>({
    key: numberingPluginKey,
    state: {
      init: (_config, state) => ({ labels: labelsOf(state.doc, language), structureVersion: 0 }),
      apply(tr, prev) {
        if (!tr.docChanged) return prev
        if (isTextOnlyTransaction(tr)) {
          return { labels: prev.labels.map((l) => ({ pos: tr.mapping.map(l.pos), label: l.label })), structureVersion: prev.structureVersion }
        }
        return { labels: labelsOf(tr.doc, language), structureVersion: prev.structureVersion + 1 }
      },
    },
    props: { nodeViews },
    view: () => ({
      update(view, prevState) {
        if (numberingPluginKey.getState(view.state)?.structureVersion !== numberingPluginKey.getState(prevState)?.structureVersion) relabel(view)
      },
    }),
  })
}
