import { useId, useState, type FormEvent } from 'react'
import { needsText, POSITIONS, SEVERITY, type PositionKind } from '../../shared/agreement'
import { POSITION_TEXT_MAX } from '../../shared/apiConstants'
import type { OrganizationSummary, ProposalView } from '../../shared/api'
import { api } from '../api/http'
import { useI18n } from '../i18n/i18n'
import type { MessageKey } from '../i18n/en'
import { busyButton } from '../ui/busyButton'
import { FormError } from '../ui/Field'
import { useAction } from '../ui/useAction'
import { dateFormat } from '../i18n/dates'

interface ArticleChoice {
  articleId: string
  position: PositionKind
  text: string
}

const choiceKey = (p: PositionKind) => `agreement.choice.${p}` as MessageKey

/**
 * Records our organization's position on a proposed version: agree, agree with reservations or
 * object (with the text those need), and optionally a position per article chosen from the
 * version's articles. Starts from the organization's current position; recording again
 * replaces it (the earlier one stays in the history).
 */
export function PositionForm({ docId, proposal, organization, onRecorded }: {
  docId: string
  proposal: ProposalView
  organization: OrganizationSummary
  onRecorded: (view: ProposalView) => void
}) {
  const { t, language } = useI18n()
  const current = proposal.organizations.find((o) => o.organization.id === organization.id)?.current ?? null
  const [position, setPosition] = useState<PositionKind | null>(current?.position ?? null)
  const [text, setText] = useState(current?.text ?? '')
  const [articles, setArticles] = useState<ArticleChoice[]>(current?.articles.map((a) => ({ articleId: a.id, position: a.position, text: a.text })) ?? [])
  const [pick, setPick] = useState<ArticleChoice>({ articleId: '', position: 'reservations', text: '' })
  const { busy, error, run } = useAction()
  const ids = { article: useId(), articlePosition: useId() }
  const labelOf = new Map(proposal.articles.map((a) => [a.id, `${a.label} ${a.heading}`.trim()]))
  const available = proposal.articles.filter((a) => !articles.some((c) => c.articleId === a.id))
  const tooMild = position !== null && articles.some((a) => SEVERITY[a.position] > SEVERITY[position])
  const incomplete = position === null || (needsText(position) && !text.trim()) || articles.some((a) => needsText(a.position) && !a.text.trim())
  const pickReady = pick.articleId !== '' && (!needsText(pick.position) || pick.text.trim() !== '')

  function submit(event: FormEvent) {
    event.preventDefault()
    if (position === null || incomplete || tooMild) return
    void run(async () => {
      const view = await api.recordPosition(docId, proposal.id, {
        position,
        text: needsText(position) ? text : '',
        articles: articles.map((a) => ({ articleId: a.articleId, position: a.position, text: needsText(a.position) ? a.text : '' })),
      })
      onRecorded(view)
    })
  }

  function addArticle() {
    if (!pickReady) return
    setArticles([...articles, { ...pick, text: needsText(pick.position) ? pick.text : '' }])
    setPick({ articleId: '', position: pick.position, text: '' })
  }

  return (
    <form className="position-form" onSubmit={submit} aria-labelledby="position-form-title" data-testid="position-form">
      <h3 id="position-form-title">{t('agreement.recordTitle', { org: organization.name })}</h3>
      {current && (
        <p className="muted small">{t('agreement.replaces', { name: current.recordedBy.displayName, time: dateFormat(language).format(new Date(current.recordedAt)) })}</p>
      )}
      <fieldset className="position-choice">
        <legend>{t('agreement.choice')}</legend>
        {POSITIONS.map((p) => (
          <label key={p} className="inline">
            <input type="radio" name={`position-${proposal.id}`} value={p} checked={position === p} onChange={() => setPosition(p)} />
            {t(choiceKey(p))}
          </label>
        ))}
      </fieldset>
      {position !== null && needsText(position) && (
        <label className="field">
          {t(position === 'object' ? 'agreement.objectionText' : 'agreement.reservationText')}
          <textarea name="positionText" required maxLength={POSITION_TEXT_MAX} rows={3} value={text} onChange={(e) => setText(e.target.value)} />
        </label>
      )}

      <fieldset className="article-positions">
        <legend>{t('agreement.articlesTitle')}</legend>
        {articles.length > 0 && (
          <ul className="plain-list" data-testid="article-choices">
            {articles.map((a) => (
              <li key={a.articleId}>
                <strong>{labelOf.get(a.articleId)}</strong> — {t(choiceKey(a.position))}
                {a.text && <span className="position-text">: {a.text}</span>}
                <button type="button" className="link-button" onClick={() => setArticles(articles.filter((c) => c.articleId !== a.articleId))}>
                  {t('agreement.removeArticle')}
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="inline-form">
          {/* Labels beside (not around) the selects: a wrapping label would read out every option. */}
          <div className="field">
            <label htmlFor={ids.article}>{t('agreement.article')}</label>
            <select id={ids.article} value={pick.articleId} onChange={(e) => setPick({ ...pick, articleId: e.target.value })}>
              <option value="">—</option>
              {available.map((a) => <option key={a.id} value={a.id}>{labelOf.get(a.id)}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.articlePosition}>{t('agreement.articlePosition')}</label>
            <select id={ids.articlePosition} value={pick.position} onChange={(e) => setPick({ ...pick, position: e.target.value as PositionKind })}>
              {POSITIONS.map((p) => <option key={p} value={p}>{t(choiceKey(p))}</option>)}
            </select>
          </div>
        </div>
        {needsText(pick.position) && (
          <label className="field">
            {t('agreement.articleText')}
            <textarea maxLength={POSITION_TEXT_MAX} rows={2} value={pick.text} onChange={(e) => setPick({ ...pick, text: e.target.value })} />
          </label>
        )}
        <div>
          <button type="button" onClick={addArticle} disabled={!pickReady}>{t('agreement.addArticle')}</button>
        </div>
      </fieldset>

      {tooMild && <p className="error" role="alert">{t('agreement.severity')}</p>}
      {position !== null && incomplete && !tooMild && <p className="muted small">{t('agreement.textNeeded')}</p>}
      <FormError message={error} />
      <div>
        <button type="submit" className="primary" {...busyButton(busy, incomplete || tooMild)} data-testid="record-position">
          {busy ? t('agreement.recording') : t('agreement.record')}
        </button>
      </div>
    </form>
  )
}
