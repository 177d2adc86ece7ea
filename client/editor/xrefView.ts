import { NodeSelection, Plugin, PluginKey, Selection, type EditorState } from '@tiptap/pm/state'
import { DOMSerializer, type Node as PMNode, type Schema } from '@tiptap/pm/model'
import type { EditorView, NodeView } from '@tiptap/pm/view'
import { AttrStep } from '@tiptap/pm/transform'
import type { Language } from '../../shared/language'
import { numberDocument } from '../../shared/numbering'
import { isTextOnlyTransaction } from '../../shared/editor/changes'
import { legalSchema } from '../../shared/schema'
import { BROKEN_XREF, xrefNumbers, xrefText, type XrefNumbers } from '../../shared/xref'
import { copiedLabels, copiedText, withCopiedLabels } from './copyNumbers'

/** Words the views need, in the interface's language. */
export interface XrefWords {
  /** Tooltip and accessible name of a reference whose target is gone. */
  broken: string
  /** Tooltip of a live reference: how to go to its target. */
  goTo: string
}

/**
 * The id → number map of a structure. Numbers can change only when the structure does, so the
 * state is replaced only then (typing keeps the same object: O(1) per keystroke), and the map
 * itself is worked out lazily, the first time a reference is drawn or repainted.
 */
interface XrefState {
  language: Language
  memo: { numbers?: XrefNumbers }
}

export const xrefPluginKey = new PluginKey<XrefState>('xref')

/** The numbers references show in `state`'s document. */
export function xrefNumbersOf(state: EditorState, language: Language): XrefNumbers {
  const memo = xrefPluginKey.getState(state)?.memo
  if (!memo) return xrefNumbers(numberDocument(state.doc, language))
  return (memo.numbers ??= xrefNumbers(numberDocument(state.doc, language)))
}

/** For `doc.textBetween`: a reference as its target's number (an empty string without the plugin). */
export function xrefLeafText(state: EditorState): (leaf: PMNode) => string {
  const plugin = xrefPluginKey.getState(state)
  let numbers: XrefNumbers | null = null
  return (leaf) => (leaf.type.name !== 'xref' || !plugin ? '' : xrefText(leaf.attrs.target, (numbers ??= xrefNumbersOf(state, plugin.language))))
}

/** The reference views on screen, per editor view, for repainting after a renumbering. */
const shown = new WeakMap<EditorView, Set<{ dom: HTMLElement; node: PMNode }>>()

function paint(dom: HTMLElement, node: PMNode, numbers: XrefNumbers, words: XrefWords): void {
  const { target } = node.attrs
  const text = xrefText(target, numbers)
  // For going to the target and for tests; an attribute value is inert whatever it holds.
  if (typeof target === 'string' && dom.dataset.target !== target) dom.dataset.target = target
  const broken = text === BROKEN_XREF
  // textContent and setAttribute only: the target id came from a document others wrote.
  if (dom.textContent !== text) dom.textContent = text
  dom.classList.toggle('broken', broken)
  dom.title = broken ? words.broken : words.goTo
  if (broken) dom.setAttribute('aria-label', words.broken)
  else dom.removeAttribute('aria-label')
}

/** The reference's target: its position, or null when it no longer exists. */
function targetPos(state: EditorState, target: unknown, language: Language): number | null {
  if (typeof target !== 'string') return null
  return numberDocument(state.doc, language).find((n) => n.id === target)?.pos ?? null
}

/** Puts the caret at the start of the reference's target and scrolls to it; false when it is gone. */
export function goToXrefTarget(view: EditorView, target: unknown, language: Language): boolean {
  const pos = targetPos(view.state, target, language)
  if (pos === null) return false
  const selection = Selection.near(view.state.doc.resolve(pos + 1))
  view.dispatch(view.state.tr.setSelection(selection).scrollIntoView())
  view.focus()
  return true
}

/** Enter on a selected reference goes to its target (bound before Enter's paragraph split). */
export function goToSelectedXref(view: EditorView, language: Language): boolean {
  // A node selection, or a text selection over exactly the reference (what a click in Chromium leaves).
  const { from, to } = view.state.selection
  const node = to === from + 1 ? view.state.doc.nodeAt(from) : null
  if (node?.type.name !== 'xref') return false
  return goToXrefTarget(view, node.attrs.target, language)
}

