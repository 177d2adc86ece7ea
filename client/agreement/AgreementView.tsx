import { useCallback, useEffect, useMemo, useState } from 'react'
import type { OrganizationSummary, ProposalView } from '../../shared/api'
import { CURRENT } from '../../shared/apiConstants'
import { CompareView } from '../versions/CompareView'
import { api } from '../api/http'
import { useFetched } from '../api/useFetched'
import { useSession } from '../auth/session'
import { ExportMenu } from '../export/ExportMenu'
import { useI18n } from '../i18n/i18n'
import type { MessageKey } from '../i18n/en'
import { busyButton } from '../ui/busyButton'
import { FormError } from '../ui/Field'
import { useAction } from '../ui/useAction'
import { useOnChange } from '../ui/useOnChange'
import type { Role } from '../../shared/roles'
import { Overlay } from '../versions/Overlay'
import { dateFormat } from '../i18n/dates'
import { versionName } from '../versions/labels'
import { agreeingCount, hasObjection } from './labels'
import { PositionForm } from './PositionForm'
import { ProposeForm, type TextChecks } from './ProposeForm'
import { StatusMatrix } from './StatusMatrix'
import '../styles/versions.css'
import '../styles/agreement.css'

/** While the view is open, others' positions are fetched this often (and whenever the window regains focus). */
const REFRESH_MS = 10_000

/** The newest proposal still in force (proposed or agreed), else the newest one. */
function defaultProposal(proposals: ProposalView[]): ProposalView | undefined {
  return proposals.find((p) => p.status !== 'withdrawn') ?? proposals[0]
}

/**
 * Agreement on a version of the draft (from the editor's top bar): propose a version (owners),
 * the status matrix, our organization's position, withdrawal (owners, while not agreed), and the
 * export of the proposed or agreed text. Others' positions arrive by refetching: every few
 * seconds while open, when the window regains focus, and with the Refresh button.
 */
export function AgreementView({ docId, title, role, withAccess, textChecks, onClose }: {
  docId: string
  title: string
  /** The viewer's role on the draft: when it changes, what they may do is asked again. */
  role: Role | null
  /** Organizations with access to the draft (the proposal form ticks them first). */
  withAccess: OrganizationSummary[]
  /** What Check the text finds in the current text now, and how to show it (the proposal form says so before the text is saved and proposed). */
  textChecks?: TextChecks
  onClose: () => void
}) {
  const { t } = useI18n()
  const { info } = useSession()
  const myOrg = info?.user?.organization ?? null
  const { value: overview, setValue: setOverview, error: loadError, reload } = useFetched(useCallback(() => api.agreement(docId), [docId]))
  const [selected, setSelected] = useState<string | null>(null)
  const [notice, setNotice] = useState('')

  useEffect(() => {
    reload()
    const timer = setInterval(() => document.visibilityState === 'visible' && reload(), REFRESH_MS)
    window.addEventListener('focus', reload)
    return () => {
      clearInterval(timer)
      window.removeEventListener('focus', reload)
    }
  }, [reload])
  // Proposing and withdrawing are the owners': a role changed while open is not left to the next refetch.
  useOnChange(role, reload)

  const proposals = overview?.proposals ?? []
  const shown = proposals.find((p) => p.id === selected) ?? defaultProposal(proposals)
  const open = proposals.find((p) => p.status === 'proposed')
  const taken = useMemo(() => new Set(proposals.filter((p) => p.status !== 'withdrawn').map((p) => p.version.id)), [proposals])

  /** An action answered with the proposal as it now is: show it at once, then refetch the rest. */
  const changed = (view: ProposalView, message: string) => {
    setOverview((o) => (o ? { ...o, proposals: o.proposals.some((p) => p.id === view.id) ? o.proposals.map((p) => (p.id === view.id ? view : p)) : [view, ...o.proposals] } : o))
    setSelected(view.id)
    setNotice(message)
    reload()
  }

  return (
    <Overlay labelledBy="agreement-title" onClose={onClose} testId="agreement-view">
      <header className="overlay-header">
        <div className="overlay-heading">
          <h2 id="agreement-title">{t('agreement.title')}</h2>
          <p className="muted small">{title}</p>
        </div>
        <div className="overlay-actions">
          <button type="button" onClick={reload} data-testid="agreement-refresh">{t('agreement.refresh')}</button>
        </div>
        <button type="button" className="overlay-close" onClick={onClose}>{t('common.close')}</button>
      </header>
      <div className="overlay-body agreement-body">
        <p className="notice-line small" role="status" data-testid="agreement-notice">{notice}</p>
        <FormError message={loadError ? t('agreement.loadError', { message: loadError }) : ''} />
        {!overview && !loadError && <p className="muted" role="status">{t('common.loading')}</p>}
        {overview && proposals.length === 0 && (
          <div className="empty-state" data-testid="agreement-empty">
            <p>{t('agreement.empty')}</p>
            {!overview.canPropose && <p className="small">{t('agreement.ownersOnly')}</p>}
          </div>
        )}
        {shown && (
          <ProposalSection
            key={shown.id}
            docId={docId}
            title={title}
            proposal={shown}
            myOrg={myOrg}
            onChanged={changed}
          />
        )}
        {proposals.length > 1 && (
          <section className="proposal-list" aria-labelledby="proposals-title">
            <h3 id="proposals-title">{t('agreement.proposals')}</h3>
            <ul className="plain-list">
              {proposals.map((p) => (
                <li key={p.id}>
                  <StatusBadges proposal={p} />
                  <span>{versionName(p.version, t)}</span>
                  {p.id === shown?.id ? (
                    <span className="muted small">({t('agreement.shown')})</span>
                  ) : (
                    <button type="button" className="link-button" onClick={() => setSelected(p.id)}>{t('agreement.show')}</button>
                  )}
                </li>
              ))}
            </ul>
          </section>
        )}
        {overview?.canPropose && !open && (
          <ProposeForm docId={docId} withAccess={withAccess} taken={taken} textChecks={textChecks} onProposed={(view) => changed(view, t('agreement.proposed', { name: versionName(view.version, t) }))} />
        )}
        {overview?.canPropose && open && <p className="muted small" data-testid="propose-blocked">{t('agreement.openExists')}</p>}
      </div>
    </Overlay>
  )
}

