import { useState, type FormEvent } from 'react'
import type { InvitationCreated, OrganizationSummary, PendingInvitation } from '../../shared/api'
import { api } from '../api/http'
import { useI18n } from '../i18n/i18n'
import { Field, FormError } from '../ui/Field'
import { dateFormat } from '../i18n/dates'
import { useFailure } from '../ui/useFailure'
import { LinkNotice } from './LinkNotice'

export function InvitationsSection({ organizations, pending, onChanged }: {
  organizations: OrganizationSummary[]
  pending: PendingInvitation[]
  onChanged: () => void
}) {
  const { t, language } = useI18n()
  const [email, setEmail] = useState('')
  const [organizationId, setOrganizationId] = useState('')
  const [isAdmin, setIsAdmin] = useState(false)
  const [created, setCreated] = useState<InvitationCreated | null>(null)
  const [error, setError] = useFailure()
  const date = dateFormat(language)

  async function submit(event: FormEvent) {
    event.preventDefault()
    setError(null)
    try {
      setCreated(await api.createInvitation({ email, organizationId: organizationId || organizations[0]?.id || '', isAdmin }))
      setEmail('')
      setIsAdmin(false)
      onChanged()
    } catch (err) {
      setError(err)
    }
  }

  async function revoke(id: string) {
    try {
      await api.revokeInvitation(id)
      onChanged()
    } catch (err) {
      setError(err)
    }
  }

  return (
    <section className="card" aria-labelledby="invites-title">
      <h2 id="invites-title">{t('admin.invitations')}</h2>
      <form onSubmit={submit} className="inline-form" aria-label={t('admin.invite')}>
        <Field label={t('auth.email')} name="inviteEmail" type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
        <label className="field">
          {t('admin.organization')}
          <select name="inviteOrganization" aria-label={t('admin.organization')} value={organizationId} onChange={(e) => setOrganizationId(e.target.value)}>
            {organizations.map((org) => (
              <option key={org.id} value={org.id}>{org.name}</option>
            ))}
          </select>
        </label>
        <label className="inline">
          <input type="checkbox" checked={isAdmin} onChange={(e) => setIsAdmin(e.target.checked)} /> {t('admin.isAdmin')}
        </label>
        <button type="submit" className="primary" disabled={organizations.length === 0}>{t('admin.invite')}</button>
      </form>
      <FormError message={error} />
      {created && (
        <LinkNotice
          text={`${t('admin.inviteCreated', { email: created.email, date: date.format(new Date(created.expiresAt)) })}${created.replaced > 0 ? ` ${t('admin.inviteReplaced')}` : ''}`}
          label={t('admin.inviteLink')}
          url={created.url}
          testId="invite-link"
        />
      )}
      {pending.length === 0 ? (
        <p className="muted">{t('admin.noPending')}</p>
      ) : (
        <ul className="plain-list">
          {pending.map((inv) => (
            <li key={inv.id}>
              {inv.email} · {inv.organization.shortName} · <span className="muted">{t('admin.expires', { date: date.format(new Date(inv.expiresAt)) })}</span>
              <button type="button" className="link-button danger" onClick={() => void revoke(inv.id)}>{t('admin.revoke')}</button>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
