import { useMemo, useState } from 'react'
import type { Editor } from '@tiptap/react'
import type { EditorState } from '@tiptap/pm/state'
import { useI18n, wordsIn } from '../i18n/i18n'
import { whereOf } from '../checks/issueWords'
import { caretMovedKey } from './caretMovedPlugin'
import { usePluginState } from './usePluginState'
import { labelAt } from '../../shared/editor/numberingPlugin'
import { isBodyType } from '../../shared/schema'
import { placeIdOf, placesOf } from '../../shared/places'
import type { Language } from '../../shared/language'
import type { DraftIssue } from '../../shared/checks/draftChecks'

/** "Статья 9, заголовок", "Статья 3, пункт 3)": where `pos` stands, as the text numbers it. */
function caretPlace(state: EditorState, pos: number, language: Language): string {
  const $pos = state.doc.resolve(pos)
  if ($pos.depth < 1) return ''
  const top = $pos.node(1)
  const place = placesOf(state.doc, language).find((p) => p.id === placeIdOf(top.type.name, top.attrs.id))
  if (!place) return ''
  let blockKind: DraftIssue['blockKind'] = 'paragraph'
  let blockLabel = ''
  if (top.type.name === 'article' && $pos.depth >= 2) {
    const block = $pos.node(2)
    if ($pos.index(1) === 0) blockKind = 'heading'
    else if (isBodyType(block.type.name)) {
      blockKind = block.type.name
      blockLabel = labelAt(state, $pos.before(2)) ?? ''
    }
  }
  return whereOf({ place, blockKind, blockLabel }, wordsIn(language))
}

/**
 * Says so when a co-author deleted the block holding one's caret, and where the caret is now
 * (caretMovedPlugin): the next keys typed go there. Gone when closed or the caret leaves that block.
 */
export function CaretMovedNotice({ editor, language }: { editor: Editor | null; language: Language }) {
  const { t } = useI18n()
  const [closed, setClosed] = useState(0)
  const moved = usePluginState(editor, caretMovedKey)
  const seq = moved?.pos == null ? 0 : moved.seq
  // Where it was put, read once per displacement.
  const where = useMemo(() => (editor && seq && moved?.pos != null ? caretPlace(editor.state, moved.pos, language) : ''), [seq, editor, language])
  if (!editor || !seq || seq === closed) return null
  return (
    <div className="notice caret-moved" role="status" data-testid="caret-moved">
      <span>{where ? t('editor.caretMoved', { where }) : t('editor.caretMovedNowhere')}</span>
      <button
        type="button"
        onClick={() => {
          editor.view.focus()
          setClosed(seq)
        }}
      >
        {t('common.close')}
      </button>
    </div>
  )
}