function StatusBadges({ proposal }: { proposal: ProposalView }) {
  const { t } = useI18n()
  return (
    <span className="agreement-badges">
      <span className={`agreement-badge status-${proposal.status}`} data-testid="agreement-status" data-status={proposal.status}>
        {t(`agreement.status.${proposal.status}` as MessageKey)}
      </span>
      {proposal.status === 'proposed' && hasObjection(proposal) && (
        <span className="agreement-badge status-objection" data-testid="agreement-objection">{t('agreement.status.objection')}</span>
      )}
    </span>
  )
}

function ProposalSection({ docId, title, proposal, myOrg, onChanged }: {
  docId: string
  title: string
  proposal: ProposalView
  myOrg: OrganizationSummary | null
  onChanged: (view: ProposalView, message: string) => void
}) {
  const { t, language } = useI18n()
  const [confirming, setConfirming] = useState(false)
  const [comparing, setComparing] = useState(false)
  const withdrawing = useAction()
  const time = dateFormat(language)
  const name = versionName(proposal.version, t)
  const mine = myOrg && proposal.organizations.find((o) => o.organization.id === myOrg.id)?.organization

  return (
    <section className="proposal" aria-labelledby="proposal-title" data-testid="proposal" data-status={proposal.status}>
      <div className="proposal-heading">
        <h3 id="proposal-title">{t('agreement.versionLine', { name, time: time.format(new Date(proposal.version.createdAt)) })}</h3>
        <StatusBadges proposal={proposal} />
      </div>
      {proposal.status === 'agreed' && proposal.agreedAt && (
        <p className="agreed-on" data-testid="agreed-on">{t('agreement.agreedOn', { date: dateFormat(language, 'date').format(new Date(proposal.agreedAt)) })}</p>
      )}
      <p className="muted small">
        {t('agreement.proposedBy', { name: proposal.proposedBy.displayName, org: proposal.proposedByOrganization.shortName, time: time.format(new Date(proposal.proposedAt)) })}
        {proposal.withdrawnBy && proposal.withdrawnAt && ` · ${t('agreement.withdrawnBy', { name: proposal.withdrawnBy.displayName, time: time.format(new Date(proposal.withdrawnAt)) })}`}
      </p>
      {proposal.note && <p className="version-note">{proposal.note}</p>}
      {proposal.textChangedSince && (
        <p className="notice-line small" data-testid="changed-since">
          {t('agreement.changedSince')}{' '}
          <button type="button" className="link-button" onClick={() => setComparing(true)}>{t('versions.compareWithCurrent')}</button>
        </p>
      )}
      {comparing && <CompareView docId={docId} from={proposal.version.id} to={CURRENT} onClose={() => setComparing(false)} />}
      {proposal.status === 'proposed' && (
        <p className="small">{t('agreement.progress', { n: agreeingCount(proposal), total: proposal.organizations.length })} {t('agreement.rule')}</p>
      )}

      <div className="proposal-actions">
        {proposal.status !== 'withdrawn' && (
          <ExportMenu
            docId={docId}
            title={title}
            version={proposal.version.id}
            label={t(proposal.status === 'agreed' ? 'agreement.exportAgreed' : 'agreement.exportProposed')}
            offerPositions
          />
        )}
        {proposal.canWithdraw && !confirming && (
          <button type="button" className="danger" onClick={() => setConfirming(true)} data-testid="withdraw">{t('agreement.withdraw')}</button>
        )}
      </div>
      {confirming && (
        <div className="notice" role="alertdialog" aria-labelledby="withdraw-question">
          <p id="withdraw-question">{t('agreement.withdrawConfirm', { name })}</p>
          <FormError message={withdrawing.error} />
          <button type="button" onClick={() => setConfirming(false)} disabled={withdrawing.busy} autoFocus>{t('common.cancel')}</button>
          <button
            type="button"
            className="primary"
            {...busyButton(withdrawing.busy)}
            onClick={() => void withdrawing.run(async () => {
              onChanged(await api.withdrawProposal(docId, proposal.id), t('agreement.withdrawn'))
              setConfirming(false)
            })}
          >
            {withdrawing.busy ? t('agreement.withdrawing') : t('agreement.withdraw')}
          </button>
        </div>
      )}

      <StatusMatrix proposal={proposal} />

      {proposal.canRecord && mine && (
        <PositionForm docId={docId} proposal={proposal} organization={mine} onRecorded={(view) => onChanged(view, t('agreement.recorded', { org: mine.name }))} />
      )}
      {proposal.status === 'proposed' && !proposal.canRecord && <p className="muted small">{t('agreement.notRequired')}</p>}
    </section>
  )
}
