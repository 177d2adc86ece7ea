import { useCallback, useEffect, useState } from 'react'
import type { OrganizationSummary, PendingInvitation, PersonSummary } from '../../shared/api'
import { api, errorText } from '../api/http'
import { useI18n } from '../i18n/i18n'
import { FormError } from '../ui/Field'
import { InvitationsSection } from './InvitationsSection'
import { OrganizationsSection } from './OrganizationsSection'

/** Administrators: organizations, invitations, and who is in which organization. */
export function AdminPage() {
  const { t } = useI18n()
  const [organizations, setOrganizations] = useState<OrganizationSummary[]>([])
  const [pending, setPending] = useState<PendingInvitation[]>([])
  const [people, setPeople] = useState<PersonSummary[]>([])
  const [error, setError] = useState('')

  const reload = useCallback(() => {
    Promise.all([api.listOrganizations(), api.listInvitations(), api.listPeople()]).then(
      ([orgs, invitations, persons]) => {
        setOrganizations(orgs)
        setPending(invitations)
        setPeople(persons)
      },
      (err: unknown) => setError(errorText(err, t)),
    )
  }, [t])
  useEffect(reload, [reload])

  return (
    <main className="page admin-page">
      <h1>{t('admin.title')}</h1>
      <FormError message={error} />
      <OrganizationsSection organizations={organizations} onChanged={reload} />
      <InvitationsSection organizations={organizations} pending={pending} onChanged={reload} />
      <section className="card" aria-labelledby="people-title">
        <h2 id="people-title">{t('admin.people')}</h2>
        <ul className="plain-list">
          {people.map((p) => (
            <li key={p.id}>
              <span className="presence-dot" style={{ backgroundColor: p.organization.color }} aria-hidden="true" /> {p.displayName} · <span className="muted">{p.organization.name}</span>
            </li>
          ))}
        </ul>
      </section>
    </main>
  )
}
