import { Extension, InputRule, type Editor } from '@tiptap/core'
import { Plugin, PluginKey, type Command } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import type { Language } from '../../shared/language'
import { labelAhead, numberingPlugin } from '../../shared/editor/numberingPlugin'
import { stableIdPlugin } from '../../shared/editor/idPlugin'
import { cutShellsPlugin } from '../../shared/editor/cutShells'
import {
  deleteStructural,
  insertArticle,
  insertBodyBlock,
  insertChapter,
  insertSection,
  insertPart,
  moveStructural,
  splitStructural,
} from '../../shared/editor/commands'
import { selectDocumentEdge } from '../../shared/editor/documentEdges'
import { backspaceAtBoundary, deleteAtBoundary } from '../../shared/editor/blockBoundaries'
import { goToConclusions } from '../../shared/editor/conclusions'
import { applyTypedMarker, TYPED_MARKER } from '../../shared/editor/typedMarkers'
import { SPACED_HYPHEN, typographicDash, typographicQuote } from '../../shared/editor/typography'
import { structuredPastePlugin } from './structuredPaste'
import { currentArticlePlugin } from './currentArticle'
import { typedTextPlugin } from './typedText'
import { goToSelectedXref, xrefPlugin, type XrefWords } from './xrefView'
import { lostReferencesPlugin } from './lostReferencesPlugin'
import { caretMovedPlugin } from './caretMovedPlugin'
import { findHighlightPlugin } from './findHighlight'
import { canInsertXref } from '../../shared/editor/xrefCommands'
import { tabInTextPlugin } from './tabInText'
import { unfocusedSelectionPlugin } from './unfocusedSelection'

/** Fired on the editor's element by the cross-reference shortcut; the toolbar opens its dialog. */
export const OPEN_XREF_DIALOG = 'accord-open-xref-dialog'
/** Asks the page to show the definition of the term at the caret (TermPeek). */
export const OPEN_TERM_PEEK = 'accord-open-term-peek'

export interface LegalEditingOptions {
  language: Language
  /** Placeholder text per node type name, shown in the empty block under the cursor. */
  placeholders: Record<string, string>
  xrefWords: XrefWords
}

/** Runs a ProseMirror command on the editor, for toolbar buttons and shortcuts. */
export function run(editor: Editor, command: Command): boolean {
  const done = command(editor.state, editor.view.dispatch, editor.view)
  if (done) editor.view.focus()
  return done
}

/** Keyboard shortcuts, also listed in the shortcuts dialog and toolbar tooltips. */
export const SHORTCUTS = {
  chapter: 'Mod-Alt-1',
  section: 'Mod-Alt-7',
  part: 'Mod-Alt-8',
  article: 'Mod-Alt-2',
  clause: 'Mod-Alt-3',
  point: 'Mod-Alt-4',
  subpoint: 'Mod-Alt-5',
  conclusions: 'Mod-Alt-9',
  moveUp: 'Alt-Shift-ArrowUp',
  moveDown: 'Alt-Shift-ArrowDown',
  delete: 'Mod-Shift-Backspace',
  xref: 'Mod-Alt-6',
  definition: 'Mod-Alt-0',
  // Bound on the draft's page, not in the text: readers' text never has the focus (useFindBar).
  find: 'Mod-f',
  replace: 'Mod-h',
} as const

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)

/**
 * The start and end of the law (see selectDocumentEdge), with Shift extending the selection.
 * On a Mac these are also ⌘↑ and ⌘↓; elsewhere Ctrl+Up/Down move by paragraph and stay the browser's.
 */
function documentEdgeKeys(bind: (command: Command) => () => boolean): Record<string, () => boolean> {
  const keys: Record<string, () => boolean> = {}
  for (const [home, end] of isMac ? [['Home', 'End'], ['ArrowUp', 'ArrowDown']] : [['Home', 'End']]) {
    keys[`Mod-${home}`] = bind(selectDocumentEdge('start'))
    keys[`Mod-${end}`] = bind(selectDocumentEdge('end'))
    keys[`Shift-Mod-${home}`] = bind(selectDocumentEdge('start', true))
    keys[`Shift-Mod-${end}`] = bind(selectDocumentEdge('end', true))
  }
  return keys
}

/** The keys TipTap's own keymap deletes backward and forward with, each first asked whether a structural boundary is there. */
const BACKWARD_KEYS = ['Backspace', 'Mod-Backspace', 'Shift-Backspace', ...(isMac ? ['Ctrl-h', 'Alt-Backspace'] : [])]
const FORWARD_KEYS = ['Delete', 'Mod-Delete', ...(isMac ? ['Ctrl-d', 'Ctrl-Alt-Backspace', 'Alt-Delete', 'Alt-d'] : [])]

function boundaryKeys(editor: Editor, bind: (command: Command) => () => boolean): Record<string, () => boolean> {
  // Right after a typed "1) " made a point, Backspace gives the typed marker back, as TipTap's own Backspace would.
  const backward = () => editor.commands.undoInputRule() || bind(backspaceAtBoundary)()
  return Object.fromEntries([
    ...BACKWARD_KEYS.map((key) => [key, backward]),
    ...FORWARD_KEYS.map((key) => [key, bind(deleteAtBoundary)]),
  ])
}

const placeholderKey = new PluginKey('placeholder')

