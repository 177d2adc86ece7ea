import { useId, useState, type FormEvent } from 'react'
import type { UserSummary } from '../../shared/api'
import { api } from '../api/http'
import { useI18n } from '../i18n/i18n'
import { busyButton } from '../ui/busyButton'
import { Field, FormError } from '../ui/Field'
import { useAction } from '../ui/useAction'
import { useModalDialog } from '../ui/useModalDialog'
import { useNewPassword } from './useNewPassword'
import { OwnNameForm } from './OwnNameForm'

/**
 * "Your account", opened from one's name in the top bar: one's name (to mend), who one is, and a
 * new password (the current one first, the new one twice). The server ends the person's other sessions; this one
 * stays, and the dialog says so.
 */
export function AccountDialog({ user, onClose }: { user: UserSummary; onClose: () => void }) {
  const { t } = useI18n()
  const { busy, error, run, clearError } = useAction()
  const dialog = useModalDialog<HTMLDivElement>(() => !busy && onClose())
  const id = useId()
  const [currentPassword, setCurrentPassword] = useState('')
  const newPassword = useNewPassword({ name: 'newPassword' })
  const [changed, setChanged] = useState(false)

  function submit(event: FormEvent) {
    event.preventDefault()
    setChanged(false)
    void run(async () => {
      // Said before sending (an earlier refusal goes): a typing slip would lock the person out.
      if (!newPassword.confirmed()) return
      await api.changePassword({ currentPassword, newPassword: newPassword.password })
      setCurrentPassword('')
      newPassword.clear()
      setChanged(true)
    })
  }

  return (
    <div className="dialog-backdrop">
      <div {...dialog} className="dialog" aria-labelledby={`${id}-title`} data-testid="account-dialog">
        <h2 id={`${id}-title`}>{t('account.title')}</h2>
        <OwnNameForm user={user} />
        <dl className="account-facts">
          <dt>{t('account.email')}</dt>
          <dd>{user.email}</dd>
          <dt>{t('account.organization')}</dt>
          <dd>
            <span className="presence-dot" style={{ backgroundColor: user.organization.color }} aria-hidden="true" /> {user.organization.name}
          </dd>
        </dl>
        <form className="dialog-form" onSubmit={submit} aria-labelledby={`${id}-password`}>
          <h3 id={`${id}-password`}>{t('account.changePassword')}</h3>
          {/* For password managers: whose password this is. */}
          <input type="email" name="username" autoComplete="username" value={user.email} readOnly hidden />
          <Field label={t('account.currentPassword')} name="currentPassword" type="password" autoComplete="current-password" required value={currentPassword} onChange={(e) => {
              // A refusal of the password typed before is no longer true of the one being typed.
              setCurrentPassword(e.target.value)
              clearError()
            }} />
          {newPassword.fields}
          <FormError message={error} />
          {busy && <p className="muted" role="status">{t('account.changing')}</p>}
          {changed && <p className="notice" role="status" data-testid="password-changed">{t('account.passwordChanged')}</p>}
          <div className="dialog-actions">
            <button type="button" onClick={onClose} disabled={busy}>{t('common.close')}</button>
            <button type="submit" className="primary" {...busyButton(busy)}>{t('account.changePassword')}</button>
          </div>
        </form>
      </div>
    </div>
  )
}
