import { useMemo, useState } from 'react'
import type { ThreadView, WordingDecision } from '../../shared/api'
import { dateFormat } from '../i18n/dates'
import { useI18n } from '../i18n/i18n'
import { FormError } from '../ui/Field'
import { DiffText } from '../versions/DiffText'
import type { CommentsController } from './CommentsController'
import { wordingView } from './wordingView'
import { useFailure } from '../ui/useFailure'

/**
 * A thread's proposed wording on its card: the changes to the quoted words (inserted and deleted
 * words marked as in the comparison view, all as text), its state, and — for editors, while
 * open — Accept and Decline. A refusal (the words changed since) is said in words here; the focus
 * stays in the list (useKeepListFocus) when the buttons go after a decision.
 */
export function WordingProposal({ thread, controller }: { thread: ThreadView; controller: CommentsController }) {
  const { t, language } = useI18n()
  const [busy, setBusy] = useState<WordingDecision | null>(null)
  const [error, setError] = useFailure()
  const view = useMemo(() => {
    const time = dateFormat(language)
    return wordingView(thread, t, (iso) => time.format(new Date(iso)))
  }, [thread, t, language])
  if (!view) return null
  const decide = async (decision: WordingDecision) => {
    if (busy) return
    setBusy(decision)
    setError(null)
    try {
      await controller.decideWording(thread.id, decision)
    } catch (err) {
      setError(err)
    } finally {
      setBusy(null)
    }
  }
  return (
    <div className="thread-proposal" data-testid="thread-proposal" data-proposal-status={view.status}>
      <p className="small proposal-head">
        <strong>{t('comments.proposal')}</strong>{' '}
        <span className={`proposal-state state-${view.status}`} data-testid="proposal-state">
          {view.state}
        </span>
      </p>
      <div className="proposal-diff" role="group" aria-label={t('comments.proposalChanges')} data-testid="proposal-diff">
        <DiffText segments={view.segments} />
      </div>
      <FormError message={error} />
      {view.canDecide && (
        <div className="proposal-actions" onClick={(e) => e.stopPropagation()}>
          <button type="button" className="primary" title={t('comments.acceptHint')} aria-disabled={busy !== null} data-testid="proposal-accept" onClick={() => void decide('accept')}>
            {busy === 'accept' ? t('comments.deciding') : t('comments.accept')}
          </button>
          <button type="button" aria-disabled={busy !== null} data-testid="proposal-decline" onClick={() => void decide('decline')}>
            {busy === 'decline' ? t('comments.deciding') : t('comments.decline')}
          </button>
        </div>
      )}
    </div>
  )
}
