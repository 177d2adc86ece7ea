import { useEffect, useRef, useState } from 'react'
import type { Language } from '../../shared/language'
import { docFromJSON } from '../../shared/schema'
import { checkDraft, type DraftIssue } from '../../shared/checks/draftChecks'
import { api } from '../api/http'
import { useI18n, wordsIn } from '../i18n/i18n'
import { failureText } from '../ui/useFailure'
import { whatOf, whereOf } from './issueWords'

/** A long list (a draft pasted from Word) is cut here: the panel on the current text has them all. */
const LISTED = 100

type Checked = { versionId: string; issues: DraftIssue[] } | { versionId: string; failure: unknown }

/**
 * What Check the text finds in a saved version, said before it is proposed for agreement: the
 * organizations agree on that text as it stands, so its issues are listed here (the panel checks
 * only the current text). Versions never change, so each is fetched and checked once per form.
 */
export function VersionChecks({ docId, versionId, language }: { docId: string; versionId: string; language: Language }) {
  const { t } = useI18n()
  const placeWords = wordsIn(language)
  const done = useRef(new Map<string, Checked>())
  const [checked, setChecked] = useState<Checked | null>(null)

  useEffect(() => {
    const known = done.current.get(versionId)
    if (known) return setChecked(known)
    let cancelled = false
    setChecked(null)
    api.getVersion(docId, versionId).then(
      (version) => {
        const result = { versionId, issues: checkDraft(docFromJSON(version.content), language) }
        done.current.set(versionId, result)
        if (!cancelled) setChecked(result)
      },
      (failure: unknown) => !cancelled && setChecked({ versionId, failure }),
    )
    return () => {
      cancelled = true
    }
  }, [docId, versionId, language])

  if (!checked || checked.versionId !== versionId) {
    return <p className="muted small" role="status" data-testid="propose-checks">{t('agreement.versionChecking')}</p>
  }
  if ('failure' in checked) {
    return <p className="error small" role="alert" data-testid="propose-checks">{t('agreement.versionCheckFailed', { reason: failureText(checked.failure, t) })}</p>
  }
  const { issues } = checked
  if (issues.length === 0) return <p className="muted small" data-testid="propose-checks">{t('agreement.versionChecksNone')}</p>
  return (
    <div className="muted small" data-testid="propose-checks">
      <p>{t('agreement.versionChecksFound', { n: issues.length })}</p>
      <details className="version-checks">
        <summary>{t('agreement.checksShow')}</summary>
        <ol className="checks-list">
          {issues.slice(0, LISTED).map((issue) => (
            <li key={issue.key} data-testid="version-check" data-kind={issue.kind}>
              <strong>{whereOf(issue, placeWords)}</strong>: {whatOf(issue, t)}
            </li>
          ))}
        </ol>
        {issues.length > LISTED && <p>{t('agreement.versionChecksMore', { n: issues.length - LISTED })}</p>}
      </details>
    </div>
  )
}
