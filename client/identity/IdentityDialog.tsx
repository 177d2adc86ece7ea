import { useState, type FormEvent } from 'react'
import { useI18n } from '../i18n/i18n'
import { saveIdentity, type Identity } from './identity'

export function IdentityDialog({ current, onDone }: { current?: Identity | null; onDone?: () => void }) {
  const { t } = useI18n()
  const [name, setName] = useState(current?.name ?? '')
  const [organization, setOrganization] = useState(current?.organization ?? '')
  const [error, setError] = useState('')

  function submit(event: FormEvent) {
    event.preventDefault()
    if (!name.trim() || !organization.trim()) {
      setError(t('identity.required'))
      return
    }
    saveIdentity(name, organization)
    onDone?.()
  }

  return (
    <div className="dialog-backdrop">
      <form className="dialog" onSubmit={submit} aria-labelledby="identity-title">
        <h2 id="identity-title">{t('identity.title')}</h2>
        <p className="muted">{t('identity.intro')}</p>
        <label>
          {t('identity.name')}
          <input name="name" autoFocus value={name} maxLength={80} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          {t('identity.organization')}
          <input name="organization" value={organization} maxLength={120} onChange={(e) => setOrganization(e.target.value)} />
        </label>
        {error && <p className="error" role="alert">{error}</p>}
        <div className="dialog-actions">
          {onDone && current && (
            <button type="button" onClick={onDone}>
              {t('common.cancel')}
            </button>
          )}
          <button type="submit" className="primary">
            {t('identity.continue')}
          </button>
        </div>
      </form>
    </div>
  )
}
