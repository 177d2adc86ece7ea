/**
 * The Yjs ↔ ProseMirror binding made incremental, both ways (remote changes here; local ones in
 * prosemirrorChanged below, which syncs only the top-level node that changed).
 *
 * The stock @tiptap/y-tiptap binding (3.0.9) answers every remote Yjs transaction by clearing
 * its whole Y ↔ PM mapping, rebuilding every ProseMirror node of the document and replacing
 * the document from position 0 to the end; and, when the local caret is on screen, by measuring
 * the DOM selection (a forced layout) and scrolling it into view. On a 300-article law that is
 * ~10 ms per remote keystroke before the browser even lays out, and the whole-document step
 * makes every plugin (numbering, carets) treat it as a structural change.
 *
 * This override of `ProsemirrorBinding.prototype._typeChanged` keeps the mapping of every node
 * the transaction did not touch (as y-prosemirror did before the full rebuild was added), so
 * only changed nodes are rebuilt; replaces only the range that differs (a typed character is a
 * one-character step inside its paragraph, so plugins map their state instead of recomputing
 * it); then points the mapping at the nodes that ended up in the document. Selection
 * restoration follows upstream (relative positions with its structural-change recovery). Remote
 * changes never scroll or measure: the browser's scroll anchoring keeps the view steady.
 *
 * Node construction below follows upstream's createNodeFromYElement / createTextNodesFromYText
 * (MIT, © Kevin Jahns and Tiptap), which the package does not export.
 */
