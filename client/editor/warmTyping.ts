import { Editor } from '@tiptap/core'
import { TextSelection } from '@tiptap/pm/state'
import * as Y from 'yjs'
import { Awareness } from 'y-protocols/awareness'
import { createBuilders } from '../../shared/seed/builders'
import { writeDocJSON } from '../../shared/ydoc'
import type { LegalEditorParts } from './legalExtensions'
import { scheduleLocalChanges, writeLocalChanges } from '../collab/waitingLocalChanges'

/**
 * What the scratch editor types: words, a new paragraph joined back to the one before (structure:
 * numbering, ids), more words. Enough keys for V8 to move the path's functions past its
 * interpreter: with seven characters instead, the first real key's median was 16.3 ms, with
 * these 12.3 ms (ten fresh pages each, alternating).
 */
const KEYS = [...'warm up the typing path', 'Enter', 'Backspace', ...' and more']

/** How long to wait for the scratch editor's binding to render its text (it does so in a timer). */
const RENDER_TRIES = 5

/** User-timing mark set once the typing path is warm (DevTools' performance panel shows it; tests wait for it). */
export const TYPING_WARMED_MARK = 'accord:typing-warmed'

/** keyCode of the named keys typed (ProseMirror reads it beside `key`). */
const KEY_CODES: Record<string, number> = { Backspace: 8, Enter: 13 }

let warmed = false

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

function press(dom: HTMLElement, key: string): void {
  const init = { key, bubbles: true, cancelable: true }
  const down = new KeyboardEvent('keydown', { ...init, keyCode: KEY_CODES[key] ?? 0 })
  // A key ProseMirror did not take (a character) goes on to keypress, as a real one would.
  if (dom.dispatchEvent(down) && key.length === 1) dom.dispatchEvent(new KeyboardEvent('keypress', { ...init, charCode: key.charCodeAt(0) }))
  dom.dispatchEvent(new KeyboardEvent('keyup', init))
}

/**
 * Types a few keys into a scratch editor made of the same parts (legalEditorParts), on a tiny law in a Y.Doc of
 * its own, outside the page, then throws it away. The first keystrokes in a freshly opened draft
 * ran code that had never run: V8 compiled each function of the keystroke's path (ProseMirror's
 * input handling, every plugin, the binding, Yjs's encoding) on the main thread as it came, and
 * ran it cold, so the first key took 20–70 ms to show instead of ~10 (traces of fresh pages,
 * 300-article law). Done once per page, while the page is idle after the draft is shown (~25 ms
 * to make the scratch editor, ~3 ms a key, each key in a task of its own); the scratch editor is
 * never in the document and shares nothing with the draft, its session or its awareness.
 */
export async function warmTypingPath(parts: (ydoc: Y.Doc, awareness: Awareness) => LegalEditorParts): Promise<void> {
  if (warmed) return
  warmed = true
  const ydoc = new Y.Doc()
  const awareness = new Awareness(ydoc)
  // Typing waits to be written into Yjs, as in a draft (there: until its frame is painted).
  scheduleLocalChanges(ydoc, () => setTimeout(() => writeLocalChanges(ydoc), 0))
  let editor: Editor | null = null
  try {
    const b = createBuilders('warm-')
    writeDocJSON(ydoc, b.law('Warm-up', [], [b.article('Scope', [b.clause('The parties shall cooperate.')])]))
    editor = new Editor({ element: document.createElement('div'), ...parts(ydoc, awareness), injectCSS: false })
    let clause = -1
    for (let i = 0; i < RENDER_TRIES && clause < 0; i++) {
      await nextTask()
      editor.state.doc.descendants((node, pos) => {
        if (node.type.name === 'clause') clause = pos + node.nodeSize - 1
        return clause < 0
      })
    }
    if (clause < 0) return
    const { view } = editor
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, clause)))
    // A task per key, as typed: a key the person presses meanwhile waits for one of them, not all.
    for (const key of KEYS) {
      press(view.dom, key)
      await nextTask()
    }
    performance.mark(TYPING_WARMED_MARK)
  } catch (err) {
    // Only speed is at stake: the draft's own editor types as it would have anyway.
    console.warn('Accord: the typing path could not be warmed', err)
  } finally {
    editor?.destroy()
    awareness.destroy()
    ydoc.destroy()
  }
}
