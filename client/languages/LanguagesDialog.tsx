import { useEffect, useState, type FormEvent, type ReactNode } from 'react'
import type { LanguageVersion } from '../../shared/api'
import { LANGUAGES, type Language } from '../../shared/language'
import { api } from '../api/http'
import { useI18n } from '../i18n/i18n'
import { navigate } from '../router'
import { Field, FormError } from '../ui/Field'
import { useAction } from '../ui/useAction'
import { useModalDialog } from '../ui/useModalDialog'
import { ParallelView } from './ParallelView'
import { useFailure } from '../ui/useFailure'

/**
 * The law's language versions (shared/languageVersions.ts): open one, put it side by side with
 * this draft, or (owners and drafters) create one in a language the law does not have yet.
 * The side-by-side view takes the dialog's place while open; closing it comes back here.
 */
export function LanguagesDialog({ docId, title, language, canEdit, onShowBeside, onClose }: {
  docId: string
  title: string
  language: Language
  canEdit: boolean
  /** Shows that version's article at the caret in a side panel (ParallelPanel). */
  onShowBeside: (version: LanguageVersion) => void
  onClose: () => void
}) {
  const { t } = useI18n()
  const [versions, setVersions] = useState<LanguageVersion[] | null>(null)
  const [loadError, setLoadError] = useFailure()
  const [parallelWith, setParallelWith] = useState<LanguageVersion | null>(null)
  const [newTitle, setNewTitle] = useState(title)
  const creating = useAction()

  useEffect(() => {
    let cancelled = false
    api.languageVersions(docId).then(
      (list) => !cancelled && setVersions(list),
      (err: unknown) => !cancelled && setLoadError(err),
    )
    return () => {
      cancelled = true
    }
  }, [docId, setLoadError])

  if (parallelWith) {
    const original = versions?.find((v) => v.id === docId)?.original ?? false
    return <ParallelView left={{ id: docId, title, language, original }} right={parallelWith} onClose={() => setParallelWith(null)} />
  }

  const others = versions?.filter((v) => v.id !== docId) ?? []
  const missing = versions ? LANGUAGES.filter((l) => !versions.some((v) => v.language === l)) : []

  function create(target: Language) {
    return (event: FormEvent) => {
      event.preventDefault()
      void creating.run(async () => {
        const created = await api.createLanguageVersion(docId, { language: target, title: newTitle.trim() || title })
        navigate(`/d/${created.id}`)
      })
    }
  }

  return (
    <Dialog onClose={onClose}>
      <h2 id="languages-title">{t('languages.title')}</h2>
      <p className="muted small">{t('languages.intro')}</p>
      {!versions && !loadError && <p className="muted" role="status">{t('languages.loading')}</p>}
      <FormError message={loadError} />
      {versions && (
        <ul className="plain-list" aria-label={t('languages.title')}>
          <li data-testid="language-version" data-language={language}>
            <strong>{t(`languages.name.${language}`)}</strong> — {title} <span className="muted">({t('languages.this')})</span>
          </li>
          {others.map((v) => (
            <li key={v.id} data-testid="language-version" data-language={v.language}>
              <strong>{t(`languages.name.${v.language}`)}</strong> — {v.title}{' '}
              <button type="button" onClick={() => setParallelWith(v)} data-testid="side-by-side">{t('languages.sideBySide')}</button>{' '}
              <button type="button" onClick={() => onShowBeside(v)} data-testid="show-beside">{t('languages.beside')}</button>{' '}
              <a
                href={`/d/${v.id}`}
                className="button-link"
                onClick={(e) => {
                  e.preventDefault()
                  navigate(`/d/${v.id}`)
                }}
              >
                {t('languages.open')}
              </a>
            </li>
          ))}
        </ul>
      )}
      {versions && others.length === 0 && <p className="muted" data-testid="no-language-versions">{t('languages.none')}</p>}
      {versions && missing.length > 0 && (canEdit ? (
        missing.map((target) => (
          <form key={target} onSubmit={create(target)} className="inline-form" aria-label={t(`languages.create.${target}`)}>
            <Field label={t('languages.newTitle')} value={newTitle} onChange={(e) => setNewTitle(e.target.value)} maxLength={300} />
            <button type="submit" className="primary" disabled={creating.busy} data-testid={`create-language-${target}`}>
              {creating.busy ? t('languages.creating') : t(`languages.create.${target}`)}
            </button>
          </form>
        ))
      ) : (
        <p className="muted small">{t('languages.editorsOnly')}</p>
      ))}
      <FormError message={creating.error} />
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>{t('common.close')}</button>
      </div>
    </Dialog>
  )
}

/** The modal itself: mounted afresh each time it shows, so its focus handling starts again. */
function Dialog({ onClose, children }: { onClose: () => void; children: ReactNode }) {
  const dialog = useModalDialog<HTMLDivElement>(onClose)
  return (
    <div className="dialog-backdrop" onClick={onClose}>
      <div className="dialog wide" {...dialog} aria-labelledby="languages-title" data-testid="languages-dialog" onClick={(e) => e.stopPropagation()}>
        {children}
      </div>
    </div>
  )
}
