import { useEffect, useState, type ReactNode } from 'react'
import { flushSync } from 'react-dom'
import type { Editor } from '@tiptap/react'
import type { Language } from '../../shared/language'
import { useI18n } from '../i18n/i18n'
import { FindBar } from './FindBar'
import { SHORTCUTS } from './legalEditing'
import { shortcutText } from './ShortcutsDialog'
import { onFindRequest, type FindRequest } from './findRequest'

/**
 * The find bar and the button that opens it, for the toolbar and for the read-only bar of
 * reviewers and observers alike (`editor` null: not here, the other one has it). `language`:
 * the draft's, for the marks typed into "Replace with".
 */
export function useFindBar(editor: Editor | null, language: Language): { button: ReactNode; bar: ReactNode } {
  const { t } = useI18n()
  // How many times it was asked for (0: closed): asked again, it starts afresh with the words selected now.
  const [asked, setAsked] = useState(0)
  // What it was asked to look for (the glossary's "Find uses"); null: the words selected.
  const [request, setRequest] = useState<FindRequest | null>(null)
  const ask = (wanted: FindRequest | null) => {
    setRequest(wanted)
    setAsked((n) => n + 1)
  }
  useEffect(() => (editor ? onFindRequest(ask) : undefined), [editor])
  // Ctrl+F and Ctrl+H anywhere on the draft's page (the text, or nothing focused; not a field
  // of another form, where the browser's own find stays): Accord's bar, which replaces and takes
  // ё for е, in place of the browser's. Opened within the key's task, so typing lands in it.
  useEffect(() => {
    if (!editor) return
    const onKey = (event: KeyboardEvent) => {
      // The physical key too: on a Russian layout F and H type «а» and «р».
      const key = event.key.toLowerCase()
      const findKey = key === 'f' || key === 'h' || event.code === 'KeyF' || event.code === 'KeyH'
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey || !findKey) return
      // A dialog or full-window view (a version, a comparison) over the draft: the browser's find, for what it shows.
      if (document.querySelector('[aria-modal="true"]')) return
      const field = event.target instanceof Element ? event.target.closest('input, textarea, select, [contenteditable="true"]') : null
      if (field && !editor.view.dom.contains(field) && !field.closest('.find-bar')) return
      event.preventDefault()
      flushSync(() => ask(null))
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [editor])
  const button = (
    <button
      type="button"
      data-testid="open-find"
      disabled={!editor}
      title={`${t('find.title')} (${shortcutText(SHORTCUTS.find)}, ${shortcutText(SHORTCUTS.replace)})`}
      onMouseDown={(e) => e.preventDefault() /* keep the selection: its words are looked for */}
      onClick={() => ask(null)}
    >
      {t('find.title')}
    </button>
  )
  const bar = asked > 0 && editor && (
    <FindBar
      key={asked}
      editor={editor}
      language={language}
      initial={request}
      onClose={() => {
        setAsked(0)
        editor.view.focus()
      }}
    />
  )
  return { button, bar }
}
