import { useState, type FormEvent } from 'react'
import { api } from '../api/http'
import { useAction } from '../ui/useAction'
import { useI18n } from '../i18n/i18n'
import { Field, FormError } from '../ui/Field'
import { applySession } from './session'

/** A fresh installation: create the first administrator and their organization. */
export function SetupPage() {
  const { t } = useI18n()
  const [form, setForm] = useState({ email: '', displayName: '', password: '', orgName: '', orgShort: '', orgColor: '#1f5fa8' })
  const { busy, error, run } = useAction()
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value })

  function submit(event: FormEvent) {
    event.preventDefault()
    void run(async () =>
      applySession(
        await api.setup({
          email: form.email,
          displayName: form.displayName,
          password: form.password,
          organization: { name: form.orgName, shortName: form.orgShort, color: form.orgColor },
        }),
      ),
    )
  }

  return (
    <main className="page narrow">
      <form className="card" onSubmit={submit} aria-labelledby="setup-title">
        <h1 id="setup-title">{t('setup.title')}</h1>
        <p className="muted">{t('setup.intro')}</p>
        <Field label={t('auth.displayName')} name="displayName" required autoFocus maxLength={80} value={form.displayName} onChange={set('displayName')} />
        <Field label={t('auth.email')} name="email" type="email" autoComplete="username" required value={form.email} onChange={set('email')} />
        <Field label={t('auth.newPassword')} name="password" type="password" autoComplete="new-password" required minLength={10} hint={t('auth.passwordHint')} value={form.password} onChange={set('password')} />
        <fieldset>
          <legend>{t('setup.organization')}</legend>
          <Field label={t('org.name')} name="orgName" required maxLength={200} value={form.orgName} onChange={set('orgName')} />
          <Field label={t('org.shortName')} name="orgShort" required maxLength={30} value={form.orgShort} onChange={set('orgShort')} />
          <Field label={t('org.color')} name="orgColor" type="color" value={form.orgColor} onChange={set('orgColor')} />
        </fieldset>
        <FormError message={error} />
        <button type="submit" className="primary" disabled={busy}>{t('setup.submit')}</button>
      </form>
    </main>
  )
}
