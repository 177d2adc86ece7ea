import type { ReactNode } from 'react'
import type { WordCommentThread } from '../../shared/import/wordComments'
import { clip } from '../../shared/clip'
import { useI18n } from '../i18n/i18n'

/** Threads listed in the preview; the rest are counted (the note above counts them all). */
const MAX_SHOWN = 50
const MAX_TEXT = 160

const clipped = (text: string) => clip(text, MAX_TEXT)

/**
 * What a Word file's comments, footnotes and tracked changes (when proposed) will become, before
 * the import is confirmed: each thread's words, its first comment with its Word author (a
 * change: the words it proposes), how many replies, whether it was done.
 * As text, as everything in the preview. `outcome`: what becomes of each in a draft the file was
 * sent back on, said after it (client/comments/WordRemarksDialog.tsx).
 */
export function WordCommentsPreview({ threads, heading, outcome }: { threads: readonly WordCommentThread[]; heading?: string; outcome?: (index: number) => ReactNode }) {
  const { t } = useI18n()
  if (threads.length === 0) return null
  const hidden = Math.max(0, threads.length - MAX_SHOWN)
  return (
    <div className="preview-preamble preview-word-comments" data-testid="preview-word-comments">
      <h3>{heading ?? t('import.wordComments')}</h3>
      <ul>
        {threads.slice(0, MAX_SHOWN).map((thread, i) => {
          const [first] = thread.comments
          const who = thread.note ? t(thread.note.kind === 'footnote' ? 'import.wordComments.footnote' : 'import.wordComments.endnote', { n: thread.note.number }) : first.author || t('import.wordComments.noAuthor')
          const replies = thread.comments.length - 1
          return (
            <li key={i} data-testid="preview-word-comment">
              <q className="muted">{clipped((thread.onInserted ?? thread.quote).replace(/\n/g, ' ') || thread.paragraph)}</q>
              {thread.proposal !== undefined ? (
                <>
                  {' → '}<q>{clipped(thread.proposal)}</q> — <strong>{who}</strong>
                </>
              ) : (
                <> — <strong>{who}</strong>: {clipped(first.text)}</>
              )}
              {replies > 0 && <span className="muted"> {t('import.wordComments.replies', { n: replies })}</span>}
              {thread.resolved && !outcome && <span className="muted"> {t('import.wordComments.done')}</span>}
              {outcome?.(i)}
            </li>
          )
        })}
      </ul>
      {hidden > 0 && <p className="muted">{t('import.more', { n: hidden })}</p>}
    </div>
  )
}
