import type { ComparativeRow, WordingLine } from '../../shared/diff'
import { rowNotes } from '../../shared/diff/tableWords'
import { useI18n } from '../i18n/i18n'
import { DiffText } from './DiffText'
import { OrgChips } from './OrgChips'

function Side({ lines }: { lines: WordingLine[] }) {
  const { t } = useI18n()
  if (lines.length === 0) return <p className="muted">{t('compare.absent')}</p>
  return (
    <>
      {lines.map((line, i) => (
        <p key={i} className={`ct-line ct-${line.role}`}>
          {line.label && <span className="diff-label">{line.label} </span>}
          <DiffText segments={line.segments} />
        </p>
      ))}
    </>
  )
}

/**
 * The comparative table in the browser: previous wording | new wording | proposed by [|
 * justification, as the download will have it], one row per changed provision.
 */
export function ComparativeTableView({ rows, justification }: { rows: readonly ComparativeRow[]; justification: boolean }) {
  const { t, language } = useI18n()
  return (
    <table className="comparative-table" data-testid="comparative-table">
      <thead>
        <tr>
          <th scope="col">{t('compare.before')}</th>
          <th scope="col">{t('compare.after')}</th>
          <th scope="col" className="ct-proposed-by">{t('compare.proposedBy')}</th>
          {justification && <th scope="col" className="ct-justification">{t('compare.justification')}</th>}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && (
          <tr>
            <td colSpan={justification ? 4 : 3} className="muted">{t('compare.tableEmpty')}</td>
          </tr>
        )}
        {rows.map((row, i) => {
          const notes = rowNotes(row, language)
          return (
            <tr key={`${row.kind}-${row.id ?? i}`} data-testid="comparative-row" data-status={row.status}>
              <td>
                <div className="ct-cell"><Side lines={row.before} /></div>
              </td>
              <td>
                <div className="ct-cell">
                  <Side lines={row.after} />
                  {notes.length > 0 && <p className="muted small ct-note">{notes.join('; ')}</p>}
                </div>
              </td>
              <td className="ct-proposed-by" data-testid="proposed-by">
                {row.proposedBy.length > 0 ? <OrgChips organizations={row.proposedBy} /> : <span className="muted">—</span>}
              </td>
              {justification && (
                <td className="ct-justification" data-testid="justification">
                  {row.reasons.map((r, j) => (
                    <p key={j} className="ct-reason">
                      <OrgChips organizations={[r.organization]} /> {r.text}
                    </p>
                  ))}
                </td>
              )}
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
