import { useState } from 'react'
import type { Editor } from '@tiptap/react'
import { useI18n } from '../i18n/i18n'
import { lostReferencesKey } from './lostReferencesPlugin'
import { usePluginState } from './usePluginState'
import { CONCLUSIONS_PLACE } from '../../shared/places'

/**
 * Says so when a deletion leaves cross-references pointing at nothing (they show "[?]", perhaps
 * far from what was deleted), and where they are, with Undo at hand; read from the editor's
 * lostReferencesPlugin. Gone once the references are mended or the target is back, or when closed.
 */
export function LostReferencesNotice({ editor }: { editor: Editor | null }) {
  const { t } = useI18n()
  const [closed, setClosed] = useState(0)
  const lost = usePluginState(editor, lostReferencesKey)

  if (!editor || !lost || lost.targets.length === 0 || lost.seq === closed) return null
  const places = lost.places.map((place) => (place === CONCLUSIONS_PLACE ? t('xref.lostInConclusions') : place || t('xref.lostInPreamble'))).join(', ')
  return (
    <div className="notice lost-references" role="status" data-testid="lost-references">
      <span>{t('xref.lost', { places })}</span>
      <button type="button" onClick={() => editor.chain().focus().undo().run()}>{t('toolbar.undo')}</button>
      <button
        type="button"
        onClick={() => {
          // Back to the text at once, before the button goes (TipTap's focus waits for a frame).
          editor.view.focus()
          setClosed(lost.seq)
        }}
      >
        {t('common.close')}
      </button>
    </div>
  )
}