import * as Y from 'yjs'
import { Fragment, type Mark, type Node as PMNode, type Schema } from '@tiptap/pm/model'
import { AllSelection, NodeSelection, Selection, TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state'
import {
  ProsemirrorBinding,
  findAbsolutePositionAfterStructuralChange,
  getRelativeSelection,
  isMisresolvedAfterStructuralChange,
  relativePositionToAbsolutePosition,
  updateYFragment,
  ySyncPluginKey,
} from '@tiptap/y-tiptap'
import { isTextOnlyTransaction } from '../../shared/editor/changes'
import { caretInSameBlock } from './sameBlockCaret'
import { CARET_DISPLACED_META } from './caretMovedPlugin'
import { caretFollowsMovedWords } from './caretFollowsWords'
import { deleteMovedRun } from './movedRun'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the mapping's key type as y-tiptap declares it
type YType = Y.AbstractType<any>
type Mapping = Map<YType, PMNode | PMNode[]>
type RelativeSelection = ProsemirrorBinding['beforeTransactionSelection'] | null

const hashedMarkName = /(.*)(--[a-zA-Z0-9+/=]{8})$/

function attributesToMarks(attrs: Record<string, unknown>, schema: Schema): Mark[] {
  const marks: Mark[] = []
  for (const name in attrs) marks.push(schema.mark(hashedMarkName.exec(name)?.[1] ?? name, attrs[name] as Record<string, unknown>))
  return marks
}

function textNodes(text: Y.XmlText, schema: Schema): PMNode[] | null {
  try {
    const delta = text.toDelta() as { insert: string; attributes?: Record<string, unknown> }[]
    return delta.map((d) => schema.text(d.insert, attributesToMarks(d.attributes ?? {}, schema)))
  } catch {
    // Content the schema rejects (a concurrent edit made it invalid): drop it, as upstream does.
    text.doc?.transact((tr) => text._item?.delete(tr), ySyncPluginKey)
    return null
  }
}

/** The PM node of `el`: from the mapping if unchanged, else built (and mapped). */
function nodeOf(el: YType, schema: Schema, mapping: Mapping): PMNode | null {
  const known = mapping.get(el)
  if (known !== undefined) return known as PMNode
  if (!(el instanceof Y.XmlElement)) throw new Error('unexpected Yjs type in the document (hooks are not supported)')
  const children: PMNode[] = []
  for (const child of el.toArray()) {
    if (child instanceof Y.XmlElement) {
      const node = nodeOf(child, schema, mapping)
      if (node) children.push(node)
      continue
    }
    const text = child as Y.XmlText
    // Upstream's fix for two adjacent Y.Texts (#160): fold the next one, if it is ours, into this one.
    const next = (text._item?.right?.content as Y.ContentType | undefined)?.type
    if (next instanceof Y.Text && !next._item?.deleted && next._item?.id.client === next.doc?.clientID) {
      text.applyDelta([{ retain: text.length }, ...next.toDelta()])
      next.doc?.transact((tr) => next._item?.delete(tr))
    }
    const nodes = textNodes(text, schema)
    if (nodes) children.push(...nodes)
  }
  try {
    const node = schema.node(el.nodeName, el.getAttributes(), children)
    mapping.set(el, node)
    return node
  } catch {
    el.doc?.transact((tr) => el._item?.delete(tr), ySyncPluginKey)
    mapping.delete(el)
    return null
  }
}

/** Points the mapping of `el` and its element descendants at `node` and its children. */
function remap(el: Y.XmlElement, node: PMNode, mapping: Mapping): void {
  if (mapping.get(el) === node) return
  mapping.set(el, node)
  let i = 0
  for (const child of el.toArray()) {
    if (!(child instanceof Y.XmlElement)) continue
    while (i < node.childCount && node.child(i).isText) i++
    if (i >= node.childCount) return
    remap(child, node.child(i++), mapping)
  }
}

function recoverEndpoint(newDoc: PMNode, oldDoc: PMNode, oldAbs: number | null | undefined, resolved: number | null, onDeleted: (() => void) | null): number | null {
  // Positions outside their documents: the caret recorded before one of several quick undos
  // (select all, Delete, then undone in a burst) points past the document it is read against.
  if (resolved !== null && resolved > newDoc.content.size) resolved = null
  if (oldAbs == null || oldAbs > oldDoc.content.size) return resolved
  const sameBlock = caretInSameBlock(oldDoc, newDoc, oldAbs, resolved, onDeleted !== null)
  if (sameBlock?.deleted) onDeleted?.()
  if (sameBlock) return sameBlock.pos
  const misresolved = resolved === null || (oldAbs > 1 && resolved <= 1) || isMisresolvedAfterStructuralChange(oldDoc, newDoc, oldAbs, resolved)
  if (!misresolved) return resolved
  return findAbsolutePositionAfterStructuralChange(oldDoc, newDoc, oldAbs) ?? resolved
}

/**
 * Upstream's restoreRelativeSelection (not exported): the local selection from its Yjs relative
 * positions. One difference: after a text-only change the Yjs resolution is exact and wins.
 * Upstream checks it against heuristics meant for blocks moved by delete + insert, one of which
 * ("the caret's paragraph has other text now") fires whenever someone types in the caret's
 * paragraph, and then puts the caret back at its old offset, i.e. shifted against the text.
 */
function restoreSelection(tr: Transaction, rel: RelativeSelection, binding: ProsemirrorBinding, oldDoc: PMNode, remote: boolean): boolean {
  if (rel === null || rel.anchor === null || rel.head === null) return false
  const resolve = (pos: unknown) => relativePositionToAbsolutePosition(binding.doc, binding.type, pos, binding.mapping)
  const clamp = (pos: number) => Math.min(Math.max(pos, 0), tr.doc.content.size)
  if (rel.type === 'all') {
    tr.setSelection(new AllSelection(tr.doc))
  } else if (rel.type === 'node') {
    const anchor = resolve(rel.anchor)
    if (anchor !== null) {
      const $pos = tr.doc.resolve(anchor)
      tr.setSelection($pos.nodeAfter ? NodeSelection.create(tr.doc, anchor) : TextSelection.near($pos))
    }
  } else if (rel.type === 'nodeRange') {
    const anchor = resolve(rel.anchor)
    const head = resolve(rel.head)
    if (anchor === null || head === null) return false
    try {
      const selection = Selection.fromJSON(tr.doc, { type: 'nodeRange', anchor: clamp(anchor), head: clamp(head), depth: rel.depth })
      tr.setSelection(selection.ranges.length ? selection : TextSelection.near(tr.doc.resolve(clamp(anchor))))
    } catch {
      tr.setSelection(TextSelection.near(tr.doc.resolve(clamp(anchor))))
    }
  } else if (isTextOnlyTransaction(tr)) {
    // Exact; a position whose text was deleted keeps PM's mapping of it through the step.
    const anchor = resolve(rel.anchor) ?? tr.selection.anchor
    const head = resolve(rel.head) ?? tr.selection.head
    tr.setSelection(TextSelection.between(tr.doc.resolve(clamp(anchor)), tr.doc.resolve(clamp(head))))
  } else {
    // One's own undo deleting the block is no news, and undo places the caret itself.
    let deleted = false
    const onDeleted = remote ? () => void (deleted = true) : null
    let anchor = recoverEndpoint(tr.doc, oldDoc, rel.absAnchor, resolve(rel.anchor), onDeleted)
    let head = recoverEndpoint(tr.doc, oldDoc, rel.absHead, resolve(rel.head), onDeleted)
    anchor ??= head
    head ??= anchor
    if (anchor !== null && head !== null) tr.setSelection(TextSelection.between(tr.doc.resolve(anchor), tr.doc.resolve(head)))
    return deleted && head !== null
  }
  return false
}

/**
 * Steps replacing, inside a textblock whose content starts at `start`, the part of `before`'s
 * content that differs from `after`'s: one text-only step (a typed character, a deletion).
 */
function replaceText(tr: Transaction, start: number, before: PMNode, after: PMNode): void {
  const diffStart = before.content.findDiffStart(after.content)
  if (diffStart === null) return
  let { a: endA, b: endB } = before.content.findDiffEnd(after.content)!
  // Repeated characters make the two scans overlap: move both ends past the start.
  const overlap = diffStart - Math.min(endA, endB)
  if (overlap > 0) {
    endA += overlap
    endB += overlap
  }
  tr.replace(start + diffStart, start + endA, after.slice(diffStart, endB))
}

/**
 * Steps turning `before` (a fragment starting at `start` in `tr.doc`) into `after`, whose
 * unchanged nodes are the same objects. Where both have the same children save changed ones,
 * each changed child is handled on its own, down to text steps inside textblocks, so that
 * edits in several places (remote keystrokes that arrive together) stay text-only steps that
 * plugins map rather than recompute; anything else replaces the run of children that differ.
 * Children are visited last to first, so the positions of those not yet visited hold.
 */
function diffInto(tr: Transaction, start: number, before: Fragment, after: Fragment): void {
  let first = 0
  while (first < before.childCount && first < after.childCount && before.child(first) === after.child(first)) first++
  if (first === before.childCount && first === after.childCount) return
  let endBefore = before.childCount
  let endAfter = after.childCount
  while (endBefore > first && endAfter > first && before.child(endBefore - 1) === after.child(endAfter - 1)) {
    endBefore--
    endAfter--
  }
  let from = start
  for (let i = 0; i < first; i++) from += before.child(i).nodeSize
  if (endBefore === endAfter) {
    let end = from
    for (let i = first; i < endBefore; i++) end += before.child(i).nodeSize
    for (let i = endBefore - 1; i >= first; i--) {
      const b = before.child(i)
      const a = after.child(i)
      end -= b.nodeSize
      if (b === a) continue
      if (!b.sameMarkup(a) || b.isLeaf || b.isText) tr.replaceWith(end, end + b.nodeSize, a)
      else if (b.isTextblock) replaceText(tr, end + 1, b, a)
      else diffInto(tr, end + 1, b.content, a.content)
    }
    return
  }
  let to = from
  for (let i = first; i < endBefore; i++) to += before.child(i).nodeSize
  const nodes: PMNode[] = []
  for (let i = first; i < endAfter; i++) nodes.push(after.child(i))
  tr.replaceWith(from, to, nodes)
}

/**
 * The transaction turning the document into one with `content` (unchanged nodes being the same
 * objects on both sides): nothing if nothing differs, else the finest steps `diffInto` finds, or,
 * should those not have fitted as planned, one replacement of the whole content.
 */
function replaceTransaction(state: EditorState, content: Fragment): Transaction {
  const tr = state.tr
  diffInto(tr, 0, state.doc.content, content)
  return tr.doc.content.eq(content) ? tr : state.tr.replaceWith(0, state.doc.content.size, content)
}

/**
 * The top-level elements holding everything `transaction` changed in `fragment`, when the
 * fragment's own list of elements did not change (remote keystrokes, a batch of them: their
 * articles); else null. Types outside the fragment (another root type) do not count.
 */
function changedElements(fragment: Y.XmlFragment, transaction: Y.Transaction): Set<Y.XmlElement> | null {
  if (transaction.changed.has(fragment as YType)) return null
  const found = new Set<Y.XmlElement>()
  for (const type of transaction.changed.keys()) {
    let top: YType = type
    while (top._item !== null && top._item.parent !== fragment) top = top._item.parent as YType
    if (top._item === null) continue // not in the fragment
    if (!(top instanceof Y.XmlElement)) return null
    found.add(top)
  }
  return found.size > 0 ? found : null
}

/**
 * The document with the nodes of the changed elements rebuilt, everything else as it is: when
 * only they changed and the document holds the previous node of each (`before`). Null when that
 * does not hold, or an element's content is no longer valid: then the whole list is gone through.
 */
function withElementsRebuilt(doc: PMNode, fragment: Y.XmlFragment, before: Map<Y.XmlElement, PMNode | undefined>, mapping: Mapping, schema: Schema) {
  if (doc.childCount !== fragment.length) return null
  const elementOf = new Map<PMNode, Y.XmlElement>()
  for (const [el, node] of before) {
    if (node === undefined) return null
    elementOf.set(node, el)
  }
  const children: PMNode[] = []
  const rebuilt: { index: number; el: Y.XmlElement }[] = []
  for (let index = 0; index < doc.childCount; index++) {
    const child = doc.child(index)
    const el = elementOf.get(child)
    if (el === undefined) {
      children.push(child)
      continue
    }
    const node = nodeOf(el, schema, mapping)
    if (!node) return null
    children.push(node)
    rebuilt.push({ index, el })
  }
  return rebuilt.length === before.size ? { content: Fragment.from(children), rebuilt } : null
}

function typeChanged(this: ProsemirrorBinding, events: Y.YEvent<YType>[], transaction: Y.Transaction): void {
  const view = this.prosemirrorView
  if (view == null) return
  const syncState = ySyncPluginKey.getState(view.state)
  if (events.length === 0 || syncState.snapshot != null || syncState.prevSnapshot != null) {
    // Snapshot rendering: upstream's path, unchanged.
    this.renderSnapshot(syncState.snapshot, syncState.prevSnapshot)
    return
  }
  this.mux(() => {
    const mapping = this.mapping as Mapping
    const fragment = this.type as Y.XmlFragment
    // Nothing mapped: the document was the empty one PM fills in before the first content arrives.
    const firstContent = mapping.size === 0
    const changed = changedElements(fragment, transaction)
    const before = new Map<Y.XmlElement, PMNode | undefined>()
    changed?.forEach((el) => before.set(el, mapping.get(el) as PMNode | undefined))
    // Forget exactly what changed: deleted types, changed types and their ancestors.
    Y.iterateDeletedStructs(transaction, transaction.deleteSet, (struct) => {
      if (struct instanceof Y.Item && struct.content instanceof Y.ContentType) mapping.delete(struct.content.type)
    })
    transaction.changed.forEach((_, type) => mapping.delete(type))
    transaction.changedParentTypes.forEach((_, type) => mapping.delete(type))

    const state = view.state as EditorState
    const oldDoc = state.doc
    let tr: Transaction
    // Articles changed in place (remote typing): only their nodes are rebuilt, without listing the law.
    const done = changed ? withElementsRebuilt(oldDoc, fragment, before, mapping, state.schema) : null
    if (done) {
      tr = replaceTransaction(state, done.content)
      if (tr.doc.childCount === oldDoc.childCount) {
        for (const { index, el } of done.rebuilt) if (tr.doc.child(index) !== done.content.child(index)) remap(el, tr.doc.child(index), mapping)
      }
    } else {
      const elements: Y.XmlElement[] = []
      const nodes: PMNode[] = []
      for (const el of fragment.toArray()) {
        const node = nodeOf(el, state.schema, mapping)
        if (node) {
          elements.push(el as Y.XmlElement)
          nodes.push(node)
        }
      }
      tr = replaceTransaction(state, Fragment.from(nodes))
      // The step rebuilt the ancestors of what changed: map the Yjs types to the nodes it made,
      // so that they stay identical to what the document shows (and the next diff stays cheap).
      if (tr.doc.childCount === nodes.length) {
        for (let i = 0; i < nodes.length; i++) if (tr.doc.child(i) !== nodes[i]) remap(elements[i], tr.doc.child(i), mapping)
      }
    }
    tr.setMeta('addToHistory', false)
    // Opening a draft: no caret was placed in text yet; recovering one through the structural
    // heuristics walked the whole law (~35 ms of a cold open).
    if (firstContent) tr.setSelection(Selection.atStart(tr.doc))
    else {
      const displaced = restoreSelection(tr, this.beforeTransactionSelection, this, oldDoc, !(transaction.origin instanceof Y.UndoManager))
      // Told only to someone working in the text, whose next keys would land there.
      if (displaced && view.hasFocus()) tr.setMeta(CARET_DISPLACED_META, true)
      caretFollowsMovedWords(tr, transaction, this)
    }
    tr.setMeta(ySyncPluginKey, { isChangeOrigin: true, isUndoRedoOperation: transaction.origin instanceof Y.UndoManager })
    view.dispatch(tr)
  })
}

/**
 * The one top-level element whose node differs from the one the mapping holds for it, when
 * every other one is mapped to the very node the document has (so is in sync) and the counts
 * agree; else null. A walk of the fragment's items and one map lookup per article.
 */
function onlyChangedTopLevel(binding: ProsemirrorBinding, doc: PMNode): { el: Y.XmlElement; node: PMNode } | null {
  const fragment = binding.type as Y.XmlFragment
  const mapping = binding.mapping as Mapping
  if (fragment.length !== doc.childCount) return null
  let changed: { el: Y.XmlElement; node: PMNode } | null = null
  let i = 0
  for (let item = fragment._start; item !== null; item = item.right) {
    if (item.deleted) continue
    if (!(item.content instanceof Y.ContentType)) return null
    const el = item.content.type
    const node = doc.child(i++)
    const known = mapping.get(el)
    if (known === node) continue
    if (changed || known === undefined || !(el instanceof Y.XmlElement) || el.nodeName !== node.type.name) return null
    changed = { el, node }
  }
  return changed
}

/**
 * Local changes into Yjs. Upstream's updateYFragment starts at the top: it lists the fragment's
 * 300 articles, matches them to the document's and looks for moves before it reaches the one
 * article a keystroke changed (~0.2 ms of each keystroke, 0.44 ms with the rest). When exactly
 * one top-level node changed, that is where upstream would end up, so it is synced right away,
 * by upstream's own updateYFragment; anything else (several changed, added, removed, moved) goes
 * the upstream way from the top, a moved unit first taken out where it was (see deleteMovedRun).
 */
function prosemirrorChanged(this: ProsemirrorBinding, doc: PMNode): void {
  this.doc.transact(() => {
    const one = onlyChangedTopLevel(this, doc)
    if (one) {
      ;(this.mapping as Mapping).set(this.type, doc)
      updateYFragment(this.doc, one.el, one.node, this)
    } else {
      deleteMovedRun(this.type as Y.XmlFragment, doc, this.mapping as Mapping, this.prosemirrorView.state.selection.head)
      updateYFragment(this.doc, this.type, doc, this)
    }
    this.beforeTransactionSelection = getRelativeSelection(this, this.prosemirrorView.state)
  }, ySyncPluginKey)
}

let installed = false

/** Installs the incremental binding (idempotent); call before the first editor is created. */
export function installIncrementalBinding(): void {
  if (installed) return
  installed = true
  const proto = ProsemirrorBinding.prototype
  proto._typeChanged = typeChanged
  proto._prosemirrorChanged = prosemirrorChanged
  // Remote changes never measure the DOM selection nor scroll to it.
  proto._isLocalCursorInView = () => false
}
