import { EditorState, TextSelection, type Command, type Plugin, type Transaction } from '@tiptap/pm/state'
import type { Node as PMNode } from '@tiptap/pm/model'
import { docFromJSON, type DocJSON } from '../../shared/schema'
import { createBuilders } from '../../shared/seed/builders'
import { stableIdPlugin } from '../../shared/editor/idPlugin'
import { numberLabels } from '../../shared/editor/numberingPlugin'
import { numberDocument } from '../../shared/numbering'
import type { Language } from '../../shared/language'

/**
 * Small helpers for the pure editor tests: an EditorState built from builder JSON (no view,
 * no DOM), cursor placement in the Nth node of a type, and command execution.
 */

/** A state holding `json` (validated by the schema), by default with the stable-id plugin. */
export function stateFromJSON(json: DocJSON, plugins: Plugin[] = [stableIdPlugin()]): EditorState {
  return EditorState.create({ doc: docFromJSON(json), plugins })
}

/** Every node of `typeName` in document order, with the position before it. */
export function nodesOfType(doc: PMNode, typeName: string): { pos: number; node: PMNode }[] {
  const out: { pos: number; node: PMNode }[] = []
  doc.descendants((node, pos) => {
    if (node.type.name === typeName) out.push({ pos, node })
    return !node.isTextblock
  })
  return out
}

/** Position before the `n`-th (0-based) node of `typeName`; throws when there is none. */
export function posOfNth(doc: PMNode, typeName: string, n = 0): number {
  const found = nodesOfType(doc, typeName)[n]
  if (!found) throw new Error(`no ${typeName} #${n} in the document`)
  return found.pos
}

export type Where = 'start' | 'end' | number

/**
 * The state with a collapsed cursor inside the `n`-th textblock of `typeName` (for an article:
 * inside its heading): at its start, its end, or at a character offset.
 */
export function withCursorIn(state: EditorState, typeName: string, n = 0, where: Where = 'end'): EditorState {
  let pos = posOfNth(state.doc, typeName, n)
  let node = state.doc.nodeAt(pos)!
  if (!node.isTextblock) {
    // A container (article): go to its first textblock, the heading.
    pos += 1
    node = node.firstChild!
  }
  const offset = where === 'start' ? 0 : where === 'end' ? node.content.size : where
  if (offset < 0 || offset > node.content.size) throw new Error(`offset ${offset} outside ${typeName} #${n}`)
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, pos + 1 + offset)))
}

/** Runs a command; returns whether it applied and the resulting state (unchanged if refused). */
export function run(state: EditorState, command: Command): { ok: boolean; state: EditorState; trs: Transaction[] } {
  let next = state
  const trs: Transaction[] = []
  const ok = command(state, (tr) => {
    trs.push(tr)
    next = state.apply(tr)
  })
  return { ok, state: next, trs }
}

/** The top-level structure as compact strings: "chapter:Heading", "article:Heading", … */
export function topLevel(doc: PMNode): string[] {
  const out: string[] = []
  doc.forEach((node) => {
    const text = node.type.name === 'article' ? node.firstChild!.textContent : node.textContent
    out.push(`${node.type.name}:${text}`)
  })
  return out
}

/** Blocks of an article after its heading, as "clause:Text", "point:Text", … */
export function bodyOf(article: PMNode): string[] {
  const out: string[] = []
  article.forEach((child, _offset, index) => {
    if (index > 0) out.push(`${child.type.name}:${child.textContent}`)
  })
  return out
}

/** Ids of chapters, articles and body blocks in document order. */
export function allIds(doc: PMNode): (string | null)[] {
  const out: (string | null)[] = []
  doc.descendants((node) => {
    if ('id' in node.attrs) out.push(node.attrs.id as string | null)
    return !node.isTextblock
  })
  return out
}

/** The node holding `id` (any depth), or undefined. */
export function nodeWithId(doc: PMNode, id: string): { pos: number; node: PMNode } | undefined {
  let found: { pos: number; node: PMNode } | undefined
  doc.descendants((node, pos) => {
    if (!found && node.attrs.id === id) found = { pos, node }
    return !found && !node.isTextblock
  })
  return found
}

/** The node type name and text of the textblock the cursor is in. */
export function cursorBlock(state: EditorState): { type: string; text: string; offset: number } {
  const { $from } = state.selection
  return { type: $from.parent.type.name, text: $from.parent.textContent, offset: $from.parentOffset }
}

/** A builder block with a fixed, readable id (builders number ids themselves). */
export function withId<T extends { attrs?: Record<string, unknown> }>(block: T, id: string | null): T {
  return { ...block, attrs: { ...block.attrs, id } }
}

/**
 * A small law with readable, fixed ids: Chapter "General" [Article "One" (c1, c2 + point p1 +
 * sub-point s1), Article "Two" (c3)], and with `finalChapter` also Chapter "Final" [Article
 * "Three" (c4)].
 */
export function fixtureLaw(finalChapter = false): DocJSON {
  const b = createBuilders('unused')
  return b.law('Law', ['Preamble'], [
    withId(b.chapter('General'), 'ch1'),
    withId(b.article('One', [
      withId(b.clause('First paragraph.'), 'c1'),
      withId(b.clause('Second paragraph:'), 'c2'),
      withId(b.point('a point,'), 'p1'),
      withId(b.subpoint('a sub-point.'), 's1'),
    ]), 'art1'),
    withId(b.article('Two', [withId(b.clause('Only paragraph.'), 'c3')]), 'art2'),
    ...(finalChapter
      ? [withId(b.chapter('Final'), 'ch2'), withId(b.article('Three', [withId(b.clause('Entry into force.'), 'c4')]), 'art3')]
      : []),
  ])
}

/** The numbering plugin's labels as `position:label`, in its order. */
export function pluginLabels(state: EditorState): string[] {
  return numberLabels(state).map((l) => `${l.pos}:${l.label}`)
}

/** What numberDocument says, as `position:label` where the plugin puts it (an article's label on its heading). */
export function computedLabels(state: EditorState, language: Language): string[] {
  return numberDocument(state.doc, language).map((n) => `${n.kind === 'article' ? n.pos + 1 : n.pos}:${n.label}`)
}
