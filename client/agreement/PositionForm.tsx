import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { needsText, positionBlocker, POSITIONS, type PositionBlocker, type PositionKind } from '../../shared/agreement'
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
const BLOCKER_TEXT: Record<PositionBlocker, MessageKey> = {
  choose: 'agreement.blocked.choose',
  text: 'agreement.blocked.text',
  articleText: 'agreement.blocked.articleText',
  tooMild: 'agreement.severity',
}

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
  const ids = { article: useId(), articlePosition: useId(), blocked: useId() }
  // Where the focus goes once the list of articles has changed: the button that started it is gone or disabled.
  const articleSelect = useRef<HTMLSelectElement>(null)
  const removeButtons = useRef(new Map<string, HTMLButtonElement>())
  const focusNext = useRef<(() => HTMLElement | null | undefined) | null>(null)
  useEffect(() => {
    const target = focusNext.current?.()
    focusNext.current = null
    target?.focus()
  }, [articles])
  const labelOf = new Map(proposal.articles.map((a) => [a.id, `${a.label} ${a.heading}`.trim()]))
  const available = proposal.articles.filter((a) => !articles.some((c) => c.articleId === a.id))
  const blocker = positionBlocker(position, text, articles)
  const pickReady = pick.articleId !== '' && (!needsText(pick.position) || pick.text.trim() !== '')

  function submit(event: FormEvent) {
    event.preventDefault()
    if (position === null || blocker !== null) return
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
    // The next article is chosen where this one was.
    focusNext.current = () => articleSelect.current
  }

  function removeArticle(articleId: string) {
    const index = articles.findIndex((c) => c.articleId === articleId)
    const rest = articles.filter((c) => c.articleId !== articleId)
    setArticles(rest)
    // The next row's "Remove" (or the one before, for the last row); with no rows left, the article select.
    const neighbour = rest[Math.min(index, rest.length - 1)]
    focusNext.current = () => (neighbour ? removeButtons.current.get(neighbour.articleId) : articleSelect.current)
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
                {/* One flex item: the list's gap would otherwise open a space before the colon. */}
                <span data-testid="article-choice">
                  <strong>{labelOf.get(a.articleId)}</strong> — {t(choiceKey(a.position))}
                  {a.text && <span className="position-text">: {a.text}</span>}
                </span>
                <button
                  type="button"
                  className="link-button"
                  ref={(el) => {
                    if (el) removeButtons.current.set(a.articleId, el)
                    else removeButtons.current.delete(a.articleId)
                  }}
                  onClick={() => removeArticle(a.articleId)}
                >
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
            <select id={ids.article} ref={articleSelect} value={pick.articleId} onChange={(e) => setPick({ ...pick, articleId: e.target.value })}>
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

      {blocker !== null && (
        <p id={ids.blocked} className={blocker === 'tooMild' ? 'error' : 'muted small'} role={blocker === 'tooMild' ? 'alert' : undefined} data-testid="position-blocked">
          {t(BLOCKER_TEXT[blocker])}
        </p>
      )}
      <FormError message={error} />
      <div>
        <button type="submit" className="primary" {...busyButton(busy, blocker !== null)} aria-describedby={blocker !== null ? ids.blocked : undefined} data-testid="record-position">
          {busy ? t('agreement.recording') : t('agreement.record')}
        </button>
      </div>
    </form>
  )
}
