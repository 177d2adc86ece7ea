import type { FormEvent } from 'react'
import { api } from '../api/http'
import { useAction } from '../ui/useAction'
import { useI18n } from '../i18n/i18n'
import { navigate } from '../router'
import { FormError } from '../ui/Field'
import { busyButton } from '../ui/busyButton'
import { applySession } from './session'
import { OneTimeLinkPage } from './OneTimeLinkPage'
import { useNewPassword } from './useNewPassword'

/**
 * A password reset link an administrator made (/reset/:token): names the account, takes the new
 * password twice and signs the person in; the server ends their other sessions.
 */
export function ResetPasswordPage({ token }: { token: string }) {
  const { t } = useI18n()
  const newPassword = useNewPassword({ name: 'password', autoFocus: true })
  const { busy, error, run } = useAction()

  function submit(event: FormEvent) {
    event.preventDefault()
    void run(async () => {
      if (!newPassword.confirmed()) return
      const session = await api.resetPassword(token, { password: newPassword.password })
      navigate('/')
      applySession(session)
    })
  }

  return (
    <OneTimeLinkPage title={t('reset.title')} token={token} load={api.passwordResetInfo}>
      {(info) => (
        <form onSubmit={submit} className="stack">
          <p>{t('reset.intro', { name: info.displayName, email: info.email })}</p>
          {/* For password managers: whose password this is. */}
          <input type="email" name="username" autoComplete="username" value={info.email} readOnly hidden />
          {newPassword.fields}
          <FormError message={error} />
          <button type="submit" className="primary" {...busyButton(busy)}>{t('reset.submit')}</button>
        </form>
      )}
    </OneTimeLinkPage>
  )
}
