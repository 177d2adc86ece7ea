import { useCallback, useEffect, useState, type FormEvent } from 'react'
import { CURRENT } from '../../shared/apiConstants'
import type { RestoreResult, VersionSummary } from '../../shared/api'
import type { Language } from '../../shared/language'
import { api } from '../api/http'
import { useFetched } from '../api/useFetched'
import { useI18n } from '../i18n/i18n'
import { busyButton } from '../ui/busyButton'
import { FormError } from '../ui/Field'
import { useAction } from '../ui/useAction'
import { CompareView } from './CompareView'
import { RestoreDialog } from './RestoreDialog'
import { VersionView } from './VersionView'
import { dateFormat } from '../i18n/dates'
import { versionName } from './labels'
import '../styles/versions.css'

type View = { kind: 'version'; id: string } | { kind: 'compare'; from: string; to: string } | null

/** While the panel is open the list is refreshed this often (automatic versions appear as people leave). */
const REFRESH_MS = 60_000

/**
 * The history of a draft: save a named version (owners, drafters), the versions newest first
 * (automatic ones marked), open one read-only, compare any two or one with the current text,
 * restore one after a confirmation.
 */
export function HistoryPanel({ docId, title, language, canEdit, onClose }: {
  docId: string
  /** The draft's title (names exported files). */
  title: string
  /** The draft's language, for the read-only text's numbering. */
  language: Language
  canEdit: boolean
  onClose: () => void
}) {
  const { t, language: ui } = useI18n()
  const { value: versions, setValue: setVersions, error: loadError, reload } = useFetched(useCallback(() => api.listVersions(docId), [docId]))
  const [name, setName] = useState('')
  const [note, setNote] = useState('')
  const saving = useAction()
  const [notice, setNotice] = useState('')
  const [from, setFrom] = useState('')
  const [to, setTo] = useState<string>(CURRENT)
  const [view, setView] = useState<View>(null)
  const [restoring, setRestoring] = useState<VersionSummary | null>(null)
  const time = dateFormat(ui)

  useEffect(() => {
    reload()
    const timer = setInterval(reload, REFRESH_MS)
    return () => clearInterval(timer)
  }, [reload])

  // "From" defaults to the newest version, and a version just saved becomes it: what changed since
  // is the next question. A chosen version that is gone gives way to the default (the newest for
  // "from", the current text for "to"). The current text is a choice, not a gap.
  useEffect(() => {
    if (!versions || versions.length === 0) return
    const gone = (id: string) => id !== CURRENT && !versions.some((v) => v.id === id)
    if (gone(from)) setFrom(versions[0].id)
    if (gone(to)) setTo(CURRENT)
  }, [versions, from, to])

  function save(event: FormEvent) {
    event.preventDefault()
    if (!name.trim()) return
    void saving.run(async () => {
      const saved = await api.saveVersion(docId, { name, note })
      setNotice(t('versions.saved', { name: saved.name }))
      // Listed at once, so that "from" can hold it before the list comes back.
      setVersions((listed) => [saved, ...(listed ?? [])])
      setFrom(saved.id)
      setName('')
      setNote('')
      reload()
    })
  }

  function restored(result: RestoreResult) {
    setRestoring(null)
    setView(null)
    const restoredName = versionName(result.restored, t)
    setNotice(
      result.changed
        ? t('versions.restored', {
            name: restoredName,
            before: result.before ? versionName(result.before, t) : '—',
            time: result.before ? time.format(new Date(result.before.createdAt)) : '—',
          })
        : t('versions.restoredSame', { name: restoredName }),
    )
    reload()
  }

  const optionLabel = (v: VersionSummary) => `${versionName(v, t)} — ${time.format(new Date(v.createdAt))}`
  const nameOf = (id: string | null) => {
    const v = versions?.find((x) => x.id === id)
    return v ? versionName(v, t) : ''
  }

  return (
    <section className="panel history-panel" aria-labelledby="history-title" data-testid="history-panel" data-panel="history">
      <div className="panel-header">
        <h2 id="history-title" tabIndex={-1}>{t('versions.title')}</h2>
        <span>
          <button type="button" className="link-button" onClick={reload}>{t('versions.refresh')}</button>
          <button type="button" className="link-button" onClick={onClose}>{t('common.close')}</button>
        </span>
      </div>

      {canEdit ? (
        <form className="version-save" onSubmit={save} aria-labelledby="save-version-title">
          <h3 id="save-version-title" className="visually-hidden">{t('versions.saveTitle')}</h3>
          <label className="field">
            {t('versions.name')}
            <input name="versionName" required maxLength={200} data-panel-focus value={name} onChange={(e) => setName(e.target.value)} />
          </label>
          <label className="field">
            {t('versions.note')}
            <textarea name="versionNote" maxLength={2000} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
          </label>
          <FormError message={saving.error} />
          <button type="submit" className="primary" {...busyButton(saving.busy || !name.trim())}>{saving.busy ? t('versions.saving') : t('versions.save')}</button>
        </form>
      ) : (
        <p className="muted small">{t('versions.readOnlyHint')}</p>
      )}
      <p className="notice-line small" role="status" data-testid="versions-notice">{notice}</p>

      {versions && versions.length > 0 && (
        <form
          className="version-compare"
          aria-labelledby="compare-versions-title"
          onSubmit={(e) => {
            e.preventDefault()
            if (from && to) setView({ kind: 'compare', from, to })
          }}
        >
          <h3 id="compare-versions-title">{t('versions.compareTitle')}</h3>
          <label className="field">
            {t('versions.from')}
            <select value={from} onChange={(e) => setFrom(e.target.value)}>
              {versions.map((v) => <option key={v.id} value={v.id}>{optionLabel(v)}</option>)}
              <option value={CURRENT}>{t('versions.current')}</option>
            </select>
          </label>
          <label className="field">
            {t('versions.to')}
            <select value={to} onChange={(e) => setTo(e.target.value)}>
              <option value={CURRENT}>{t('versions.current')}</option>
              {versions.map((v) => <option key={v.id} value={v.id}>{optionLabel(v)}</option>)}
            </select>
          </label>
          <button type="submit">{t('versions.compare')}</button>
        </form>
      )}

      <FormError message={loadError ? t('versions.loadError', { message: loadError }) : ''} />
      {versions === null && !loadError && <p className="muted" role="status">{t('common.loading')}</p>}
      {versions?.length === 0 && <p className="muted">{t(canEdit ? 'versions.empty' : 'versions.emptyReadOnly')}</p>}
      <ol className="version-list" aria-label={t('versions.title')}>
        {versions?.map((v) => (
          <li key={v.id} data-testid="version-row" data-kind={v.kind} className={`version-${v.kind}`}>
            <div className="version-name">
              <strong>{versionName(v, t)}</strong>
              {v.kind === 'auto' && <span className="role-badge">{t('versions.automatic')}</span>}
            </div>
            <div className="muted small">
              {time.format(new Date(v.createdAt))}
              {v.author && ` · ${v.author.displayName}`}
              {v.organization && ` · ${v.organization.shortName}`}
            </div>
            {v.restoredFrom && <div className="muted small">{t('versions.beforeRestoring', { name: nameOf(v.restoredFrom) })}</div>}
            {v.note && <div className="version-note small">{v.note}</div>}
            <div className="version-actions">
              <button type="button" className="link-button" onClick={() => setView({ kind: 'version', id: v.id })}>{t('versions.open')}</button>
              <button type="button" className="link-button" onClick={() => setView({ kind: 'compare', from: v.id, to: CURRENT })}>{t('versions.compareWithCurrent')}</button>
              {canEdit && <button type="button" className="link-button" onClick={() => setRestoring(v)}>{t('versions.restore')}</button>}
            </div>
          </li>
        ))}
      </ol>

      {view?.kind === 'version' && (
        <VersionView
          docId={docId}
          title={title}
          versionId={view.id}
          language={language}
          canEdit={canEdit}
          onCompare={(id) => setView({ kind: 'compare', from: id, to: CURRENT })}
          onRestore={setRestoring}
          onClose={() => setView(null)}
        />
      )}
      {view?.kind === 'compare' && <CompareView docId={docId} from={view.from} to={view.to} onClose={() => setView(null)} />}
      {restoring && <RestoreDialog docId={docId} version={restoring} onRestored={restored} onCancel={() => setRestoring(null)} />}
    </section>
  )
}
