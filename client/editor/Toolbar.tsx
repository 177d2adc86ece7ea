import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react'
import { flushSync } from 'react-dom'
import type { Editor } from '@tiptap/react'
import type { Command } from '@tiptap/pm/state'
import {
  deleteStructural,
  insertArticle,
  insertBodyBlock,
  insertChapter,
  insertSection,
  insertPart,
  moveStructural,
  shiftLevel,
} from '../../shared/editor/commands'
import { xrefAllowed } from '../../shared/editor/xrefCommands'
import { goToConclusions } from '../../shared/editor/conclusions'
import type { Language } from '../../shared/language'
import { useI18n } from '../i18n/i18n'
import type { MessageKey } from '../i18n/en'
import { OPEN_XREF_DIALOG, run, SHORTCUTS } from './legalEditing'
import { XrefDialog } from './XrefDialog'
import { useFindBar } from './useFindBar'
import { LostReferencesNotice } from './LostReferencesNotice'
import { CaretMovedNotice } from './CaretMovedNotice'
import { ShortcutsDialog, shortcutText } from './ShortcutsDialog'
import { followToolbarHeight } from './stickyToolbar'
import { useCommandsEnabled } from './useCommandsEnabled'

interface Action {
  key: MessageKey
  command: Command
  shortcut?: string
  testId: string
}

const STRUCTURE: Action[] = [
  { key: 'toolbar.part', command: insertPart, shortcut: SHORTCUTS.part, testId: 'add-part' },
  { key: 'toolbar.chapter', command: insertChapter, shortcut: SHORTCUTS.chapter, testId: 'add-chapter' },
  { key: 'toolbar.section', command: insertSection, shortcut: SHORTCUTS.section, testId: 'add-section' },
  { key: 'toolbar.article', command: insertArticle, shortcut: SHORTCUTS.article, testId: 'add-article' },
  { key: 'toolbar.clause', command: insertBodyBlock('clause'), shortcut: SHORTCUTS.clause, testId: 'add-clause' },
  { key: 'toolbar.point', command: insertBodyBlock('point'), shortcut: SHORTCUTS.point, testId: 'add-point' },
  { key: 'toolbar.subpoint', command: insertBodyBlock('subpoint'), shortcut: SHORTCUTS.subpoint, testId: 'add-subpoint' },
  { key: 'toolbar.conclusions', command: goToConclusions, shortcut: SHORTCUTS.conclusions, testId: 'conclusions' },
]

const ARRANGE: Action[] = [
  { key: 'toolbar.outdent', command: shiftLevel(-1), shortcut: 'Shift-Tab', testId: 'outdent' },
  { key: 'toolbar.indent', command: shiftLevel(1), shortcut: 'Tab', testId: 'indent' },
  { key: 'toolbar.moveUp', command: moveStructural(-1), shortcut: SHORTCUTS.moveUp, testId: 'move-up' },
  { key: 'toolbar.moveDown', command: moveStructural(1), shortcut: SHORTCUTS.moveDown, testId: 'move-down' },
  { key: 'toolbar.delete', command: deleteStructural, shortcut: SHORTCUTS.delete, testId: 'delete-block' },
]

const COMMANDS = [...STRUCTURE, ...ARRANGE].map((action) => action.command).concat(xrefAllowed)

/** `children`: a last group of controls that are not structure commands (e.g. "Comment"). */
export function Toolbar({ editor, language, children }: { editor: Editor | null; language: Language; children?: ReactNode }) {
  const { t } = useI18n()
  const [showShortcuts, setShowShortcuts] = useState(false)
  const [showXref, setShowXref] = useState(false)
  const find = useFindBar(editor, language)
  // The shortcut is bound in the editor (legalEditing), which asks for the dialog with an event.
  useEffect(() => {
    const dom = editor?.view.dom
    if (!dom) return
    // Drawn within the shortcut's own task, as a React key handler's update would be: an Escape
    // pressed right after it then finds the dialog (a custom event gets React's default, later, lane).
    const open = () => flushSync(() => setShowXref(true))
    dom.addEventListener(OPEN_XREF_DIALOG, open)
    return () => dom.removeEventListener(OPEN_XREF_DIALOG, open)
  }, [editor])
  const toolbar = useRef<HTMLDivElement>(null)
  useLayoutEffect(() => (toolbar.current ? followToolbarHeight(toolbar.current) : undefined), [])
  // A command that would do nothing here (a sub-point under a paragraph, say) has its button disabled.
  const enabled = useCommandsEnabled(editor, COMMANDS)
  const button = (action: Action) => (
    <button
      key={action.testId}
      type="button"
      data-testid={action.testId}
      disabled={!editor || (enabled & (1 << COMMANDS.indexOf(action.command))) === 0}
      title={action.shortcut ? `${t(action.key)} (${shortcutText(action.shortcut)})` : t(action.key)}
      onMouseDown={(e) => e.preventDefault() /* keep the selection in the text */}
      onClick={() => editor && run(editor, action.command)}
    >
      {t(action.key)}
    </button>
  )
  return (
    <div ref={toolbar} className="toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      <div className="toolbar-buttons">
        <div className="toolbar-group">{STRUCTURE.map(button)}</div>
        <div className="toolbar-group">{ARRANGE.map(button)}</div>
        <div className="toolbar-group">
          <button
            type="button"
            data-testid="insert-xref"
            aria-haspopup="dialog"
            disabled={!editor || !editor.isEditable || (enabled & (1 << COMMANDS.indexOf(xrefAllowed))) === 0}
            title={`${t('toolbar.xref')} (${shortcutText(SHORTCUTS.xref)})`}
            onMouseDown={(e) => e.preventDefault() /* keep the caret where the reference goes */}
            onClick={() => setShowXref(true)}
          >
            {t('toolbar.xref')}
          </button>
        </div>
        <div className="toolbar-group">
          <button type="button" data-testid="undo" disabled={!editor} title={`${t('toolbar.undo')} (${shortcutText('Mod-z')})`} onClick={() => editor?.chain().focus().undo().run()}>
            {t('toolbar.undo')}
          </button>
          <button type="button" data-testid="redo" disabled={!editor} title={`${t('toolbar.redo')} (${shortcutText('Mod-Shift-z')})`} onClick={() => editor?.chain().focus().redo().run()}>
            {t('toolbar.redo')}
          </button>
          {find.button}
          <button type="button" onClick={() => setShowShortcuts(true)} aria-haspopup="dialog">
            {t('toolbar.shortcuts')}
          </button>
        </div>
        {children && <div className="toolbar-group">{children}</div>}
      </div>
      {find.bar}
      <LostReferencesNotice editor={editor} />
      <CaretMovedNotice editor={editor} language={language} />
      {showShortcuts && <ShortcutsDialog onClose={() => setShowShortcuts(false)} />}
      {showXref && editor && (
        <XrefDialog
          editor={editor}
          language={language}
          onClose={() => {
            setShowXref(false)
            editor.view.focus()
          }}
        />
      )}
    </div>
  )
}
