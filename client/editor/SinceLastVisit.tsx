import { useState } from 'react'
import type { OrganizationSummary } from '../../shared/api'
import { orgLabel } from '../../shared/orgLabel'
import type { VisitView } from '../../shared/visit'
import { dateFormat } from '../i18n/dates'
import { useI18n } from '../i18n/i18n'
import { versionName } from '../versions/labels'

/** Places named in the line; the rest are counted ("and 3 more"). */
const NAMED = 5

/**
 * "Since your last visit": what others changed in the draft since one last left it — the places
 * (each a button to it), the organizations whose people made the changes, the new comments (and
 * how many of them mention one), the decisions others took on one's own threads and what became
 * of the draft's agreement (versions proposed, agreed, withdrawn; positions recorded) —
 * above the text, until closed, with the newest version saved by then to compare the text with.
 * Nothing on a first visit, or when nothing changed.
 */
export function SinceLastVisit({ visit, onJump, onShowComments, onShowActivity, onShowAgreement, onCompare }: {
  visit: VisitView | null
  /** Brings a place of the text into view. */
  onJump: (placeId: string) => void
  onShowComments: () => void
  onShowActivity: () => void
  /** Opens the draft's agreement; absent, no button (the viewer cannot open it). */
  onShowAgreement?: () => void
  /** Compares a version with the text now. */
  onCompare: (versionId: string) => void
}) {
  const { t, language } = useI18n()
  const [closed, setClosed] = useState(false)
  const agreementNews = (visit?.agreement.events.length ?? 0) + (visit?.agreement.positions.length ?? 0) > 0
  if (closed || !visit?.since || (visit.places.length === 0 && visit.comments.length === 0 && visit.decided.length === 0 && !agreementNews)) return null
  const { agreement } = visit
  const live = visit.places.filter((p) => !p.deleted)
  const named = live.slice(0, NAMED)
  const more = visit.places.length - named.length
  const orgs = shortNames(visit.organizations)
  return (
    <div className="notice since-last-visit" role="status" data-testid="since-last-visit">
      <span>
        <strong>{t('visit.since', { date: dateFormat(language).format(new Date(visit.since)) })}</strong>{' '}
        {visit.places.length > 0 && (
          <span data-testid="visit-places">
            {t('visit.changed', { orgs })}{' '}
            {named.map((place, i) => (
              <span key={place.id}>
                {i > 0 && ', '}
                <button type="button" className="link-button" title={place.heading} onClick={() => onJump(place.id)}>
                  {place.label.replace(/\.$/, '') || place.heading}
                </button>
              </span>
            ))}
            {more > 0 && (named.length > 0 ? ` ${t('visit.andMore', { n: more })}` : t('visit.deletedOnly', { n: more }))}.
          </span>
        )}{' '}
        {visit.comments.length > 0 && <span data-testid="visit-comments">{t('visit.comments', { n: visit.comments.length })}</span>}{' '}
        {visit.mentioned.length > 0 && <strong data-testid="visit-mentioned">{t('visit.mentioned', { n: visit.mentioned.length })}</strong>}{' '}
        {visit.decided.length > 0 && <span data-testid="visit-decided">{t('visit.decided', { n: visit.decided.length })}</span>}{' '}
        {agreementNews && (
          <span data-testid="visit-agreement">
            {t('visit.agreement', {
              what: [
                ...agreement.events.map((e) => t(`visit.agreement.${e.kind}`, { name: versionName(e.version, t) })),
                ...(agreement.positions.length > 0 ? [t('visit.agreement.positions', { orgs: shortNames(agreement.positions) })] : []),
              ].join('; '),
            })}
          </span>
        )}
      </span>
      {visit.comments.length + visit.decided.length > 0 && (
        <button type="button" onClick={onShowComments}>
          {t(visit.comments.length > 0 ? 'visit.showComments' : 'visit.showDecided')}
        </button>
      )}
      {visit.places.length > 0 && visit.version && (
        <button type="button" data-testid="visit-compare" onClick={() => onCompare(visit.version!.id)}>
          {t('visit.compare', { name: versionName(visit.version, t), date: dateFormat(language).format(new Date(visit.version.createdAt)) })}
        </button>
      )}
      {agreementNews && onShowAgreement && (
        <button type="button" data-testid="visit-show-agreement" onClick={onShowAgreement}>
          {t('visit.showAgreement')}
        </button>
      )}
      {visit.places.length > 0 && (
        <button type="button" onClick={onShowActivity}>
          {t('activity.title')}
        </button>
      )}
      <button type="button" onClick={() => setClosed(true)}>
        {t('common.close')}
      </button>
    </div>
  )
}

/** "MoJ, MoI": organizations by short name, else name. */
function shortNames(organizations: readonly OrganizationSummary[]): string {
  return organizations.map(orgLabel).join(', ')
}
