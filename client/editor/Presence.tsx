import { useEffect, useState } from 'react'
import type { CollabSession } from '../collab/session'
import { useI18n } from '../i18n/i18n'

interface Person {
  clientId: number
  name: string
  organization: string
  color: string
  self: boolean
}

/** The people who have this draft open, from the awareness protocol. */
export function Presence({ session }: { session: CollabSession }) {
  const { t } = useI18n()
  const [people, setPeople] = useState<Person[]>([])

  useEffect(() => {
    const { awareness } = session.provider
    let shown = ''
    const update = () => {
      const list: Person[] = []
      awareness.getStates().forEach((state, clientId) => {
        const user = state.user as Partial<Person> | undefined
        if (!user?.name) return
        list.push({
          clientId,
          name: String(user.name),
          organization: String(user.organization ?? ''),
          color: String(user.color ?? '#666'),
          self: clientId === awareness.clientID,
        })
      })
      list.sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name))
      // Carets move with every keystroke; the list changes only when people come and go.
      const key = JSON.stringify(list)
      if (key === shown) return
      shown = key
      setPeople(list)
    }
    update()
    awareness.on('change', update)
    return () => awareness.off('change', update)
  }, [session])

  return (
    <section className="presence" aria-label={t('editor.present')}>
      <h2>{t('editor.present')}</h2>
      <ul>
        {people.map((p) => (
          <li key={p.clientId} data-testid="present-person">
            <span className="presence-dot" style={{ backgroundColor: p.color }} aria-hidden="true" />
            <span className="presence-name">
              {p.name}
              {p.self && <span className="muted"> ({t('editor.you')})</span>}
            </span>
            <span className="presence-org muted">{p.organization}</span>
          </li>
        ))}
      </ul>
    </section>
  )
}
