import { useState, type FormEvent } from 'react'
import type { DocumentSummary } from '../../shared/api'
import type { Language } from '../../shared/language'
import { api } from '../api/http'
import { useI18n } from '../i18n/i18n'
import { ConfirmDialog } from '../ui/ConfirmDialog'
import { useModalDialog } from '../ui/useModalDialog'

interface CreateValues {
  title: string
  language: Language
  template: 'empty' | 'sample'
}

export function CreateDocumentDialog({ onSubmit, onCancel, busy, error }: {
  onSubmit: (values: CreateValues) => void
  onCancel: () => void
  busy: boolean
  error: string
}) {
  const { t, language: uiLanguage } = useI18n()
  const [values, setValues] = useState<CreateValues>({ title: '', language: uiLanguage, template: 'empty' })
  const dialog = useModalDialog<HTMLDivElement>(onCancel)
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (values.title.trim()) onSubmit(values)
  }
  return (
    <div className="dialog-backdrop">
      <div className="dialog" {...dialog} aria-labelledby="create-title">
        <h2 id="create-title">{t('create.title')}</h2>
        <form className="dialog-form" onSubmit={submit}>
          <label>
            {t('create.name')}
            <input name="title" autoFocus required maxLength={300} value={values.title} onChange={(e) => setValues({ ...values, title: e.target.value })} />
          </label>
          <fieldset>
            <legend>{t('create.language')}</legend>
            {(['en', 'ru'] as const).map((lang) => (
              <label key={lang} className="inline">
                <input type="radio" name="language" value={lang} checked={values.language === lang} onChange={() => setValues({ ...values, language: lang })} />
                {t(lang === 'en' ? 'docs.language.en' : 'docs.language.ru')}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>{t('create.template')}</legend>
            {(['empty', 'sample'] as const).map((template) => (
              <label key={template} className="inline">
                <input type="radio" name="template" value={template} checked={values.template === template} onChange={() => setValues({ ...values, template })} />
                {t(template === 'empty' ? 'create.template.empty' : 'create.template.sample')}
              </label>
            ))}
          </fieldset>
          {error && <p className="error" role="alert">{error}</p>}
          <div className="dialog-actions">
            <button type="button" onClick={onCancel}>{t('common.cancel')}</button>
            <button type="submit" className="primary" disabled={busy || !values.title.trim()}>{t('create.submit')}</button>
          </div>
        </form>
      </div>
    </div>
  )
}

export function RenameDialog({ initial, onSubmit, onCancel, error }: {
  initial: string
  onSubmit: (title: string) => void
  onCancel: () => void
  error: string
}) {
  const { t } = useI18n()
  const [title, setTitle] = useState(initial)
  const dialog = useModalDialog<HTMLDivElement>(onCancel)
  return (
    <div className="dialog-backdrop">
      <div className="dialog" {...dialog} aria-labelledby="rename-title">
        <h2 id="rename-title">{t('rename.title')}</h2>
        <form
          className="dialog-form"
          onSubmit={(e) => {
            e.preventDefault()
            if (title.trim()) onSubmit(title)
          }}
        >
          <label>
            {t('create.name')}
            <input name="title" autoFocus required maxLength={300} value={title} onChange={(e) => setTitle(e.target.value)} />
          </label>
          {error && <p className="error" role="alert">{error}</p>}
          <div className="dialog-actions">
            <button type="button" onClick={onCancel}>{t('common.cancel')}</button>
            <button type="submit" className="primary" disabled={!title.trim()}>{t('common.save')}</button>
          </div>
        </form>
      </div>
    </div>
  )
}

/** "Delete “Model law”?" — says what deleting means before doing it; Cancel has the focus. */
export function DeleteDocumentDialog({ doc, onDeleted, onCancel }: {
  doc: DocumentSummary
  onDeleted: () => void
  onCancel: () => void
}) {
  const { t } = useI18n()
  return (
    <ConfirmDialog
      testId="delete-dialog"
      title={t('docs.deleteTitle', { title: doc.title })}
      text={t('docs.deleteConfirm')}
      busyText={t('docs.deleting')}
      confirmLabel={t('docs.delete')}
      danger
      onConfirm={async () => {
        await api.deleteDocument(doc.id)
        onDeleted()
      }}
      onCancel={onCancel}
    />
  )
}
