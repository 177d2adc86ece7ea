import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state'
import { DOMSerializer, type Node as PMNode } from '@tiptap/pm/model'
import type { EditorView, NodeView, ViewMutationRecord } from '@tiptap/pm/view'
import type { Language } from '../language'
import { numberArticleBody, numberDocument, type NumberedNode } from '../numbering'
import { isTextOnlyTransaction } from './changes'
import { LabelPositions } from './labelPositions'

/** The attribute CSS prints before a numbered block ("Article 5.", "2.", "b)"). */
export const LABEL_ATTRIBUTE = 'data-label'

/** A label and the position of the node that shows it (an article's label is on its heading). */
export interface NumberLabel {
  pos: number
  label: string
}

export interface NumberingState {
  /**
   * Every label's position, in document order, and its text. Apart, the positions in a typed
   * array that typing moves without copying (see LabelPositions): a new object per label and
   * keystroke (~1,100 in a 300-article law, for every co-author's keystroke too) was a third of
   * all the memory the editor allocated while one typed, and so of its garbage collections.
   */
  positions: LabelPositions
  names: readonly string[]
  /** Increments whenever the structure (and so possibly a number) changed. */
  structureVersion: number
}

export const numberingPluginKey = new PluginKey<NumberingState>('numbering')

/** The node types that show a label. */
const LABELLED = ['part', 'chapter', 'section', 'articleHeading', 'clause', 'point', 'subpoint']

type Labels = Pick<NumberingState, 'positions' | 'names'>

/** Where a numbered node's label is shown: an article's on its heading. */
const labelPos = (n: NumberedNode) => (n.kind === 'article' ? n.pos + 1 : n.pos)

function labelsFrom(numbered: readonly NumberedNode[]): Labels {
  return { positions: LabelPositions.of(Int32Array.from(numbered, labelPos)), names: numbered.map((n) => n.label) }
}

/** Every label of the plugin's state, in document order. */
export function numberLabels(state: EditorState): NumberLabel[] {
  const numbering = numberingPluginKey.getState(state)
  const positions = numbering?.positions.toArray() ?? new Int32Array()
  return (numbering?.names ?? []).map((label, i) => ({ pos: positions[i], label }))
}

/**
 * The labels' positions after a change of text only. Each of its steps replaces text inside one
 * line, where no label is (labels are at the starts of blocks), so the labels from the step's end
 * on move by its change in size: one move per step, however long the law. Should a label be
 * inside a replaced range after all, every position is mapped instead.
 */
function mappedPositions(positions: LabelPositions, tr: Transaction): LabelPositions {
  let out = positions
  for (const map of tr.mapping.maps) {
    const ranges: number[] = []
    map.forEach((oldStart, oldEnd, newStart, newEnd) => ranges.push(oldStart, oldEnd, newEnd - newStart - (oldEnd - oldStart)))
    // Last range first: the ones before it are still where this map's coordinates say.
    for (let r = ranges.length - 3; r >= 0; r -= 3) {
      const start = ranges[r]
      const end = ranges[r + 1]
      const after = out.firstFrom(end)
      // An insertion (a typed character) replaces nothing: one search.
      if (start !== end && out.firstFrom(start) !== after) return LabelPositions.of(Int32Array.from(positions.toArray(), (pos) => tr.mapping.map(pos)))
      out = out.moved(after, ranges[r + 2])
    }
  }
  return out
}

/** The one top-level node `after` has in place of `before`'s, if that is all that changed and both are articles. */
function changedArticle(before: PMNode, after: PMNode): { start: number; oldArticle: PMNode; newArticle: PMNode } | null {
  if (before.childCount !== after.childCount) return null
  let index = -1
  let start = 0
  for (let i = 0, pos = 0; i < after.childCount; pos += after.child(i).nodeSize, i++) {
    if (after.child(i) === before.child(i)) continue
    if (index >= 0) return null
    index = i
    start = pos
  }
  if (index < 0) return null
  const oldArticle = before.child(index)
  const newArticle = after.child(index)
  return oldArticle.type.name === 'article' && newArticle.type.name === 'article' ? { start, oldArticle, newArticle } : null
}

/**
 * The labels after a change that touched the inside of one article only (a paragraph split or
 * joined, a point added, a level changed): every other top-level node is the same object, so
 * every chapter and article keeps its number, the article's body is numbered again and the
 * labels after it move by its change in size. Null when the change reached further. Numbering
 * the whole law instead costs ~0.6 ms per Enter on a 300-article law, for every co-author.
 */
