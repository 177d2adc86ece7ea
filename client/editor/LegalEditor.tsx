import { useEffect } from 'react'
import { EditorContent, useEditor, type Editor } from '@tiptap/react'
import Collaboration from '@tiptap/extension-collaboration'
import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import { legalNodes } from '../../shared/schema'
import { TEXT_FIELD } from '../../shared/protocol'
import type { Language } from '../../shared/language'
import type { CollabSession } from '../collab/session'
import type { Identity } from '../auth/session'
import { useI18n } from '../i18n/i18n'
import { LegalEditing } from './legalEditing'
import { renderCaret } from './caret'
import { caretAwareness } from './caretAwareness'
import { mapCaretsThroughRemoteTyping } from './caretMapping'
import { ownCaretAfterFrame } from './ownCaretAfterFrame'
import { installIncrementalBinding } from './incrementalBinding'
import { undoSelectionOfLocalChangesOnly } from './undoSelection'
import { undoStepsPlugin } from './undoSteps'
import { caretScrollMargins } from './stickyToolbar'
import { TEXT_ID } from './SkipToText'

installIncrementalBinding()

const Carets = CollaborationCaret.extend({
  addProseMirrorPlugins() {
    return (this.parent?.() ?? []).map((plugin) => ownCaretAfterFrame(mapCaretsThroughRemoteTyping(plugin, this.options.provider.awareness)))
  },
})

const Collab = Collaboration.extend({
  addProseMirrorPlugins() {
    return [...(this.parent?.() ?? []).map(undoSelectionOfLocalChangesOnly), undoStepsPlugin()]
  },
})

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
      extensions: [
        ...legalNodes,
        LegalEditing.configure({
          language,
          placeholders: {
            lawTitle: t('editor.titlePlaceholder'),
            paragraph: t('editor.preamblePlaceholder'),
            articleHeading: t('editor.headingPlaceholder'),
            chapter: t('editor.chapterPlaceholder'),
            section: t('editor.sectionPlaceholder'),
            part: t('editor.partPlaceholder'),
            clause: t('editor.textPlaceholder'),
            point: t('editor.textPlaceholder'),
            subpoint: t('editor.textPlaceholder'),
          },
          xrefWords: { broken: t('xref.broken'), goTo: t('xref.goTo') },
        }),
        Collab.configure({ document: session.ydoc, field: TEXT_FIELD }),
        Carets.configure({
          provider: { awareness: caretAwareness(session.provider.awareness) },
          user: { name: identity.name, organization: identity.organization, color: identity.color },
          render: renderCaret,
        }),
      ],
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

  return <EditorContent editor={editor} className="editor-scroll" />
}
