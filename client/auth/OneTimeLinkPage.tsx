import { useEffect, useState, type ReactNode } from 'react'
import { useI18n } from '../i18n/i18n'
import { navigate } from '../router'
import { FormError } from '../ui/Field'
import { useFailure } from '../ui/useFailure'
import { useSession } from './session'

/**
 * A page opened from a one-time link (an invitation, a password reset): asks the server what the
 * link is for, and shows `children` with the answer. A link it refuses (used, replaced, expired,
 * unknown) is said in words, with the way on: to sign in, or, signed in, to the drafts.
 */
export function OneTimeLinkPage<T>({ title, token, load, children }: {
  title: string
  token: string
  /** What the link is for (a module-level API function: it is a dependency of the request). */
  load: (token: string) => Promise<T>
  children: (info: T) => ReactNode
}) {
  const { t } = useI18n()
  const [info, setInfo] = useState<T | null>(null)
  const [loadError, setLoadError] = useFailure()
  const signedIn = Boolean(useSession().info?.user)

  useEffect(() => {
    load(token).then(setInfo, (err: unknown) => setLoadError(err))
  }, [token, load, setLoadError])

  return (
    <main className="page narrow">
      <div className="card">
        <h1>{title}</h1>
        {loadError && <FormError message={loadError} />}
        {loadError && (
          <p>
            <a href="/" onClick={(e) => { e.preventDefault(); navigate('/') }}>{t(signedIn ? 'invite.toDrafts' : 'invite.toSignIn')}</a>
          </p>
        )}
        {info === null && !loadError && <p className="muted">{t('common.loading')}</p>}
        {info !== null && children(info)}
      </div>
    </main>
  )
}
