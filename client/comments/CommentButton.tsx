import { useI18n } from '../i18n/i18n'
import { shortcutText } from '../editor/ShortcutsDialog'
import type { CommentsController } from './CommentsController'
import { COMMENT_SHORTCUT } from './useCommentsController'

/** "Comment" on the selected words (or, with nothing selected, on the article at the cursor). */
export function CommentButton({ controller, onCompose }: { controller: CommentsController | null; onCompose: () => void }) {
  const { t } = useI18n()
  return (
    <button
      type="button"
      data-testid="comment"
      disabled={!controller}
      title={`${t('comments.commentHint')} (${shortcutText(COMMENT_SHORTCUT)})`}
      onMouseDown={(e) => e.preventDefault() /* keep the selection in the text */}
      onClick={() => {
        controller?.compose()
        onCompose()
      }}
    >
      {t('comments.comment')}
    </button>
  )
}
