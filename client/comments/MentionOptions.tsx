import type { OrganizationSummary, PersonRef } from '../../shared/api'
import { mentionedBy, mentionParts } from '../../shared/comments/mentions'
import { useSession } from '../auth/session'
import { useI18n } from '../i18n/i18n'
import type { MentionCandidate, MentionList } from './useMentions'

/** Those offered under "@…" in a comment's box: a click (or `Enter`, in the box) picks one. */
export function MentionOptions({ list, id, optionId, active, onPick }: {
  list: MentionList
  id: string
  optionId: (i: number) => string
  active: number
  onPick: (candidate: MentionCandidate) => void
}) {
  const { t } = useI18n()
  if (list.state !== 'ready') return <p className="muted small mention-options" id={id} role="status" data-testid="mention-status">{t(list.state === 'loading' ? 'common.loading' : 'comments.mentionFailed')}</p>
  if (list.offered.length === 0) return <p className="muted small mention-options" id={id} role="status" data-testid="mention-status">{t('comments.mentionNone')}</p>
  const current = Math.min(active, list.offered.length - 1)
  return (
    <ul className="mention-options" id={id} role="listbox" aria-label={t('comments.mentionList')} data-testid="mention-options">
      {list.offered.map((candidate, i) => (
        <li
          key={`${candidate.kind}:${candidate.id}`}
          id={optionId(i)}
          role="option"
          aria-selected={i === current}
          data-kind={candidate.kind}
          className={i === current ? 'is-active' : undefined}
          // Keeps the focus (and the caret) in the box.
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onPick(candidate)}
        >
          {candidate.name}{' '}
          <span className="muted small">{candidate.kind === 'organization' ? t('comments.mentionOrganization', { name: candidate.detail }) : candidate.detail}</span>
        </li>
      ))}
    </ul>
  )
}

/** A comment's words as typed (text nodes, never markup), each "@Name" it mentions marked; one's own name (or organization) more so. */
export function CommentWords({ body, mentions, mentionedOrganizations }: { body: string; mentions: readonly PersonRef[]; mentionedOrganizations: readonly OrganizationSummary[] }) {
  const me = useSession().info?.user
  if (mentions.length === 0 && mentionedOrganizations.length === 0) return <>{body}</>
  const mine = (m: { kind: string; id: string }) => (m.kind === 'person' ? m.id === me?.id : m.id === me?.organization.id)
  return (
    <>
      {mentionParts(body, mentionedBy({ mentions, mentionedOrganizations })).map((part, i) =>
        part.mentioned ? (
          <span key={i} className={mine(part.mentioned) ? 'mention is-me' : 'mention'} data-testid="mention">
            {part.text}
          </span>
        ) : (
          part.text
        ),
      )}
    </>
  )
}
