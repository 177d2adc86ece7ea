import type { Node as PMNode } from '@tiptap/pm/model'
import type { DocJSON } from './schema'
import type { NumberedNode } from './numbering'

/**
 * Cross-references resolved to text. A reference stores only its target's stable id; whatever
 * reads the law as text (exports, the diff, the outline, reports) asks here for the target's
 * current bare number, against the numbering of the document the reference is in.
 */

/** Shown for a reference whose target no longer exists. */
export const BROKEN_XREF = '[?]'

/** Target id → its bare current number ("5", "II", "3", "b"). */
export type XrefNumbers = ReadonlyMap<string, string>

/**
 * The numbers references show, from a document's numbering. A paragraph shows no number when it
 * is its article's only one, but a reference to it still means paragraph 1.
 */
export function xrefNumbers(numbered: readonly NumberedNode[]): Map<string, string> {
  const out = new Map<string, string>()
  for (const n of numbered) if (n.id) out.set(n.id, n.num || (n.kind === 'clause' ? '1' : ''))
  return out
}

/** What a reference to `target` shows. */
export function xrefText(target: unknown, numbers: XrefNumbers): string {
  return typeof target === 'string' ? numbers.get(target) ?? BROKEN_XREF : BROKEN_XREF
}

/** Whether a block (its JSON) holds a reference: only then need its reader number the law. */
export function jsonHasXref(node: DocJSON | undefined): boolean {
  if (!node) return false
  if (node.type === 'xref') return true
  return (node.content ?? []).some(jsonHasXref)
}

/** Plain text of a node's JSON, references shown as their targets' numbers. */
export function jsonText(node: DocJSON | undefined, numbers: XrefNumbers): string {
  if (!node) return ''
  if (typeof node.text === 'string') return node.text
  if (node.type === 'xref') return xrefText(node.attrs?.target, numbers)
  let out = ''
  for (const child of node.content ?? []) out += jsonText(child, numbers)
  return out
}

/** Whether a ProseMirror textblock holds a reference (it then has a child that is not text). */
export function hasXref(block: PMNode): boolean {
  for (let i = 0; i < block.childCount; i++) if (block.child(i).type.name === 'xref') return true
  return false
}

/** Text of a ProseMirror textblock, references shown as their targets' numbers. */
export function blockText(block: PMNode, numbers: XrefNumbers): string {
  if (!hasXref(block)) return block.textContent
  let out = ''
  block.forEach((child) => {
    out += child.isText ? child.text ?? '' : child.type.name === 'xref' ? xrefText(child.attrs.target, numbers) : ''
  })
  return out
}

/** A run of a block's text: words, or a resolved reference (`target` set, `text` its number). */
export interface TextPart {
  text: string
  target?: string
}

/**
 * A block's text in runs, for formats that mark references up (Akoma Ntoso's `<ref>`); undefined
 * for a block without a live reference, whose plain text says it all. A broken one is words.
 */
export function jsonParts(node: DocJSON | undefined, numbers: XrefNumbers): TextPart[] | undefined {
  if (!node || !jsonHasXref(node)) return undefined
  const parts: TextPart[] = []
  for (const child of node.content ?? []) {
    const target = child.type === 'xref' ? child.attrs?.target : undefined
    if (typeof target === 'string' && numbers.has(target)) parts.push({ text: numbers.get(target)!, target })
    else parts.push({ text: jsonText(child, numbers) })
  }
  return parts
}

/**
 * Where an offset in blockText's reading of `block` falls in the block's content (ProseMirror
 * offsets, a reference one position wide): an offset inside a reference's number goes before it.
 */
export function contentOffsetOf(block: PMNode, textOffset: number, numbers: XrefNumbers): number {
  let text = 0
  let content = 0
  for (let i = 0; i < block.childCount; i++) {
    const child = block.child(i)
    const length = child.isText ? (child.text ?? '').length : child.type.name === 'xref' ? xrefText(child.attrs.target, numbers).length : 0
    if (textOffset < text + length) return child.isText ? content + (textOffset - text) : content
    text += length
    content += child.nodeSize
  }
  return content
}
