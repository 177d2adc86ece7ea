import { useState, type FormEvent } from 'react'
import { api } from '../api/http'
import { useAction } from '../ui/useAction'
import { useI18n } from '../i18n/i18n'
import { navigate } from '../router'
import { Field, FormError } from '../ui/Field'
import { applySession } from './session'
import { OneTimeLinkPage } from './OneTimeLinkPage'

/** An invited person opens their one-time link, chooses a display name and a password. */
export function InvitePage({ token }: { token: string }) {
  const { t } = useI18n()
  const [displayName, setDisplayName] = useState('')
  const [password, setPassword] = useState('')
  const { busy, error, run } = useAction()

  function submit(event: FormEvent) {
    event.preventDefault()
    void run(async () => {
      const session = await api.acceptInvitation(token, { displayName, password })
      navigate('/')
      applySession(session)
    })
  }

  return (
    <OneTimeLinkPage title={t('invite.title')} token={token} load={api.invitationInfo}>
      {(info) => (
        <form onSubmit={submit} className="stack">
          <p>{t('invite.intro', { organization: info.organization.name, email: info.email })}</p>
          <Field label={t('auth.displayName')} name="displayName" required autoFocus maxLength={80} value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
          <Field label={t('auth.newPassword')} name="password" type="password" autoComplete="new-password" required minLength={10} hint={t('auth.passwordHint')} value={password} onChange={(e) => setPassword(e.target.value)} />
          <FormError message={error} />
          <button type="submit" className="primary" disabled={busy}>{t('invite.submit')}</button>
        </form>
      )}
    </OneTimeLinkPage>
  )
}