function renumberOneArticle(before: PMNode, after: PMNode, labels: Labels, language: Language): Labels | null {
  const one = changedArticle(before, after)
  if (!one) return null
  const { start, oldArticle, newArticle } = one
  const { names } = labels
  const positions = labels.positions.toArray()
  const from = labels.positions.firstFrom(start)
  const rest = labels.positions.firstFrom(start + oldArticle.nodeSize)
  // The article's own label, on its heading, comes first and keeps its number.
  if (from >= rest || positions[from] !== start + 1) return null
  const body: NumberedNode[] = []
  numberArticleBody(newArticle, start + 1, language, body)
  const delta = newArticle.nodeSize - oldArticle.nodeSize
  const out = new Int32Array(from + 1 + body.length + positions.length - rest)
  out.set(positions.subarray(0, from + 1))
  body.forEach((n, i) => (out[from + 1 + i] = labelPos(n)))
  for (let i = rest, j = from + 1 + body.length; i < positions.length; i++, j++) out[j] = positions[i] + delta
  return {
    positions: LabelPositions.of(out),
    names: [...names.slice(0, from + 1), ...body.map((n) => n.label), ...names.slice(rest)],
  }
}

/** The label shown by the node at `pos`, if it has one. */
export function labelAt(state: EditorState, pos: number): string | undefined {
  const numbering = numberingPluginKey.getState(state)
  if (!numbering) return undefined
  const i = numbering.positions.firstFrom(pos)
  return i < numbering.positions.length && numbering.positions.at(i) === pos ? numbering.names[i] : undefined
}

/** Labelled blocks created during a view update, labelled at its end (see `labelCreated`). */
const created = new WeakMap<EditorView, { dom: HTMLElement; getPos: () => number | undefined }[]>()

/** The labels of the blocks the coming view update creates, by node (see `labelAhead`). */
const ahead = new WeakMap<EditorView, Map<PMNode, string>>()

/**
 * A labelled block rendered as its schema renders it, plus its label attribute. Written
 * straight to the DOM rather than as ~1,000 node decorations, which ProseMirror would map and
 * compare, top-level block by top-level block, on every transaction (every keystroke, local
 * or remote, and every remote caret move). The label itself comes at the end of the update
 * that created the block: its position is not known cheaply here (`getPos` walks the top level).
 */
function labelledNodeView(node: PMNode, view: EditorView, getPos: () => number | undefined): NodeView {
  const { dom, contentDOM } = DOMSerializer.renderSpec(document, node.type.spec.toDOM!(node))
  // Always present (empty until known): relabel finds the labelled blocks by it, in order.
  ;(dom as HTMLElement).setAttribute(LABEL_ATTRIBUTE, ahead.get(view)?.get(node) ?? '')
  const waiting = created.get(view)
  if (waiting) waiting.push({ dom: dom as HTMLElement, getPos })
  else created.set(view, [{ dom: dom as HTMLElement, getPos }])
  let shown = node
  return {
    dom,
    contentDOM,
    // What ProseMirror does without this (the same markup: the same DOM, its content updated),
    // plus the label a renumbering noted for the new node (see labelAhead).
    update(next) {
      if (!next.sameMarkup(shown)) return false
      shown = next
      const label = ahead.get(view)?.get(next)
      if (label !== undefined) showLabel(dom as HTMLElement, label)
      return true
    },
    // Our own attribute, not an edit for ProseMirror to read back.
    ignoreMutation: (m: ViewMutationRecord) => m.type === 'attributes' && m.attributeName === LABEL_ATTRIBUTE,
  }
}

/**
 * Labels the blocks created since the last update when no relabel() did (a block redrawn, one
 * article relabelled): each looks its label up. After a structural change relabel() labels them
 * all in its one pass (opening a draft creates ~1,100 blocks).
 */
function labelCreated(view: EditorView): void {
  const waiting = created.get(view)
  if (!waiting) return
  created.delete(view)
  for (const { dom, getPos } of waiting) {
    if (!dom.isConnected) continue
    const pos = getPos()
    const label = pos === undefined ? undefined : labelAt(view.state, pos)
    if (label) showLabel(dom, label)
  }
}

/**
 * Before the view shows `next`: when it renumbers one article (an Enter, a Backspace), writes the
 * new labels of that article's blocks the update keeps (the same node, so the same DOM) and
 * notes those of the blocks it creates, for their node views. The browser then lays the page out
 * once, when ProseMirror places the caret, instead of again for the labels the plugin's view
 * writes afterwards and the scroll to the caret measures (~1–1.4 ms in a 300-article law). The
 * plugin's view still checks every label of the article after the update.
 */
