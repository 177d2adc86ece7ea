import { useEffect, useState, type FormEvent } from 'react'
import type { InvitationInfo } from '../../shared/api'
import { api } from '../api/http'
import { useAction } from '../ui/useAction'
import { useI18n } from '../i18n/i18n'
import { navigate } from '../router'
import { Field, FormError } from '../ui/Field'
import { applySession, useSession } from './session'
import { useFailure } from '../ui/useFailure'

/** An invited person opens their one-time link, chooses a display name and a password. */
export function InvitePage({ token }: { token: string }) {
  const { t } = useI18n()
  const [info, setInfo] = useState<InvitationInfo | null>(null)
  const [loadError, setLoadError] = useFailure()
  const [displayName, setDisplayName] = useState('')
  const [password, setPassword] = useState('')
  const { busy, error, run } = useAction()
  const signedIn = Boolean(useSession().info?.user)

  useEffect(() => {
    api.invitationInfo(token).then(setInfo, (err: unknown) => setLoadError(err))
  }, [token, setLoadError])

  function submit(event: FormEvent) {
    event.preventDefault()
    void run(async () => {
      const session = await api.acceptInvitation(token, { displayName, password })
      navigate('/')
      applySession(session)
    })
  }

  return (
    <main className="page narrow">
      <div className="card">
        <h1>{t('invite.title')}</h1>
        {loadError && <FormError message={loadError} />}
        {/* A used, expired or unknown link: the way on is to sign in (or, signed in, to the drafts). */}
        {loadError && (
          <p>
            <a href="/" onClick={(e) => { e.preventDefault(); navigate('/') }}>{t(signedIn ? 'invite.toDrafts' : 'invite.toSignIn')}</a>
          </p>
        )}
        {!info && !loadError && <p className="muted">{t('common.loading')}</p>}
        {info && (
          <form onSubmit={submit} className="stack">
            <p>{t('invite.intro', { organization: info.organization.name, email: info.email })}</p>
            <Field label={t('auth.displayName')} name="displayName" required autoFocus maxLength={80} value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
            <Field label={t('auth.newPassword')} name="password" type="password" autoComplete="new-password" required minLength={10} hint={t('auth.passwordHint')} value={password} onChange={(e) => setPassword(e.target.value)} />
            <FormError message={error} />
            <button type="submit" className="primary" disabled={busy}>{t('invite.submit')}</button>
          </form>
        )}
      </div>
    </main>
  )
}
