import { useMemo, useState } from 'react'
import type { AccountSummary, ChangeAccountInput, OrganizationSummary, PasswordResetCreated } from '../../shared/api'
import { api } from '../api/http'
import { refreshSession } from '../auth/session'
import { useI18n } from '../i18n/i18n'
import { FormError } from '../ui/Field'
import { PersonRow } from './PersonRow'
import { findPeople, PEOPLE_SHOWN, type PeopleShown } from './findPeople'
import { useFailure } from '../ui/useFailure'
import { LinkNotice } from './LinkNotice'
import { dateFormat } from '../i18n/dates'

/** Everyone with an account: their organization, administrator's right and whether they may sign in. */
export function PeopleSection({ people, organizations, myId, onChanged }: {
  people: AccountSummary[]
  organizations: OrganizationSummary[]
  myId: string | null
  onChanged: () => void
}) {
  const { t, language } = useI18n()
  const [error, setError] = useFailure()
  const [saved, setSaved] = useState('')
  const [query, setQuery] = useState('')
  const [show, setShow] = useState<PeopleShown>('all')
  const found = useMemo(() => findPeople(people, query, show), [people, query, show])
  const [resetLink, setResetLink] = useState<{ name: string; created: PasswordResetCreated } | null>(null)

  async function change(person: AccountSummary, input: ChangeAccountInput): Promise<void> {
    setError(null)
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

  async function makeResetLink(person: AccountSummary): Promise<void> {
    setError(null)
    setSaved('')
    setResetLink({ name: person.displayName, created: await api.createPasswordReset(person.id) })
  }

  return (
    <section className="card" aria-labelledby="people-title">
      <h2 id="people-title">{t('admin.people')}</h2>
      {people.length === 0 ? (
        <p className="muted">{t('admin.noPeople')}</p>
      ) : (
        <>
        <div className="document-filters">
          <label className="field">
            {t('admin.people.find')}
            <input type="search" name="findPerson" data-testid="find-person" placeholder={t('admin.people.findHint')} value={query} onChange={(e) => setQuery(e.target.value)} />
          </label>
          <label className="field">
            {t('admin.people.show')}
            <select name="peopleShown" data-testid="people-shown" value={show} onChange={(e) => setShow(e.target.value as PeopleShown)}>
              {PEOPLE_SHOWN.map((s) => <option key={s} value={s}>{t(`admin.people.show.${s}`)}</option>)}
            </select>
          </label>
        </div>
        <p className="muted small" role="status" data-testid="people-count">
          {found.length === people.length ? t('admin.people.count', { n: people.length }) : t('admin.people.countOf', { n: found.length, total: people.length })}
        </p>
        {found.length === 0 ? (
          <p className="empty-state">{query.trim() ? t('admin.people.noMatch', { query: query.trim() }) : t('admin.people.noneShown')}</p>
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
              {found.map((person) => (
                <PersonRow
                  key={person.id}
                  person={person}
                  organizations={organizations}
                  isMe={person.id === myId}
                  onChange={change}
                  onResetLink={makeResetLink}
                  onError={(err) => setError(err)}
                />
              ))}
            </tbody>
          </table>
        </div>
        )}
        </>
      )}
      <FormError message={error} />
      {resetLink && (
        <LinkNotice
          text={t('admin.resetCreated', { name: resetLink.name, date: dateFormat(language).format(new Date(resetLink.created.expiresAt)) })}
          label={t('admin.resetLink', { name: resetLink.name })}
          url={resetLink.created.url}
          testId="reset-link"
        />
      )}
      <p className="muted small" role="status">{saved}</p>
    </section>
  )
}
