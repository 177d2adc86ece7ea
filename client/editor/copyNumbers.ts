import type { EditorState } from '@tiptap/pm/state'
import { DOMSerializer, type Node as PMNode, type Slice } from '@tiptap/pm/model'
import { numberLabels } from '../../shared/editor/numberingPlugin'
import { COPIED_LABEL_CLASS } from '../../shared/schema'

/**
 * Numbers go with the words copied out of the editor: "Article 5. Definitions", "2. …", "b) …"
 * pasted into Word or a mail, as on screen (there they are drawn by CSS, which a copy leaves
 * out). Pasted back into Accord they are dropped (the schema skips the label's span; typed
 * numbers in plain text are read as structure): numbers come from position.
 */

/**
 * The key of the number of an article heading copied alone: ProseMirror then serializes the
 * heading without its article (which carries the id), as the copy's context.
 */
const HEADING_ALONE = ''

const labelsOf = new WeakMap<EditorState, Map<string, string>>()

/**
 * The numbers of the blocks the selection holds from the start of their text, by the id the copy
 * carries (an article's for its heading; for a heading copied alone, also by HEADING_ALONE). A
 * block begun part-way is copied without its number, as a sentence quoted from it would be.
 */
export function copiedLabels(state: EditorState): Map<string, string> {
  // One copy asks twice (its text, its HTML) of the same state.
  const known = labelsOf.get(state)
  if (known) return known
  const { from, to, $from, $to } = state.selection
  const labels = new Map<string, string>()
  labelsOf.set(state, labels)
  const withinOneBlock = $from.sameParent($to)
  // The numbers on screen (the numbering plugin's), each at the block that shows it: an article's on its heading.
  for (const { pos, label } of numberLabels(state)) {
    if (!label || pos + 1 < from || pos + 1 >= to) continue
    const block = state.doc.nodeAt(pos)
    const id = block?.type.name === 'articleHeading' ? state.doc.resolve(pos).parent.attrs.id : block?.attrs.id
    if (typeof id === 'string') labels.set(id, label)
    if (block?.type.name === 'articleHeading' && withinOneBlock) labels.set(HEADING_ALONE, label)
  }
  return labels
}

/** The id whose number a textblock shows: its own, or its article's for a heading. */
const labelIdOf = (block: PMNode, parent: PMNode | null): unknown => (block.type.name === 'articleHeading' ? parent?.attrs.id : block.attrs.id)

/** A copy as plain text: a line a block, each with its number where the copy holds its start. */
export function copiedText(slice: Slice, labels: Map<string, string>, leafText: (leaf: PMNode) => string): string {
  const lines: string[] = []
  slice.content.descendants((node, _pos, parent) => {
    if (!node.isTextblock) return true
    const id = labelIdOf(node, parent)
    const label = typeof id === 'string' ? labels.get(id) : undefined
    const text = node.textBetween(0, node.content.size, '', leafText)
    lines.push(label ? `${label} ${text}`.trimEnd() : text)
    return false
  })
  // Inline content alone (a selected reference): its text.
  return lines.length > 0 ? lines.join('\n\n') : slice.content.textBetween(0, slice.content.size, '\n\n', leafText)
}

/** `serializer`, with each copied block's number put before its text in a span of its own. */
export function withCopiedLabels(serializer: DOMSerializer, labelsNow: () => Map<string, string>): DOMSerializer {
  const labelled = new DOMSerializer(serializer.nodes, serializer.marks)
  const inner = labelled.serializeFragment.bind(labelled)
  let depth = 0 // serializeFragment calls itself for the content of each node: label once, at the top
  labelled.serializeFragment = (fragment, options, target) => {
    depth++
    try {
      const dom = inner(fragment, options, target)
      if (depth === 1) addLabels(dom, labelsNow())
      return dom
    } finally {
      depth--
    }
  }
  return labelled
}

function addLabels(dom: HTMLElement | DocumentFragment, labels: Map<string, string>): void {
  if (labels.size === 0) return
  const alone = labels.get(HEADING_ALONE)
  const hosts = alone !== undefined ? Array.from(dom.children).filter((e) => e.localName === 'h3') : Array.from(dom.querySelectorAll('[data-id]'))
  for (const element of hosts) {
    const label = alone ?? labels.get(element.getAttribute('data-id') ?? '')
    const host = element.localName === 'article' ? element.querySelector(':scope > h3') : element
    if (!label || !host) continue
    const span = element.ownerDocument.createElement('span')
    span.className = COPIED_LABEL_CLASS
    span.textContent = `${label} `
    host.prepend(span)
  }
}
