import * as Y from 'yjs'
import { EditorState, TextSelection, type Command } from '@tiptap/pm/state'
import type { Node as PMNode } from '@tiptap/pm/model'
import { initProseMirrorDoc, updateYFragment, ySyncPluginKey } from '@tiptap/y-tiptap'
import { legalSchema } from '../../shared/schema'
import { TEXT_FIELD } from '../../shared/protocol'
import { stableIdPlugin } from '../../shared/editor/idPlugin'
import {
  deleteStructural,
  insertArticle,
  insertBodyBlock,
  insertChapter,
  insertSection,
  insertPart,
  moveStructural,
  shiftLevel,
  splitStructural,
} from '../../shared/editor/commands'
import type { Rng } from './random'
import { deleteMovedRun } from '../../client/editor/movedRun'

/**
 * The browser editor without a browser: a ProseMirror state with our plugins, bound to a Y.Doc
 * the way @tiptap/y-tiptap's binding does it — a local transaction is written into the Y.XmlFragment
 * with `updateYFragment` after `deleteMovedRun` (so a moved article is deleted and re-inserted, as in the browser), and a
 * remote change rebuilds the ProseMirror document and the binding's mapping from the fragment.
 */
export class HeadlessEditor {
  state!: EditorState
  private meta!: ReturnType<typeof initProseMirrorDoc>['meta']
  private readonly fragment: Y.XmlFragment

  constructor(readonly ydoc: Y.Doc) {
    this.fragment = ydoc.getXmlFragment(TEXT_FIELD)
    this.rebuild()
    this.fragment.observeDeep((_events, transaction) => {
      if (transaction.origin !== ySyncPluginKey) this.rebuild()
    })
  }

  private rebuild(): void {
    const { doc, meta } = initProseMirrorDoc(this.fragment, legalSchema)
    this.meta = meta
    this.state = EditorState.create({ doc, plugins: [stableIdPlugin()] })
  }

  /** Runs a command at the current selection, with every plugin's appended transactions, and writes it to Yjs. */
  run(command: Command): boolean {
    let next = this.state
    const ok = command(this.state, (tr) => {
      next = this.state.applyTransaction(tr).state
    })
    if (!ok || next === this.state) return ok
    this.state = next
    this.ydoc.transact(() => {
      deleteMovedRun(this.fragment, next.doc, this.meta.mapping, next.selection.head)
      updateYFragment(this.ydoc, this.fragment, next.doc, this.meta)
    }, ySyncPluginKey)
    return true
  }

  /** Places a collapsed cursor at `pos` (a text position). */
  select(pos: number): void {
    this.state = this.state.apply(this.state.tr.setSelection(TextSelection.create(this.state.doc, pos)))
  }
}

/** Text blocks of a document with the position of their content start and their size. */
function textblocks(doc: PMNode): { node: PMNode; start: number }[] {
  const out: { node: PMNode; start: number }[] = []
  doc.descendants((node, pos) => {
    if (node.isTextblock) {
      out.push({ node, start: pos + 1 })
      return false
    }
    return true
  })
  return out
}

export const EDIT_KINDS = ['type', 'erase', 'insertArticle', 'insertPart', 'insertChapter', 'insertSection', 'insertBlock', 'split', 'shift', 'moveUp', 'moveDown', 'delete'] as const
export type EditKind = (typeof EDIT_KINDS)[number]

/**
 * One random editing step, as a person would make it: the cursor somewhere in the text, then
 * typing, deleting characters, or a structure command (insert, move or delete an article, move a part, chapter or section, add
 * a part, chapter, section or block, Enter, Tab). Returns false when the command did not apply there.
 */
export function randomEdit(editor: HeadlessEditor, kind: EditKind, rng: Rng, word: string): boolean {
  const blocks = textblocks(editor.state.doc)
  const inStructure = blocks.filter((b) => ['articleHeading', 'clause', 'point', 'subpoint', 'part', 'chapter', 'section'].includes(b.node.type.name))
  const candidates = kind === 'type' || kind === 'erase' ? blocks : inStructure
  if (candidates.length === 0) return false
  const block = rng.pick(candidates)
  const size = block.node.content.size
  editor.select(block.start + rng.int(size + 1))
  switch (kind) {
    case 'type':
      return editor.run((state, dispatch) => {
        dispatch?.(state.tr.insertText(word))
        return true
      })
    case 'erase': {
      if (size === 0) return false
      const from = block.start + rng.int(size)
      const to = Math.min(block.start + size, from + 1 + rng.int(3))
      return editor.run((state, dispatch) => {
        dispatch?.(state.tr.delete(from, to))
        return true
      })
    }
    case 'insertArticle':
      return editor.run(insertArticle)
    case 'insertChapter':
      return editor.run(insertChapter)
    case 'insertPart':
      return editor.run(insertPart)
    case 'insertSection':
      return editor.run(insertSection)
    case 'insertBlock':
      return editor.run(insertBodyBlock(rng.pick(['clause', 'point', 'subpoint'] as const)))
    case 'split':
      return editor.run(splitStructural)
    case 'shift':
      return editor.run(shiftLevel(rng.chance(0.5) ? 1 : -1))
    case 'moveUp':
      return editor.run(moveStructural(-1))
    case 'moveDown':
      return editor.run(moveStructural(1))
    case 'delete':
      return editor.run(deleteStructural)
  }
}
