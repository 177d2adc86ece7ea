import { useState, type FormEvent } from 'react'
import { useI18n } from '../i18n/i18n'
import { busyButton } from '../ui/busyButton'
import { onEscape } from '../ui/onEscape'

/**
 * The address a person signs in with, corrected in their row of the People table (a slip in the
 * invitation): the field has the focus; Escape or Cancel closes it. Stays open when the change is
 * refused (the section says why: another account has it, or it is no address).
 */
export function EmailForm({ name, email, busy, onSave, onCancel }: {
  name: string
  email: string
  busy: boolean
  /** Sends the change; the row closes the form once it is made. */
  onSave: (email: string) => void
  onCancel: () => void
}) {
  const { t } = useI18n()
  const [value, setValue] = useState(email)

  function submit(event: FormEvent) {
    event.preventDefault()
    if (value.trim().toLowerCase() === email) return onCancel()
    onSave(value)
  }

  return (
    <form
      className="person-move"
      onSubmit={submit}
      onKeyDown={onEscape(onCancel)}
    >
      <input type="email" required autoFocus aria-label={t('admin.person.emailOf', { name })} value={value} onChange={(e) => setValue(e.target.value)} />
      <button type="submit" className="primary" {...busyButton(busy)}>{t('common.save')}</button>
      <button type="button" onClick={onCancel}>{t('common.cancel')}</button>
    </form>
  )
}
