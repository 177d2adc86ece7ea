import { useState, type FormEvent } from 'react'
import type { UserSummary } from '../../shared/api'
import { api } from '../api/http'
import { useI18n } from '../i18n/i18n'
import { busyButton } from '../ui/busyButton'
import { Field, FormError } from '../ui/Field'
import { useAction } from '../ui/useAction'
import { refreshSession } from './session'

/**
 * One's own name, as co-authors see it (presence, comments, activity): a slip made when the
 * invitation was accepted is mended here. The top bar follows once the session is read again.
 */
export function OwnNameForm({ user }: { user: UserSummary }) {
  const { t } = useI18n()
  const [name, setName] = useState(user.displayName)
  const [saved, setSaved] = useState(false)
  const { busy, error, run } = useAction()
  // Nothing to send: the name as it is, or none (the server would refuse a blank one).
  const nothing = name.trim() === user.displayName || name.trim() === ''

  function submit(event: FormEvent) {
    event.preventDefault()
    setSaved(false)
    void run(async () => {
      await api.changeOwnName({ displayName: name })
      await refreshSession()
      setSaved(true)
    })
  }

  return (
    <form className="dialog-form own-name" onSubmit={submit}>
      <Field label={t('account.name')} name="displayName" autoComplete="name" required maxLength={80} autoFocus value={name} onChange={(e) => { setName(e.target.value); setSaved(false) }} />
      <FormError message={error} />
      {saved && <p className="notice" role="status" data-testid="name-saved">{t('account.nameSaved')}</p>}
      <div className="dialog-actions">
        <button type="submit" {...busyButton(busy, nothing)}>{t('account.saveName')}</button>
      </div>
    </form>
  )
}
