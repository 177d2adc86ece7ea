import type { ProposalView, PositionRecord } from '../../shared/api'
import type { PositionKind } from '../../shared/agreement'
import { useI18n } from '../i18n/i18n'
import { dateFormat } from '../i18n/dates'
import { positionKey } from './labels'

export function PositionBadge({ position }: { position: PositionKind | null }) {
  const { t } = useI18n()
  return <span className={`agreement-badge position-${position ?? 'none'}`} data-testid="position-badge">{t(positionKey(position))}</span>
}

function Recorded({ record }: { record: PositionRecord }) {
  const { language } = useI18n()
  return <>{record.recordedBy.displayName}, {dateFormat(language).format(new Date(record.recordedAt))}</>
}

/**
 * The status matrix: one row per required organization with its current position, the
 * reservation or objection, who recorded it and when (earlier positions folded underneath), and
 * a table of the per-article positions (articles × organizations) where any were given.
 */
export function StatusMatrix({ proposal }: { proposal: ProposalView }) {
  const { t } = useI18n()
  const articleIds = new Set(proposal.organizations.flatMap((o) => o.current?.articles.map((a) => a.id) ?? []))
  const articles = proposal.articles.filter((a) => articleIds.has(a.id))

  return (
    <>
      <table className="agreement-matrix" data-testid="status-matrix">
        <caption>{t('agreement.matrix')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('agreement.col.organization')}</th>
            <th scope="col">{t('agreement.col.position')}</th>
            <th scope="col">{t('agreement.col.text')}</th>
            <th scope="col">{t('agreement.col.recorded')}</th>
          </tr>
        </thead>
        <tbody>
          {proposal.organizations.map((row) => (
            <tr key={row.organization.id} data-testid="position-row" data-org={row.organization.shortName} data-position={row.current?.position ?? 'none'}>
              <th scope="row">
                <span className="org-chip" style={{ borderColor: row.organization.color, color: row.organization.color }}>{row.organization.shortName}</span>
                {row.organization.name}
                {!row.hasAccess && <div className="muted small">{t('agreement.noAccess')}</div>}
              </th>
              <td><PositionBadge position={row.current?.position ?? null} /></td>
              <td className="position-text">{row.current?.text || '—'}</td>
              <td className="small">
                {row.current ? <Recorded record={row.current} /> : '—'}
                {row.earlier.length > 0 && (
                  <details className="position-history">
                    <summary>{t('agreement.earlier', { n: row.earlier.length })}</summary>
                    <ul>
                      {row.earlier.map((p) => (
                        <li key={p.id}>
                          <PositionBadge position={p.position} /> <Recorded record={p} />
                          {p.text && <div className="position-text">{p.text}</div>}
                        </li>
                      ))}
                    </ul>
                  </details>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      {articles.length > 0 && (
        <table className="agreement-matrix by-article" data-testid="article-matrix">
          <caption>{t('agreement.byArticle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('agreement.col.article')}</th>
              {proposal.organizations.map((row) => <th scope="col" key={row.organization.id}>{row.organization.shortName}</th>)}
            </tr>
          </thead>
          <tbody>
            {articles.map((article) => (
              <tr key={article.id} data-testid="article-row">
                <th scope="row">{article.label} {article.heading}</th>
                {proposal.organizations.map((row) => {
                  const given = row.current?.articles.find((a) => a.id === article.id)
                  return (
                    <td key={row.organization.id}>
                      {given ? <PositionBadge position={given.position} /> : <span className="muted">—</span>}
                      {given?.text && <div className="position-text">{given.text}</div>}
                    </td>
                  )
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}
