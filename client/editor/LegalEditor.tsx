import { useEffect } from 'react'
import { EditorContent, useEditor, type Editor } from '@tiptap/react'
import type { Language } from '../../shared/language'
import type { CollabSession } from '../collab/session'
import type { Identity } from '../auth/session'
import { useI18n } from '../i18n/i18n'
import { afterNextFrame } from '../ui/afterFrame'
import { legalEditorParts } from './legalExtensions'
import { warmTypingPath } from './warmTyping'
import { caretScrollMargins } from './stickyToolbar'
import { TEXT_ID } from './SkipToText'

/**
 * At most this long after the draft is shown, the typing path is warmed even if the page is not
 * idle: co-authors' edits keep a busy draft from idling for long, and a first key pressed during
 * the warming waits for its ~25 ms task.
 */
const WARM_WITHIN_MS = 300

const whenIdle = (fn: () => void): void => {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(fn, { timeout: WARM_WITHIN_MS })
  else setTimeout(fn, 0)
}

interface Props {
  session: CollabSession
  identity: Identity
  language: Language
  /** Initial editability; the page updates it when the server reports the role. */
  editable: boolean
  onEditor: (editor: Editor | null) => void
}

export function LegalEditor({ session, identity, language, editable, onEditor }: Props) {
  const { t } = useI18n()
  const editor = useEditor(
    {
      ...legalEditorParts({ ydoc: session.ydoc, awareness: session.provider.awareness, identity, language, t }),
      editable,
      editorProps: {
        attributes: { id: TEXT_ID, class: `legal-text lang-${language}`, lang: language, spellcheck: 'true', 'aria-label': t('editor.text') },
        // The caret kept in view below the sticky toolbar, however many rows it has.
        scrollThreshold: caretScrollMargins,
        scrollMargin: caretScrollMargins,
      },
    },
    [session, language, t],
  )

  useEffect(() => {
    onEditor(editor)
    return () => onEditor(null)
  }, [editor, onEditor])

  // Once the draft is shown and the page idle, the first keystrokes' code is made ready (see warmTyping.ts).
  useEffect(() => {
    if (!editor) return
    const { provider } = session
    const warm = () =>
      afterNextFrame(() =>
        whenIdle(() => {
          // Once per page (warmTypingPath's own guard), and not for an editor gone or read-only meanwhile.
          if (!editor.isDestroyed && editor.isEditable) void warmTypingPath((ydoc, awareness) => legalEditorParts({ ydoc, awareness, identity, language, t }))
        }),
      )
    const onSync = (synced: boolean) => {
      if (!synced) return
      provider.off('sync', onSync)
      warm()
    }
    if (provider.synced) warm()
    else provider.on('sync', onSync)
    return () => provider.off('sync', onSync)
  }, [editor, session, identity, language, t])

  return <EditorContent editor={editor} className="editor-scroll" />
}
