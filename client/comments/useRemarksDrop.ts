import { useCallback, useState } from 'react'
import { DOCX_CONTENT_TYPE } from '../../shared/apiConstants'
import { useFileDrop } from '../import/useFileDrop'
import { topDialog } from '../ui/useModalDialog'

/** The remarks dialog's element (WordRemarksDialog): a file dropped on it replaces the one it read. */
const REMARKS_DIALOG = '[data-testid="word-remarks-dialog"]'

/**
 * A ministry's Word file dropped on the draft's page goes to "Remarks from a Word file", for those
 * who may comment. Files of other types are refused while dragged (no hint, the pointer says no),
 * as they are over another dialog; a file whose system names no type is taken, and the dialog
 * says in words if it is not a .docx.
 */
export function useRemarksDrop(canComment: boolean, showComments: () => void) {
  const [dropped, setDropped] = useState<File | null>(null)
  const accepts = useCallback(
    (types: readonly string[]) => {
      const dialog = topDialog()
      return canComment && (!dialog || dialog.matches(REMARKS_DIALOG)) && types.length > 0 && types.every((type) => type === '' || type === DOCX_CONTENT_TYPE)
    },
    [canComment],
  )
  const over = useFileDrop((file) => {
    showComments()
    setDropped(file)
  }, accepts)
  const taken = useCallback(() => setDropped(null), [])
  return { over, dropped, taken }
}
