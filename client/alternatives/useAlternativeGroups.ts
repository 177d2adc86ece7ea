import { useCallback, useState } from 'react'
import type { Editor } from '@tiptap/react'
import type { Language } from '../../shared/language'
import { alternativesOfDoc, type AlternativeGroup } from '../../shared/alternatives/inDocument'
import { useDocReading } from '../editor/useDocReading'

/** After typing pauses this long (and at the latest this long into continuous typing), groups are found again. */
const QUIET_MS = 400
const MAX_WAIT_MS = 2000

/**
 * The draft's groups of alternatives, for the panel while it is open (nothing runs while it is
 * closed). A change to the text only notes its time; the draft is read again once typing pauses,
 * and then only blocks that changed are scanned (shared/alternatives/inDocument.ts).
 */
export function useAlternativeGroups(editor: Editor | null, language: Language): AlternativeGroup[] | null {
  const [groups, setGroups] = useState<AlternativeGroup[] | null>(null)
  const read = useCallback(() => {
    if (editor && !editor.isDestroyed) setGroups(alternativesOfDoc(editor.state.doc, language))
  }, [editor, language])
  useDocReading(editor, read, QUIET_MS, MAX_WAIT_MS)
  return groups
}
