import { useCallback, useEffect, useState } from 'react'
import type { AccountSummary, OrganizationSummary, PendingInvitation } from '../../shared/api'
import { api } from '../api/http'
import { useSession } from '../auth/session'
import { useI18n } from '../i18n/i18n'
import { FormError } from '../ui/Field'
import { InvitationsSection } from './InvitationsSection'
import { OrganizationsSection } from './OrganizationsSection'
import { PeopleSection } from './PeopleSection'
import { useFailure } from '../ui/useFailure'

/** Administrators: organizations, invitations, and people's accounts. */
export function AdminPage() {
  const { t } = useI18n()
  const [organizations, setOrganizations] = useState<OrganizationSummary[]>([])
  const [pending, setPending] = useState<PendingInvitation[]>([])
  const [people, setPeople] = useState<AccountSummary[]>([])
  const myId = useSession().info?.user?.id ?? null
  const [error, setError] = useFailure()

  const reload = useCallback(() => {
    Promise.all([api.listOrganizations(), api.listInvitations(), api.listAccounts()]).then(
      ([orgs, invitations, persons]) => {
        setOrganizations(orgs)
        setPending(invitations)
        setPeople(persons)
      },
      (err: unknown) => setError(err),
    )
  }, [setError])
  useEffect(reload, [reload])

  return (
    <main className="page admin-page">
      <h1>{t('admin.title')}</h1>
      <FormError message={error} />
      <OrganizationsSection organizations={organizations} onChanged={reload} />
      <InvitationsSection organizations={organizations} pending={pending} onChanged={reload} />
      <PeopleSection people={people} organizations={organizations} myId={myId} onChanged={reload} />
    </main>
  )
}
