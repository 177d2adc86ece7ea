import { useState, type FormEvent, type KeyboardEvent } from 'react'
import type { OrganizationSummary } from '../../shared/api'
import { api, fieldErrors } from '../api/http'
import { useI18n } from '../i18n/i18n'
import { Field, FormError } from '../ui/Field'
import { useFocusBack } from '../ui/useFocusBack'
import { useFailure } from '../ui/useFailure'

const EMPTY = { name: '', shortName: '', color: '#2d7a3e' }

export function OrganizationsSection({ organizations, onChanged }: { organizations: OrganizationSummary[]; onChanged: () => void }) {
  const { t } = useI18n()
  const [editing, setEditing] = useState<OrganizationSummary | null>(null)
  const [form, setForm] = useState(EMPTY)
  const [error, setError] = useFailure()
  // A name or short name another organization has is said at its field.
  const [errorAt, setErrorAt] = useState<Partial<Record<string, string>>>({})
  // "Edit" takes the focus to the form (its name field); saving or cancelling gives it back to
  // that "Edit" button. The edit form is a form of its own (keyed), so closing it removes what
  // had the focus, which useFocusBack then gives back.
  const [lastEdited, setLastEdited] = useState<string | null>(null)
  const editButton = useFocusBack<HTMLButtonElement>(editing !== null)

  function cancelEditing() {
    setEditing(null)
    setError(null)
    setErrorAt({})
    setForm(EMPTY)
  }

  // Escape gives up an edit, as Cancel does (the new-organization form has nothing to give up).
  function cancelOnEscape(event: KeyboardEvent) {
    if (event.key !== 'Escape' || !editing) return
    event.preventDefault()
    cancelEditing()
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    setError(null)
    setErrorAt({})
    try {
      if (editing) await api.updateOrganization(editing.id, form)
      else await api.createOrganization(form)
      setForm(EMPTY)
      setEditing(null)
      onChanged()
    } catch (err) {
      const at = fieldErrors(err, t)
      if (at.name || at.shortName) setErrorAt(at)
      else setError(err)
    }
  }

  return (
    <section className="card" aria-labelledby="orgs-title">
      <h2 id="orgs-title">{t('admin.organizations')}</h2>
      {organizations.length === 0 ? (
        <p className="muted">{t('admin.noOrganizations')}</p>
      ) : (
        <ul className="plain-list">
          {organizations.map((org) => (
            <li key={org.id} data-testid="organization-row">
              <span className="presence-dot" style={{ backgroundColor: org.color }} aria-hidden="true" />
              <strong>{org.shortName}</strong> <span>{org.name}</span>
              <button
                type="button"
                className="link-button"
                ref={org.id === lastEdited ? editButton : undefined}
                onClick={() => { setEditing(org); setLastEdited(org.id); setError(null); setErrorAt({}); setForm({ name: org.name, shortName: org.shortName, color: org.color }) }}
              >
                {t('admin.edit')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form key={editing?.id ?? 'new'} onSubmit={submit} onKeyDown={cancelOnEscape} className="inline-form" aria-label={editing ? t('admin.editOrganization') : t('admin.addOrganization')}>
        <Field label={t('org.name')} name="orgName" autoFocus={editing !== null} error={errorAt.name} required maxLength={200} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        <Field label={t('org.shortName')} name="orgShort" error={errorAt.shortName} required maxLength={30} value={form.shortName} onChange={(e) => setForm({ ...form, shortName: e.target.value })} />
        <Field label={t('org.color')} name="orgColor" type="color" value={form.color} onChange={(e) => setForm({ ...form, color: e.target.value })} />
        <button type="submit" className="primary">{editing ? t('common.save') : t('admin.addOrganization')}</button>
        {editing && <button type="button" onClick={cancelEditing}>{t('common.cancel')}</button>}
      </form>
      <FormError message={error} />
    </section>
  )
}
