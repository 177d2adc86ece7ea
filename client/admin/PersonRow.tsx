import { useState, type FormEvent } from 'react'
import type { AccountSummary, ChangeAccountInput, OrganizationSummary } from '../../shared/api'
import { useI18n } from '../i18n/i18n'
import { busyButton } from '../ui/busyButton'
import { ConfirmDialog } from '../ui/ConfirmDialog'
import { useFocusBack } from '../ui/useFocusBack'
import { EmailForm } from './EmailForm'
import { onEscape } from '../ui/onEscape'

/**
 * One account in the People table, with its actions. Changing the organization or the email opens
 * a small form in the row (its field has the focus; Escape or Cancel closes it); deactivating asks first.
 * The focus goes back to the button that opened either when it closes. An active account's
 * password reset link is made at once (the section shows it).
 */
export function PersonRow({ person, organizations, isMe, onChange, onResetLink, onError }: {
  person: AccountSummary
  organizations: OrganizationSummary[]
  isMe: boolean
  /** Sends the change; rejects with the server's refusal. */
  onChange: (person: AccountSummary, change: ChangeAccountInput) => Promise<void>
  /** Makes a password reset link for the person; rejects with the server's refusal. */
  onResetLink: (person: AccountSummary) => Promise<void>
  /** A refused change made from the row itself (the confirmation says its own). */
  onError: (err: unknown) => void
}) {
  const { t } = useI18n()
  const [movingTo, setMovingTo] = useState<string | null>(null)
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const changeButton = useFocusBack<HTMLButtonElement>(movingTo !== null)
  const [editingEmail, setEditingEmail] = useState(false)
  const emailButton = useFocusBack<HTMLButtonElement>(editingEmail)
  const activeButton = useFocusBack<HTMLButtonElement>(confirming)
  const active = person.deactivatedAt === null
  const name = person.displayName

  /** Whether the action (a change, or a reset link) was done. */
  async function act(action: () => Promise<void>): Promise<boolean> {
    setBusy(true)
    try {
      await action()
      return true
    } catch (err) {
      onError(err)
      return false
    } finally {
      setBusy(false)
    }
  }

  const change = (input: ChangeAccountInput) => act(() => onChange(person, input))


  function move(event: FormEvent) {
    event.preventDefault()
    const target = movingTo
    if (target === null || target === person.organization.id) {
      setMovingTo(null)
      return
    }
    // The form stays open when the move is refused (the section says why).
    void change({ organizationId: target }).then((done) => done && setMovingTo(null))
  }

  return (
    <tr data-testid="person-row" data-person={person.email} className={active ? undefined : 'deactivated'}>
      <th scope="row">
        {name} {isMe && <span className="muted">{t('admin.person.you')}</span>}
      </th>
      <td>
        {editingEmail ? (
          <EmailForm
            name={name}
            email={person.email}
            busy={busy}
            onSave={(email) => void change({ email }).then((done) => done && setEditingEmail(false))}
            onCancel={() => setEditingEmail(false)}
          />
        ) : (
          person.email
        )}
      </td>
      <td>
        {movingTo === null ? (
          <span className="person-org">
            <span className="presence-dot" style={{ backgroundColor: person.organization.color }} aria-hidden="true" /> {person.organization.name}
          </span>
        ) : (
          <form className="person-move" onSubmit={move} onKeyDown={onEscape(() => setMovingTo(null))}>
            <select
              autoFocus
              aria-label={t('admin.person.organizationOf', { name })}
              value={movingTo}
              onChange={(e) => setMovingTo(e.target.value)}
            >
              {organizations.map((org) => (
                <option key={org.id} value={org.id}>{org.name}</option>
              ))}
            </select>
            <button type="submit" className="primary" {...busyButton(busy)}>{t('admin.person.moveHere')}</button>
            <button type="button" onClick={() => setMovingTo(null)}>{t('common.cancel')}</button>
          </form>
        )}
      </td>
      <td>{person.isAdmin ? t('admin.person.isAdmin') : t('admin.person.notAdmin')}</td>
      <td data-testid="person-status">{active ? t('admin.person.active') : t('admin.person.deactivated')}</td>
      <td>
        <div className="person-actions" role="group" aria-label={t('admin.person.actionsOf', { name })}>
          {movingTo === null && (
            <button type="button" className="link-button" ref={changeButton} onClick={() => setMovingTo(person.organization.id)}>
              {t('admin.person.changeOrganization')}
            </button>
          )}
          {!editingEmail && (
            <button type="button" className="link-button" ref={emailButton} onClick={() => setEditingEmail(true)}>
              {t('admin.person.changeEmail')}
            </button>
          )}
          <button type="button" className="link-button" {...busyButton(busy)} onClick={() => void change({ isAdmin: !person.isAdmin })}>
            {person.isAdmin ? t('admin.person.removeAdmin') : t('admin.person.makeAdmin')}
          </button>
          {/* A deactivated person's link would let nobody in: the server refuses to make one. */}
          {active && (
            <button type="button" className="link-button" {...busyButton(busy)} onClick={() => void act(() => onResetLink(person))}>
              {t('admin.person.resetLink')}
            </button>
          )}
          {/* One button for both: after the change the focus stays where it was. Not on one's own
              row: the server refuses it (an administrator would lock themselves out). */}
          {!isMe && <button
            type="button"
            className={active ? 'link-button danger' : 'link-button'}
            ref={activeButton}
            {...busyButton(busy)}
            onClick={() => (active ? setConfirming(true) : void change({ active: true }))}
          >
            {active ? t('admin.person.deactivate') : t('admin.person.reactivate')}
          </button>}
        </div>
        {confirming && (
          <ConfirmDialog
            title={t('admin.person.deactivateTitle', { name })}
            text={t('admin.person.deactivateText', { name })}
            busyText={t('admin.person.deactivating')}
            confirmLabel={t('admin.person.deactivate')}
            danger
            testId="deactivate-dialog"
            // A refusal stays in the dialog, in words (ConfirmDialog shows it).
            onConfirm={() => onChange(person, { active: false }).then(() => setConfirming(false))}
            onCancel={() => setConfirming(false)}
          />
        )}
      </td>
    </tr>
  )
}
