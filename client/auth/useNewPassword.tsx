import { useState, type ReactNode } from 'react'
import { useI18n } from '../i18n/i18n'
import { Field } from '../ui/Field'

/**
 * A new password typed twice (changing one's own, or through a reset link): `fields` are the two
 * inputs; `confirmed()` tells whether they agree and, when they do not, has the second say so
 * ("The new passwords differ.") before anything is sent: a typing slip would lock the person out.
 */
export function useNewPassword({ name, autoFocus = false }: { name: string; autoFocus?: boolean }): {
  password: string
  confirmed: () => boolean
  clear: () => void
  fields: ReactNode
} {
  const { t } = useI18n()
  const [password, setPassword] = useState('')
  const [repeat, setRepeat] = useState('')
  const [differ, setDiffer] = useState(false)
  const edit = (set: (value: string) => void, value: string) => {
    set(value)
    setDiffer(false)
  }
  const fields = (
    <>
      <Field
        label={t('account.newPassword')}
        name={name}
        type="password"
        autoComplete="new-password"
        required
        autoFocus={autoFocus}
        minLength={10}
        hint={t('auth.passwordHint')}
        value={password}
        onChange={(e) => edit(setPassword, e.target.value)}
      />
      <Field
        label={t('account.repeatPassword')}
        name="repeatPassword"
        type="password"
        autoComplete="new-password"
        required
        error={differ ? t('account.passwordsDiffer') : undefined}
        value={repeat}
        onChange={(e) => edit(setRepeat, e.target.value)}
      />
    </>
  )
  return {
    password,
    confirmed: () => {
      setDiffer(password !== repeat)
      return password === repeat
    },
    clear: () => {
      setPassword('')
      setRepeat('')
    },
    fields,
  }
}
