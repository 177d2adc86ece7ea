import { useEffect, useId, useState, type FormEvent } from 'react'
import type { OrganizationSummary, ProposalView, VersionSummary } from '../../shared/api'
import type { Language } from '../../shared/language'
import { api } from '../api/http'
import { useI18n } from '../i18n/i18n'
import { busyButton } from '../ui/busyButton'
import { FormError } from '../ui/Field'
import { useAction } from '../ui/useAction'
import { dateFormat } from '../i18n/dates'
import { versionName } from '../versions/labels'
import { useFailure } from '../ui/useFailure'
import { VersionChecks } from '../checks/VersionChecks'

/** The version choice that saves the current text as a new version on the spot. */
const NEW_VERSION = '__new__'

/** Check the text: the draft's language (its rules), how many issues the current text has now, and how to show them. */
export interface TextChecks {
  language: Language
  count: () => number
  show: () => void
}

/**
 * An owner proposes a version for agreement: a saved version (or the current text, saved on the
 * spot under a name), the organizations whose agreement is required — those with access to the
 * draft first and ticked, any other organization below — and an optional note.
 */
export function ProposeForm({ docId, withAccess, taken, textChecks, onProposed }: {
  docId: string
  /** Organizations with access to the draft. */
  withAccess: OrganizationSummary[]
  /** Versions already proposed or agreed (they cannot be proposed again). */
  taken: ReadonlySet<string>
  textChecks?: TextChecks
  onProposed: (view: ProposalView) => void
}) {
  const { t, language } = useI18n()
  const [versions, setVersions] = useState<VersionSummary[] | null>(null)
  const [others, setOthers] = useState<OrganizationSummary[]>([])
  const [loadError, setLoadError] = useFailure()
  const [choice, setChoice] = useState('')
  const [newName, setNewName] = useState('')
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(withAccess.map((o) => o.id)))
  const [note, setNote] = useState('')
  const { busy, error, run } = useAction()
  const time = dateFormat(language)
  const versionId = useId()
  // Counted once, as the form opens: the text it would save.
  const [issues] = useState(() => textChecks?.count() ?? null)

  useEffect(() => {
    let cancelled = false
    Promise.all([api.listVersions(docId), api.listOrganizations()]).then(
      ([list, orgs]) => {
        if (cancelled) return
        setVersions(list)
        // The newest named version: organizations agree on a stage someone named, not on a checkpoint.
        const open = list.filter((v) => !taken.has(v.id))
        const first = open.find((v) => v.kind === 'named') ?? open[0]
        setChoice((c) => c || (first ? first.id : NEW_VERSION))
        setOthers(orgs.filter((o) => !withAccess.some((w) => w.id === o.id)))
      },
      (err: unknown) => !cancelled && setLoadError(err),
    )
    return () => {
      cancelled = true
    }
  }, [docId, t, taken, withAccess])

  const toggle = (id: string) => {
    const next = new Set(chosen)
    if (next.has(id)) next.delete(id)
    else next.add(id)
    setChosen(next)
  }
  const ready = choice !== '' && chosen.size > 0 && (choice !== NEW_VERSION || newName.trim() !== '')

  function submit(event: FormEvent) {
    event.preventDefault()
    if (!ready) return
    // In the order shown: organizations with access, then the others.
    const organizationIds = [...withAccess, ...others].map((o) => o.id).filter((id) => chosen.has(id))
    void run(async () => {
      const version = choice === NEW_VERSION ? { saveVersion: { name: newName, note: '' } } : { versionId: choice }
      onProposed(await api.propose(docId, { ...version, organizationIds, note }))
    })
  }

  const checkbox = (org: OrganizationSummary) => (
    <label key={org.id} className="inline">
      <input type="checkbox" checked={chosen.has(org.id)} onChange={() => toggle(org.id)} />
      <span className="org-chip" style={{ borderColor: org.color, color: org.color }}>{org.shortName}</span>
      {org.name}
    </label>
  )

  return (
    <form className="propose-form" onSubmit={submit} aria-labelledby="propose-title" data-testid="propose-form">
      <h3 id="propose-title">{t('agreement.proposeTitle')}</h3>
      <FormError message={loadError} />
      {versions === null && !loadError && <p className="muted" role="status">{t('common.loading')}</p>}
      {versions && (
        <>
          <div className="field">
            <label htmlFor={versionId}>{t('agreement.version')}</label>
            <select id={versionId} value={choice} onChange={(e) => setChoice(e.target.value)} data-testid="propose-version">
              {versions.map((v) => (
                <option key={v.id} value={v.id} disabled={taken.has(v.id)}>
                  {versionName(v, t)} — {time.format(new Date(v.createdAt))}
                </option>
              ))}
              <option value={NEW_VERSION}>{t('agreement.saveNew')}</option>
            </select>
          </div>
          {choice === NEW_VERSION && (
            <label className="field">
              {t('agreement.newName')}
              <input name="newVersionName" required maxLength={200} value={newName} onChange={(e) => setNewName(e.target.value)} />
            </label>
          )}
          {choice === NEW_VERSION && issues !== null && (
            <p className="muted small" data-testid="propose-checks">
              {issues === 0 ? t('agreement.checksNone') : t('agreement.checksFound', { n: issues })}{' '}
              {issues > 0 && (
                <button type="button" className="link-button" onClick={textChecks?.show}>
                  {t('agreement.checksShow')}
                </button>
              )}
            </p>
          )}
          {choice !== NEW_VERSION && choice !== '' && textChecks && (
            <VersionChecks docId={docId} versionId={choice} language={textChecks.language} />
          )}
          <fieldset className="org-choice">
            <legend>{t('agreement.organizations')}</legend>
            {withAccess.length > 0 && <p className="muted small">{t('agreement.withAccess')}</p>}
            {withAccess.map(checkbox)}
            {others.length > 0 && <p className="muted small">{t('agreement.otherOrganizations')}</p>}
            {others.map(checkbox)}
          </fieldset>
          {chosen.size === 0 && <p className="muted small">{t('agreement.pickOrganization')}</p>}
          <label className="field">
            {t('agreement.note')}
            <textarea maxLength={2000} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
          </label>
          <p className="muted small">{t('agreement.frozenHint')}</p>
          <FormError message={error} />
          <div>
            <button type="submit" className="primary" {...busyButton(busy, !ready)} data-testid="propose-submit">
              {busy ? t('agreement.proposing') : t('agreement.propose')}
            </button>
          </div>
        </>
      )}
    </form>
  )
}
