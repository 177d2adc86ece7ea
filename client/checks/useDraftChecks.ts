import { useCallback, useState } from 'react'
import type { Editor } from '@tiptap/react'
import type { Language } from '../../shared/language'
import { checkDraft, type DraftIssue } from '../../shared/checks/draftChecks'
import { useDocReading } from '../editor/useDocReading'

/** After typing pauses this long (and at the latest this long into continuous typing), the draft is checked again. */
const QUIET_MS = 500
const MAX_WAIT_MS = 3000

/**
 * The draft's issues (shared/checks/draftChecks.ts), for the panel while it is open: nothing runs
 * while it is closed. A change to the text only notes its time; the draft is checked again once
 * typing pauses, and then only articles that changed are read again. `recheck` checks it now
 * (after one's own fix, which the list shows at once).
 */
export function useDraftChecks(editor: Editor | null, language: Language): { issues: DraftIssue[] | null; recheck: () => void } {
  const [issues, setIssues] = useState<DraftIssue[] | null>(null)
  const recheck = useCallback(() => {
    if (editor && !editor.isDestroyed) setIssues(checkDraft(editor.state.doc, language))
  }, [editor, language])
  useDocReading(editor, recheck, QUIET_MS, MAX_WAIT_MS)
  return { issues, recheck }
}