/** The hint's element: its words drawn by CSS from an attribute, as a pseudo-element's were, so they are no text of the law. */
function placeholderElement(text: string): HTMLElement {
  const span = document.createElement('span')
  span.className = 'placeholder'
  span.dataset.placeholder = text
  span.contentEditable = 'false'
  return span
}

/**
 * Shows a hint in the empty block under the cursor, and in an empty title. The hint is a widget
 * after the caret, not the block's ::after: that came after ProseMirror's trailing <br>, so the
 * hint stood on a line of its own and the block shrank by a line at the first key typed.
 */
function placeholderPlugin(placeholders: Record<string, string>): Plugin {
  return new Plugin({
    key: placeholderKey,
    props: {
      decorations(state) {
        const decorations: Decoration[] = []
        const add = (pos: number, node: typeof state.doc, name = node.type.name) => {
          const text = placeholders[name]
          if (text && node.isTextblock && node.content.size === 0) {
            decorations.push(Decoration.widget(pos + 1, () => placeholderElement(text), { side: 1, key: `placeholder:${text}`, ignoreSelection: true }))
          }
        }
        const title = state.doc.firstChild
        if (title) add(0, title)
        const { $from } = state.selection
        // A paragraph of the conclusions is not the preamble's: it has a hint of its own.
        const inConclusions = $from.depth > 1 && $from.node(1).type.name === 'conclusions'
        if ($from.parent.isTextblock && $from.depth > 0 && $from.before() !== 0) add($from.before(), $from.parent, inConclusions ? 'conclusions' : undefined)
        return decorations.length ? DecorationSet.create(state.doc, decorations) : null
      },
    },
  })
}

/** Numbering, stable ids, structure commands and their shortcuts, bound to TipTap. */
export const LegalEditing = Extension.create<LegalEditingOptions>({
  name: 'legalEditing',
  priority: 1000,
  addOptions: () => ({ language: 'en', placeholders: {}, xrefWords: { broken: '', goTo: '' } }),
  onBeforeCreate() {
    this.editor.on('beforeTransaction', ({ nextState }) => {
      if (!this.editor.isDestroyed) labelAhead(this.editor.view, nextState)
    })
  },
  addProseMirrorPlugins() {
    return [
      numberingPlugin(this.options.language),
      stableIdPlugin(),
      cutShellsPlugin(),
      placeholderPlugin(this.options.placeholders),
      structuredPastePlugin(this.options.language),
      currentArticlePlugin(),
      typedTextPlugin(),
      xrefPlugin(this.options.language, this.options.xrefWords),
      lostReferencesPlugin(this.options.language),
      caretMovedPlugin(),
      findHighlightPlugin(),
      unfocusedSelectionPlugin(),
      tabInTextPlugin(),
    ]
  },
  addInputRules() {
    const { language } = this.options
    return [
      // "1) ", "(a) ", "а) " typed at a block's start: the block becomes that kind, the number shown is Accord's.
      new InputRule({ find: TYPED_MARKER, handler: ({ state, range, match }) => (applyTypedMarker(state.tr, range.from, range.to, match[1], language) ? undefined : null) }),
      new InputRule({
        find: /["']$/,
        handler: ({ state, range, match }) => {
          const $from = state.doc.resolve(range.from)
          // A cross-reference before the caret reads as the number it shows: a quotation after it closes.
          const before = state.doc.textBetween($from.start(), range.from, '', '0')
          state.tr.insertText(typographicQuote(before, match[0] as '"' | "'", language), range.from, range.to)
        },
      }),
      new InputRule({
        find: SPACED_HYPHEN,
        handler: ({ state, range }) => {
          state.tr.insertText(`${typographicDash(language)} `, range.from + 2, range.to)
        },
      }),
    ]
  },
  addKeyboardShortcuts() {
    const bind = (command: Command) => () => run(this.editor, command)
    return {
      Enter: () => goToSelectedXref(this.editor.view, this.options.language) || run(this.editor, splitStructural),
      // The law's blocks hold no line breaks: Shift+Enter, a line break in Word, does what Enter does rather than nothing.
      'Shift-Enter': () => run(this.editor, splitStructural),
      [SHORTCUTS.xref]: () => {
        const { view } = this.editor
        if (!view.editable || !canInsertXref(view.state)) return false
        view.dom.dispatchEvent(new CustomEvent(OPEN_XREF_DIALOG, { bubbles: true }))
        return true
      },
      [SHORTCUTS.definition]: () => {
        this.editor.view.dom.dispatchEvent(new CustomEvent(OPEN_TERM_PEEK))
        return true
      },
      [SHORTCUTS.chapter]: bind(insertChapter),
      [SHORTCUTS.section]: bind(insertSection),
      [SHORTCUTS.part]: bind(insertPart),
      [SHORTCUTS.article]: bind(insertArticle),
      [SHORTCUTS.clause]: bind(insertBodyBlock('clause')),
      [SHORTCUTS.point]: bind(insertBodyBlock('point')),
      [SHORTCUTS.subpoint]: bind(insertBodyBlock('subpoint')),
      [SHORTCUTS.conclusions]: bind(goToConclusions),
      [SHORTCUTS.moveUp]: bind(moveStructural(-1)),
      [SHORTCUTS.moveDown]: bind(moveStructural(1)),
      [SHORTCUTS.delete]: bind(deleteStructural),
      ...documentEdgeKeys(bind),
      ...boundaryKeys(this.editor, bind),
    }
  },
})