export function labelAhead(view: EditorView, next: EditorState): void {
  ahead.delete(view)
  const then = numberingPluginKey.getState(next)
  const one = then && then.structureVersion !== numberingPluginKey.getState(view.state)?.structureVersion && changedArticle(view.state.doc, next.doc)
  if (!one) return
  const { start, oldArticle: before, newArticle: after } = one
  // An article's blocks are its children, each labelled (its heading first), in document order.
  const shown = articleBlocks(view, start)
  const labels = articleLabels(then, start, after)
  if (shown?.length !== before.childCount || labels.length !== after.childCount) return
  // null: the node is there twice, and which block the update keeps for which is not known.
  const shownFor = new Map<PMNode, HTMLElement | null>()
  before.forEach((child, _offset, i) => shownFor.set(child, shownFor.has(child) ? null : shown[i]))
  const fresh = new Map<PMNode, string>()
  after.forEach((child, _offset, i) => {
    const kept = shownFor.get(child)
    if (kept === undefined) fresh.set(child, labels[i])
    else if (kept) showLabel(kept, labels[i])
  })
  ahead.set(view, fresh)
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
  created.delete(view) // labelled here with the rest
  writeLabels(view.dom.querySelectorAll<HTMLElement>(`[${LABEL_ATTRIBUTE}]`), numberingPluginKey.getState(view.state)?.names ?? [])
}

/** Writes `label` on `block` unless it shows it already: a write makes the browser style and lay the block out again. */
function showLabel(block: HTMLElement, label: string): void {
  if (block.getAttribute(LABEL_ATTRIBUTE) !== label) block.setAttribute(LABEL_ATTRIBUTE, label)
}

/** Pairs the labelled blocks `shown` with `labels`, in order, and writes those that differ. */
function writeLabels(shown: NodeListOf<HTMLElement>, labels: readonly string[]): void {
  labels.forEach((label, i) => shown[i] && showLabel(shown[i], label))
}

/** The labelled blocks the view shows for the article at `start`, in document order. */
function articleBlocks(view: EditorView, start: number): NodeListOf<HTMLElement> | null {
  const dom = view.nodeDOM(start)
  return dom instanceof HTMLElement ? dom.querySelectorAll<HTMLElement>(`[${LABEL_ATTRIBUTE}]`) : null
}

/** The labels of `article`, at `start`, in `numbering`. */
function articleLabels(numbering: NumberingState, start: number, article: PMNode): readonly string[] {
  return numbering.names.slice(numbering.positions.firstFrom(start), numbering.positions.firstFrom(start + article.nodeSize))
}

/** relabel() for the blocks of one article only (see renumberOneArticle); false if its DOM does not pair up. */
function relabelArticle(view: EditorView, start: number, article: PMNode): boolean {
  const numbering = numberingPluginKey.getState(view.state)
  const shown = articleBlocks(view, start)
  if (!numbering || !shown) return false
  const own = articleLabels(numbering, start, article)
  if (own.length !== shown.length) return false
  writeLabels(shown, own)
  return true
}

/**
 * Shows computed numbers as `data-label` attributes (CSS prints them before the text). Typing
 * inside a line only maps the labels' positions; numbers are recomputed, walking structural
 * nodes only, when a transaction changes the structure (only the one article it changed, when
 * it stayed inside one), and only then is the DOM relabelled (that article's blocks, or all).
 * A block ProseMirror (re)creates gets its label at the end of the update that created it.
 */
export function numberingPlugin(language: Language): Plugin<NumberingState> {
  const nodeViews = Object.fromEntries(LABELLED.map((name) => [name, labelledNodeView]))
  return new Plugin<NumberingState>({
    key: numberingPluginKey,
    state: {
      init: (_config, state) => ({ ...labelsFrom(numberDocument(state.doc, language)), structureVersion: 0 }),
      apply(tr, prev) {
        if (!tr.docChanged) return prev
        if (isTextOnlyTransaction(tr)) return { positions: mappedPositions(prev.positions, tr), names: prev.names, structureVersion: prev.structureVersion }
        const structureVersion = prev.structureVersion + 1
        const inOneArticle = renumberOneArticle(tr.before, tr.doc, prev, language)
        return { ...(inOneArticle ?? labelsFrom(numberDocument(tr.doc, language))), structureVersion }
      },
    },
    props: { nodeViews },
    view: (view) => {
      // A new view, or the plugins reconfigured: blocks may have been created since the last update.
      if (created.has(view)) relabel(view)
      return {
        update(view, prevState) {
          ahead.delete(view)
          const now = numberingPluginKey.getState(view.state)
          const before = numberingPluginKey.getState(prevState)
          if (!now || !before || now.structureVersion === before.structureVersion) return labelCreated(view)
          // Structural changes inside one article only: only its blocks can show other numbers.
          const one = changedArticle(prevState.doc, view.state.doc)
          if (one && relabelArticle(view, one.start, one.newArticle)) return labelCreated(view)
          relabel(view)
        },
      }
    },
  })
}
