import { useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react'
import type { Grant, OrganizationSummary, PersonSummary, PrincipalType } from '../../shared/api'
import { ROLES, type Role } from '../../shared/roles'
import { api } from '../api/http'
import { useI18n } from '../i18n/i18n'
import { FormError } from '../ui/Field'
import { useModalDialog } from '../ui/useModalDialog'
import { useFailure } from '../ui/useFailure'
import { useAction } from '../ui/useAction'
import { useFocusBack } from '../ui/useFocusBack'

function grantKey(grant: Grant): [PrincipalType, string] {
  return grant.principalType === 'organization' ? ['organization', grant.organization.id] : ['user', grant.user.id]
}

/** An organization or person as the form's choice names them: "organization:<id>", "user:<id>". */
const principalKey = (type: PrincipalType, id: string) => `${type}:${id}`

/**
 * One organization's or person's access: its role, changed at once, and its removal, asked
 * first (a click too many would shut a ministry out of the draft).
 */
function GrantRow({ grant, roleSelect, onRemove }: { grant: Grant; roleSelect: (name: string) => ReactNode; onRemove: () => Promise<void> }) {
  const { t } = useI18n()
  const [confirming, setConfirming] = useState(false)
  const removeButton = useFocusBack<HTMLButtonElement>(confirming)
  const [type] = grantKey(grant)
  const name = grant.principalType === 'organization' ? grant.organization.name : `${grant.user.displayName} · ${grant.user.organization.shortName}`
  return (
    <li data-testid="grant-row">
      <span className="grant-kind muted">{t(type === 'organization' ? 'share.organization' : 'share.person')}</span>
      <span className="grant-name">{name}</span>
      {roleSelect(name)}
      {confirming ? (
        <span className="grant-confirm">
          <span className="small">{t('share.removeConfirm', { name })}</span>
          <button type="button" className="link-button danger" onClick={() => void onRemove().finally(() => setConfirming(false))}>{t('share.removeYes')}</button>
          <button type="button" className="link-button" onClick={() => setConfirming(false)}>{t('common.cancel')}</button>
        </span>
      ) : (
        <button ref={removeButton} type="button" className="link-button danger" onClick={() => setConfirming(true)}>{t('share.remove')}</button>
      )}
    </li>
  )
}

/** Owners share a draft with whole organizations or single people, each with a role. */
export function ShareDialog({ docId, onClose }: { docId: string; onClose: () => void }) {
  const { t } = useI18n()
  const [grants, setGrants] = useState<Grant[]>([])
  const [organizations, setOrganizations] = useState<OrganizationSummary[]>([])
  const [people, setPeople] = useState<PersonSummary[]>([])
  const [listed, setListed] = useState(false)
  const [principal, setPrincipal] = useState('')
  const [role, setRole] = useState<Role>('reviewer')
  const [error, setError] = useFailure()

  const reload = useCallback(() => {
    api.listGrants(docId).then(setGrants, (err: unknown) => setError(err))
  }, [docId, setError])

  useEffect(() => {
    reload()
    Promise.all([api.listOrganizations(), api.listPeople()]).then(([orgs, persons]) => {
      setOrganizations(orgs)
      setPeople(persons)
      setListed(true)
    }, (err: unknown) => setError(err))
  }, [reload, setError])

  const dialog = useModalDialog<HTMLDivElement>(onClose)

  const { error: actionError, run } = useAction()
  /** A change of access, then the list as the server has it. */
  const act = (request: () => Promise<unknown>) =>
    run(async () => {
      await request()
      reload()
    })
  const change = (principalType: PrincipalType, principalId: string, nextRole: Role) => act(() => api.putGrant(docId, { principalType, principalId, role: nextRole }))
  const revoke = (principalType: PrincipalType, principalId: string) => act(() => api.revokeGrant(docId, principalType, principalId))

  /** Set by "Give access": if that was the last one, the focus goes to the words that say so. */
  const justAdded = useRef(false)
  function add(event: FormEvent) {
    event.preventDefault()
    const [type, id] = principal.split(':') as [PrincipalType, string]
    if (!id) return
    justAdded.current = true
    void change(type, id, role).then(() => setPrincipal(''))
  }

  // Those with access already are changed in their row above, not given access twice.
  const granted = new Set(grants.map((grant) => principalKey(...grantKey(grant))))
  const offeredOrganizations = organizations.filter((org) => !granted.has(principalKey('organization', org.id)))
  const offeredPeople = people.filter((p) => !granted.has(principalKey('user', p.id)))
  const everyone = listed && offeredOrganizations.length === 0 && offeredPeople.length === 0
  // Giving access to the last one takes the form, and the focus on its button, away: the words take it.
  const everyoneLine = useRef<HTMLParagraphElement>(null)
  useEffect(() => {
    if (everyone && justAdded.current) everyoneLine.current?.focus()
    justAdded.current = false
  }, [everyone])
  const roleSelect = (value: Role, onChange: (r: Role) => void, label: string) => (
    <select value={value} aria-label={label} onChange={(e) => onChange(e.target.value as Role)}>
      {ROLES.map((r) => (
        <option key={r} value={r}>{t(`role.${r}`)}</option>
      ))}
    </select>
  )

  return (
    <div className="dialog-backdrop" onClick={onClose}>
      <div className="dialog wide" {...dialog} aria-labelledby="share-title" onClick={(e) => e.stopPropagation()}>
        <h2 id="share-title">{t('share.title')}</h2>
        <p className="muted small">{t('share.rolesHelp')}</p>
        <ul className="plain-list" aria-label={t('share.current')}>
          {grants.map((grant) => {
            const [type, id] = grantKey(grant)
            return (
              <GrantRow
                key={principalKey(type, id)}
                grant={grant}
                roleSelect={(name) => roleSelect(grant.role, (r) => void change(type, id, r), t('share.roleFor', { name }))}
                onRemove={() => revoke(type, id)}
              />
            )
          })}
        </ul>
        {everyone ? (
          <p ref={everyoneLine} tabIndex={-1} className="muted small" data-testid="share-everyone">{t('share.everyone')}</p>
        ) : (
          <form onSubmit={add} className="inline-form" aria-label={t('share.add')}>
            <label className="field">
              {t('share.who')}
              <select name="principal" aria-label={t('share.who')} value={principal} onChange={(e) => setPrincipal(e.target.value)} required>
                <option value="">—</option>
                <optgroup label={t('share.organizations')}>
                  {offeredOrganizations.map((org) => (
                    <option key={org.id} value={principalKey('organization', org.id)}>{org.name}</option>
                  ))}
                </optgroup>
                <optgroup label={t('share.people')}>
                  {offeredPeople.map((p) => (
                    <option key={p.id} value={principalKey('user', p.id)}>{p.displayName} · {p.organization.shortName}</option>
                  ))}
                </optgroup>
              </select>
            </label>
            <label className="field">
              {t('share.role')}
              {roleSelect(role, setRole, t('share.role'))}
            </label>
            <button type="submit" className="primary" disabled={!principal}>{t('share.add')}</button>
          </form>
        )}
        <FormError message={actionError || error} />
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>{t('common.close')}</button>
        </div>
      </div>
    </div>
  )
}
