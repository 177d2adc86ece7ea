import { useState, type FormEvent } from 'react'
import { api } from '../api/http'
import { useAction } from '../ui/useAction'
import { useI18n } from '../i18n/i18n'
import { Field, FormError } from '../ui/Field'
import { applySession } from './session'

export function SignInPage({ notice }: { notice?: string }) {
  const { t } = useI18n()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const { busy, error, run } = useAction()

  function submit(event: FormEvent) {
    event.preventDefault()
    void run(async () => applySession(await api.signIn({ email, password })))
  }

  return (
    <main className="page narrow">
      <form className="card" onSubmit={submit} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">{t('auth.signInTitle')}</h1>
        {notice && <p className="notice" role="status" data-testid="sign-in-notice">{notice}</p>}
        <Field label={t('auth.email')} name="email" type="email" autoComplete="username" required autoFocus value={email} onChange={(e) => setEmail(e.target.value)} />
        <Field label={t('auth.password')} name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        <FormError message={error} />
        <button type="submit" className="primary" disabled={busy}>{t('auth.signIn')}</button>
        <p className="muted small">{t('auth.forgotPassword')}</p>
        <p className="muted small">{t('auth.noAccount')}</p>
      </form>
    </main>
  )
}
