import { useState } from 'react'
import type { AccountSummary, ChangeAccountInput, OrganizationSummary } from '../../shared/api'
import { api, errorText } from '../api/http'
import { refreshSession } from '../auth/session'
import { useI18n } from '../i18n/i18n'
import { FormError } from '../ui/Field'
import { PersonRow } from './PersonRow'

/** Everyone with an account: their organization, administrator's right and whether they may sign in. */
export function PeopleSection({ people, organizations, myId, onChanged }: {
  people: AccountSummary[]
  organizations: OrganizationSummary[]
  myId: string | null
  onChanged: () => void
}) {
  const { t } = useI18n()
  const [error, setError] = useState('')
  const [saved, setSaved] = useState('')

  async function change(person: AccountSummary, input: ChangeAccountInput): Promise<void> {
    setError('')
    setSaved('')
    const changed = await api.changeAccount(person.id, input)
    const drafts = changed.handedOver.map((d) => t('admin.person.draftTitle', { title: d.title })).join(', ')
    setSaved(
      changed.handedOver.length > 0
        ? t('admin.person.handedOver', { name: changed.displayName, drafts, organization: changed.organization.name })
        : t('admin.person.changed', { name: changed.displayName }),
    )
    onChanged()
    // One's own right or organization: the top bar (and whether this page is offered) follows.
    if (person.id === myId) await refreshSession()
  }

  return (
    <section className="card" aria-labelledby="people-title">
      <h2 id="people-title">{t('admin.people')}</h2>
      {people.length === 0 ? (
        <p className="muted">{t('admin.noPeople')}</p>
      ) : (
        <div className="people-table-wrap">
          <table className="people-table" aria-labelledby="people-title">
            <thead>
              <tr>
                <th scope="col">{t('admin.person.name')}</th>
                <th scope="col">{t('admin.person.email')}</th>
                <th scope="col">{t('admin.person.organization')}</th>
                <th scope="col">{t('admin.person.administrator')}</th>
                <th scope="col">{t('admin.person.status')}</th>
                <th scope="col">{t('admin.person.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {people.map((person) => (
                <PersonRow
                  key={person.id}
                  person={person}
                  organizations={organizations}
                  isMe={person.id === myId}
                  onChange={change}
                  onError={(err) => setError(errorText(err, t))}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <FormError message={error} />
      <p className="muted small" role="status">{saved}</p>
    </section>
  )
}
