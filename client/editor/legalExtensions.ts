import type { EditorOptions, Extensions } from '@tiptap/core'
import Collaboration from '@tiptap/extension-collaboration'
import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import type * as Y from 'yjs'
import type { Awareness } from 'y-protocols/awareness'
import { legalNodes } from '../../shared/schema'
import { TEXT_FIELD } from '../../shared/protocol'
import type { Language } from '../../shared/language'
import type { Identity } from '../auth/session'
import type { Translate } from '../i18n/i18n'
import { LegalEditing } from './legalEditing'
import { renderCaret } from './caret'
import { caretAwareness } from './caretAwareness'
import { mapCaretsThroughRemoteTyping } from './caretMapping'
import { ownCaretAfterFrame } from './ownCaretAfterFrame'
import { installIncrementalBinding } from './incrementalBinding'
import { undoSelectionOfLocalChangesOnly } from './undoSelection'
import { undoStepsPlugin } from './undoSteps'
import { localSyncAfterFrame } from './localSyncAfterFrame'

installIncrementalBinding()

const Carets = CollaborationCaret.extend({
  addProseMirrorPlugins() {
    return (this.parent?.() ?? []).map((plugin) => ownCaretAfterFrame(mapCaretsThroughRemoteTyping(plugin, this.options.provider.awareness)))
  },
})

const Collab = Collaboration.extend({
  addProseMirrorPlugins() {
    return [...(this.parent?.() ?? []).map((plugin) => localSyncAfterFrame(undoSelectionOfLocalChangesOnly(plugin))), undoStepsPlugin()]
  },
})

/**
 * TipTap's own extensions the law's editor runs without. `delete` reports deleted content as
 * 'delete' events, which nothing here listens to; it does so from a timer it sets on every
 * change, which ran between each keystroke's frame and the task after it: ~0.4 ms a keystroke
 * (up to 8 ms waiting for a core), in 200 traced keys.
 */
const CORE_EXTENSIONS = { delete: false } as const

/** What the law's editor is made of: for the draft's editor and for the scratch one that warms its typing path alike. */
export type LegalEditorParts = Pick<EditorOptions, 'extensions' | 'enableCoreExtensions'>

export interface LegalExtensionsOptions {
  ydoc: Y.Doc
  awareness: Awareness
  identity: Identity
  language: Language
  t: Translate
}

/** Everything the law's editor is made of, bound to `ydoc` and `awareness`. */
export function legalEditorParts(options: LegalExtensionsOptions): LegalEditorParts {
  return { extensions: legalExtensions(options), enableCoreExtensions: CORE_EXTENSIONS }
}

function legalExtensions({ ydoc, awareness, identity, language, t }: LegalExtensionsOptions): Extensions {
  return [
    ...legalNodes,
    LegalEditing.configure({
      language,
      placeholders: {
        lawTitle: t('editor.titlePlaceholder'),
        paragraph: t('editor.preamblePlaceholder'),
        conclusions: t('editor.conclusionsPlaceholder'),
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
    Collab.configure({ document: ydoc, field: TEXT_FIELD }),
    Carets.configure({
      provider: { awareness: caretAwareness(awareness) },
      user: { name: identity.name, organization: identity.organization, color: identity.color },
      render: renderCaret,
    }),
  ]
}
