import { useMemo, useState } from 'react'
import { COMMENT_MAX_LENGTH } from '../../shared/apiConstants'
import { oneLine, wordingDiff } from '../../shared/comments/wording'
import { typesetInput } from '../ui/typesetInput'
import { useI18n } from '../i18n/i18n'
import { DiffText } from '../versions/DiffText'
import type { PlaceInfo, CommentsController, Composer } from './CommentsController'
import { composerTitle } from './composerTitle'
import { CommentForm } from './ThreadCard'
import { useEscapeAsk } from './useEscapeAsk'

/**
 * The new-thread box: what it is on, and the comment. On words of one block it also offers
 * "Propose new wording": a field holding the quoted words to change, with the changes shown
 * as they are typed; the thread is then started with the proposal (the comment says why).
 */
export function ThreadComposer({ composer, places, controller, refused = false }: { composer: Composer; places: ReadonlyMap<string, PlaceInfo>; controller: CommentsController; refused?: boolean }) {
  const { t } = useI18n()
  const passage = composer.kind === 'passage' ? composer.passage : null
  const [proposing, setProposing] = useState(false)
  const [wording, setWording] = useState(passage?.quote ?? '')
  const proposal = proposing && passage?.proposable ? wording.trim() : undefined
  const unchanged = proposal !== undefined && (proposal === '' || proposal === passage?.quote.trim())
  const escape = useEscapeAsk(!unchanged, () => controller.cancelCompose())
  const segments = useMemo(() => (proposal !== undefined && passage ? wordingDiff(passage.quote, proposal) : []), [proposal, passage])

  return (
    <div className="comment-composer" data-testid="comment-composer">
      <p className="small" data-testid="composer-title">{composerTitle(composer, places, t)}</p>
      {refused && (
        <p className="error small" role="alert" data-testid="composer-refused">
          {t('comments.noLongerAllowed')}
        </p>
      )}
      {passage && <blockquote className="thread-quote">{passage.quote}</blockquote>}
      {passage &&
        (passage.proposable ? (
          <label className="small inline composer-propose">
            <input type="checkbox" checked={proposing} data-testid="propose-toggle" onChange={(e) => setProposing(e.target.checked)} /> {t('comments.propose')}
          </label>
        ) : (
          <p className="muted small">{t('comments.proposeUnavailable')}</p>
        ))}
      {proposal !== undefined && (
        <div className="composer-wording">
          <textarea
            aria-label={t('comments.proposalLabel')}
            aria-describedby="composer-wording-hint"
            data-testid="proposal-text"
            value={wording}
            maxLength={COMMENT_MAX_LENGTH}
            rows={3}
            autoFocus
            // One line: the words replace words inside one paragraph (the server refuses line breaks).
            // Typed quotation marks and dashes as the editor makes them, so the proposal differs from the text by words only.
            onChange={(e) => {
              setWording(oneLine(typesetInput(e, controller.language)))
              escape.typed()
            }}
            onKeyDown={(e) => {
              if (e.key !== 'Escape') return
              e.preventDefault()
              escape.onEscape()
            }}
          />
          <p id="composer-wording-hint" className="muted small">
            {unchanged ? t('comments.proposalSame') : t('comments.proposeHint')}
          </p>
          {escape.notice}
          {!unchanged && (
            <div className="proposal-diff" role="group" aria-label={t('comments.proposalChanges')} data-testid="proposal-preview">
              <DiffText segments={segments} />
            </div>
          )}
        </div>
      )}
      <CommentForm
        label={proposal !== undefined ? t('comments.whyLabel') : t('comments.bodyLabel')}
        submitLabel={proposal !== undefined ? t('comments.proposalSubmit') : t('comments.submit')}
        autoFocus={!proposing}
        blocked={unchanged || refused}
        testId="new-comment"
        initial={composer.kind === 'article' ? composer.body : undefined}
        people={() => controller.people()}
        onSubmit={(body, mentions) => controller.submit(body, mentions, proposal)}
        onCancel={() => controller.cancelCompose()}
      />
    </div>
  )
}
