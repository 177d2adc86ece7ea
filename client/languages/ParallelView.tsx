import { useEffect, useMemo, useState } from 'react'
import type { Language } from '../../shared/language'
import { alignLanguageVersions, type ParallelIssue, type ParallelRow, type ParallelSide, type ParallelText } from '../../shared/languageVersions'
import { api } from '../api/http'
import { useI18n, wordsIn } from '../i18n/i18n'
import type { MessageKey } from '../i18n/en'
import { FormError } from '../ui/Field'
import { Overlay } from '../versions/Overlay'
import { ProvisionText } from './ProvisionText'
import { saveBlob } from '../export/save'
import { useAction } from '../ui/useAction'
import { shortTitle, unicodeFileStem } from '../../shared/fileName'
import '../styles/versions.css'
import { DOCX_CONTENT_TYPE } from '../../shared/apiConstants'
import { useFailure } from '../ui/useFailure'

interface Draft {
  id: string
  title: string
  language: Language
  /** The law's first draft, which the other was translated from. */
  original: boolean
}

const ISSUES: ParallelIssue[] = ['untranslated', 'changedInOriginal', 'missing', 'numberDiffers', 'blocksDiffer']

/** What names the rows of text that have no number of their own. */
const TEXT_LABELS: Partial<Record<ParallelRow['kind'], MessageKey>> = { title: 'parallel.lawTitle', preamble: 'parallel.preamble', conclusions: 'parallel.conclusions' }

function Side({ side, language, kind }: { side: ParallelSide | null; language: Language; kind: ParallelRow['kind'] }) {
  const { t } = useI18n()
  if (!side) return <td className="parallel-absent muted" lang={language}>{t('parallel.notHere')}</td>
  const words = TEXT_LABELS[kind]
  // In the column's language, as its numbers are (and as the DOCX download names them).
  const label = side.label || (words ? wordsIn(language)(words) : '')
  return (
    <td lang={language}>
      <div className="parallel-cell">
        <ProvisionText side={side} label={label} headingClass={`parallel-heading parallel-${kind}`} />
      </div>
    </td>
  )
}

/**
 * Two language versions of one law side by side, article by article (paired by stable id,
 * shared/languageVersions.ts), with what needs a translator's attention marked and counted:
 * articles still in the source's words, in one version only, numbered differently, or with
 * other paragraphs and points.
 */
export function ParallelView({ left, right, onClose }: { left: Draft; right: Draft; onClose: () => void }) {
  const { t, language: ui } = useI18n()
  const [text, setText] = useState<ParallelText | null>(null)
  const [error, setError] = useFailure()
  const [onlyIssues, setOnlyIssues] = useState(false)
  const saving = useAction()
  const header = (draft: Draft) => `${t(`languages.name.${draft.language}`)} — ${draft.title}`

  /** The two texts as a Word document, made here (the docx code is loaded on the first click). */
  function download(shown: ParallelText) {
    void saving.run(async () => {
      const { parallelTextDocx } = await import('../../shared/export/parallelTextDocx')
      const bytes = await parallelTextDocx(shown, { language: left.language, header: header(left) }, { language: right.language, header: header(right) }, ui)
      saveBlob(new Blob([bytes as BlobPart], { type: DOCX_CONTENT_TYPE }), `${unicodeFileStem(`${shortTitle(left.title)} — ${shortTitle(right.title)}`)}.docx`)
    })
  }

  useEffect(() => {
    let cancelled = false
    // Which articles the original changed since they were translated: when each was last edited on either side.
    const original = left.original ? 'left' : right.original ? 'right' : null
    const edits = original ? Promise.all([api.articleEdits(left.id), api.articleEdits(right.id)]) : Promise.resolve(null)
    Promise.all([api.content(left.id), api.content(right.id), edits]).then(
      ([a, b, times]) => !cancelled && setText(alignLanguageVersions(a, left.language, b, right.language, original && times ? { left: times[0], right: times[1], original } : undefined)),
      (err: unknown) => !cancelled && setError(err),
    )
    return () => {
      cancelled = true
    }
  }, [left.id, left.language, left.original, right.id, right.language, right.original, setError])

  const rows = useMemo(() => (text ? (onlyIssues ? text.rows.filter((r) => r.issues.length > 0) : text.rows) : []), [text, onlyIssues])
  const issueCount = text ? text.rows.filter((r) => r.issues.length > 0).length : 0

  return (
    <Overlay labelledBy="parallel-title" onClose={onClose} testId="parallel-view">
      <header className="overlay-header">
        <div className="overlay-heading">
          <h2 id="parallel-title">{t('parallel.title')}</h2>
          <p className="muted small">{left.title} ↔ {right.title}</p>
        </div>
        {text && (
          <div className="overlay-actions">
            <button type="button" onClick={() => download(text)} disabled={saving.busy} data-testid="parallel-download">
              {saving.busy ? t('parallel.downloading') : t('parallel.download')}
            </button>
          </div>
        )}
        <button type="button" className="overlay-close" onClick={onClose}>{t('common.close')}</button>
      </header>
      <div className="overlay-body">
        <FormError message={error || saving.error} />
        {!text && !error && <p className="muted" role="status">{t('parallel.loading')}</p>}
        {text && (
          <>
            <p className="compare-summary" data-testid="parallel-summary">
              {issueCount === 0
                ? t('parallel.allMatch')
                : ISSUES.filter((issue) => text.counts[issue] > 0).map((issue) => t(`parallel.count.${issue}`, { n: text.counts[issue] })).join(' · ')}
            </p>
            <label className="inline">
              <input type="checkbox" checked={onlyIssues} onChange={(e) => setOnlyIssues(e.target.checked)} data-testid="only-issues" />
              {t('parallel.onlyIssues')}
            </label>
            {rows.length === 0 ? (
              <p className="muted" data-testid="parallel-empty">{t('parallel.nothingShown')}</p>
            ) : (
              <table className="parallel-table">
                <thead>
                  <tr>
                    <th scope="col">{header(left)}</th>
                    <th scope="col">{header(right)}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row, i) => (
                    <Row key={`${row.kind}-${row.id ?? i}-${i}`} row={row} left={left.language} right={right.language} />
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
      </div>
    </Overlay>
  )
}

function Row({ row, left, right }: { row: ParallelRow; left: Language; right: Language }) {
  const { t } = useI18n()
  return (
    <>
      {row.issues.length > 0 && (
        <tr className="parallel-issues">
          <td colSpan={2} data-testid="parallel-issue">
            {row.issues.map((issue) => t(`parallel.issue.${issue}`)).join(' · ')}
          </td>
        </tr>
      )}
      <tr className={row.issues.length > 0 ? 'parallel-row has-issues' : 'parallel-row'} data-testid="parallel-row" data-id={row.id ?? ''} data-kind={row.kind}>
        <Side side={row.left} language={left} kind={row.kind} />
        <Side side={row.right} language={right} kind={row.kind} />
      </tr>
    </>
  )
}
