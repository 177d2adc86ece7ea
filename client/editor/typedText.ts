import { Plugin, PluginKey } from '@tiptap/pm/state'
import { toolbarHeight } from './stickyToolbar'
import { sheetHeight } from './sheetHeight'

/** The first and last UTF-16 surrogates: half a character, which keypress never should carry alone. */
const SURROGATES = [0xd800, 0xdfff] as const

/** How far inside the window's edges (below the sticky toolbar, above the panels' sheet in one column) the caret must be for a typed character to need no scrolling: a line or two. */
const IN_VIEW_MARGIN_PX = 48

/**
 * Whether the caret is well inside the window, so that one more character (even one that wraps
 * the line) leaves it in view: then the insertion need not scroll to it, which has ProseMirror
 * measure the caret's position anew (~0.4 ms a keystroke). One measurement of the browser's
 * own caret, whose layout the last frame left clean. False where there is no caret box to
 * measure (an empty line): ProseMirror decides.
 */
function caretWellInView(): boolean {
  const selection = document.getSelection()
  if (!selection || selection.rangeCount === 0) return false
  const rect = selection.getRangeAt(0).getBoundingClientRect()
  if (rect.height === 0) return false
  return rect.top >= toolbarHeight() + IN_VIEW_MARGIN_PX && rect.bottom <= window.innerHeight - sheetHeight() - IN_VIEW_MARGIN_PX
}

/**
 * A typed character is inserted by ProseMirror, not by the browser. Left to the browser, each
 * keystroke runs Chromium's editing command and then ProseMirror reads the changed DOM back and
 * parses it into a transaction; inserting it ourselves skips both (keypress → painted frame
 * p50 12.0 → 10.4 ms on the 300-article law, runs alternating; 10.8 → 10.3 ms more where the
 * caret is well in view and is not measured to be scrolled to). It is what ProseMirror itself
 * does on keypress whenever the selection is not a caret or range inside one text block, with
 * the same handleTextInput hooks; composition (IME) input never reaches here (ProseMirror checks
 * it before calling handleKeyPress), and neither does a read-only editor.
 */
export function typedTextPlugin(): Plugin {
  return new Plugin({
    key: new PluginKey('typedText'),
    props: {
      handleKeyPress(view, event) {
        const code = event.charCode
        if (!code || (event.ctrlKey && !event.altKey) || event.metaKey) return false
        if (code >= SURROGATES[0] && code <= SURROGATES[1]) return false
        const text = String.fromCharCode(code)
        if (/[\r\n]/.test(text)) return false // Enter is a structural command (legalEditing)
        const { $from, $to } = view.state.selection
        if (!$from.parent.inlineContent) return false
        const scroll = !caretWellInView()
        const insert = () => {
          const tr = view.state.tr.insertText(text)
          return scroll ? tr.scrollIntoView() : tr
        }
        if (!view.someProp('handleTextInput', (f) => f(view, $from.pos, $to.pos, text, insert))) view.dispatch(insert())
        return true
      },
    },
  })
}
