import type { PersonRef, PersonSummary } from '../../shared/api'
import { mentionParts } from '../../shared/comments/mentions'
import { useSession } from '../auth/session'
import { useI18n } from '../i18n/i18n'
import type { MentionList } from './useMentions'

/** The people offered under "@…" in a comment's box: a click (or `Enter`, in the box) picks one. */
export function MentionOptions({ list, id, optionId, active, onPick }: {
  list: MentionList
  id: string
  optionId: (i: number) => string
  active: number
  onPick: (person: PersonSummary) => void
}) {
  const { t } = useI18n()
  if (list.state !== 'ready') return <p className="muted small mention-options" id={id} role="status" data-testid="mention-status">{t(list.state === 'loading' ? 'common.loading' : 'comments.mentionFailed')}</p>
  if (list.people.length === 0) return <p className="muted small mention-options" id={id} role="status" data-testid="mention-status">{t('comments.mentionNone')}</p>
  const current = Math.min(active, list.people.length - 1)
  return (
    <ul className="mention-options" id={id} role="listbox" aria-label={t('comments.mentionList')} data-testid="mention-options">
      {list.people.map((person, i) => (
        <li
          key={person.id}
          id={optionId(i)}
          role="option"
          aria-selected={i === current}
          className={i === current ? 'is-active' : undefined}
          // Keeps the focus (and the caret) in the box.
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onPick(person)}
        >
          {person.displayName} <span className="muted small">{person.organization.shortName || person.organization.name}</span>
        </li>
      ))}
    </ul>
  )
}

/** A comment's words as typed (text nodes, never markup), each "@Name" it mentions marked; one's own name more so. */
export function CommentWords({ body, mentions }: { body: string; mentions: readonly PersonRef[] }) {
  const myId = useSession().info?.user?.id
  if (mentions.length === 0) return <>{body}</>
  return (
    <>
      {mentionParts(body, mentions).map((part, i) =>
        part.person ? (
          <span key={i} className={part.person.id === myId ? 'mention is-me' : 'mention'} data-testid="mention">
            {part.text}
          </span>
        ) : (
          part.text
        ),
      )}
    </>
  )
}