/**
 * The HTML copied to the clipboard: the schema's, but a reference carries the number it shows
 * (pasted into Word or a mail, it reads "Article 5"; pasted back into Accord, only its id counts).
 */
function clipboardSerializer(schema: Schema, numberOf: (node: PMNode) => string): DOMSerializer {
  const base = DOMSerializer.fromSchema(schema)
  const xref = (node: PMNode) => {
    const span = document.createElement('span')
    span.className = 'xref'
    if (typeof node.attrs.target === 'string') span.dataset.target = node.attrs.target
    span.textContent = numberOf(node)
    return span
  }
  return new DOMSerializer({ ...base.nodes, xref }, base.marks)
}

/**
 * Cross-references drawn as their targets' current numbers. The view has no content: its text is
 * ours and ProseMirror ignores changes to it. After a structural change the plugin view repaints
 * every reference on screen; typing touches none of them.
 */
export function xrefPlugin(language: Language, words: XrefWords): Plugin<XrefState> {
  const nodeView = (node: PMNode, view: EditorView): NodeView => {
    const dom = document.createElement('span')
    dom.className = 'xref'
    dom.setAttribute('role', 'link')
    const entry = { dom, node }
    let views = shown.get(view)
    if (!views) shown.set(view, (views = new Set()))
    views.add(entry)
    paint(dom, node, xrefNumbersOf(view.state, language), words)
    return {
      dom,
      ignoreMutation: () => true,
      update(next) {
        if (next.type !== node.type) return false
        if (next.attrs.target !== entry.node.attrs.target) paint(dom, next, xrefNumbersOf(view.state, language), words)
        entry.node = next
        return true
      },
      destroy: () => void shown.get(view)?.delete(entry),
    }
  }
  // The view copying (one per plugin instance: one editor).
  let current: EditorView | null = null
  const numberOf = (node: PMNode) => (current ? xrefText(node.attrs.target, xrefNumbersOf(current.state, language)) : BROKEN_XREF)
  return new Plugin<XrefState>({
    key: xrefPluginKey,
    state: {
      init: () => ({ language, memo: {} }),
      // An attribute step counts here (it is "text only" to numbering): an id renamed (duplicate repair) changes the map.
      apply: (tr, prev) => (!tr.docChanged || (isTextOnlyTransaction(tr) && !tr.steps.some((step) => step instanceof AttrStep)) ? prev : { language, memo: {} }),
    },
    props: {
      nodeViews: { xref: nodeView },
      // Copied, a reference is its number, and a block has its own (ProseMirror asks the first plugin that has one).
      clipboardTextSerializer: (slice, view) => copiedText(slice, copiedLabels(view.state), xrefLeafText(view.state)),
      clipboardSerializer: withCopiedLabels(clipboardSerializer(legalSchema, numberOf), () => (current ? copiedLabels(current.state) : new Map())),
      handleDOMEvents: {
        // Handled here, not left to the browser: a click on the non-editable span would leave a
        // text selection beside it. A click selects the reference; Ctrl/⌘+click goes to its target.
        mousedown(view, event) {
          const dom = event.button === 0 && event.target instanceof Element ? event.target.closest('.xref') : null
          if (!dom || !view.dom.contains(dom)) return false
          const pos = view.posAtDOM(dom, 0)
          const node = view.state.doc.nodeAt(pos)
          if (node?.type.name !== 'xref') return false
          event.preventDefault()
          if (event.ctrlKey || event.metaKey) return goToXrefTarget(view, node.attrs.target, language)
          view.dispatch(view.state.tr.setSelection(NodeSelection.create(view.state.doc, pos)))
          view.focus()
          return true
        },
      },
    },
    view: (view) => {
      current = view
      return {
        update(view, prevState) {
          // Same state object: the structure did not change, no number can have (every keystroke stops here).
          if (xrefPluginKey.getState(view.state) === xrefPluginKey.getState(prevState)) return
          const views = shown.get(view)
          if (!views || views.size === 0) return
          const numbers = xrefNumbersOf(view.state, language)
          for (const { dom, node } of views) paint(dom, node, numbers, words)
        },
        destroy: () => void (current = null),
      }
    },
  })
}
