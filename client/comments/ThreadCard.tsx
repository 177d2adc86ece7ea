import { memo, useState, type KeyboardEvent } from 'react'
import type { CommentView, OrganizationSummary, PersonSummary, ThreadEvent, ThreadView } from '../../shared/api'
import { orgLabel } from '../../shared/orgLabel'
import { mentionedBy, type Mentionable, type MentionIds } from '../../shared/comments/mentions'
import { threadTimeline } from '../../shared/comments/timeline'
import { COMMENT_MAX_LENGTH } from '../../shared/apiConstants'
import { useVisitNews } from '../editor/useVisit'
import { useI18n } from '../i18n/i18n'
import { FormError } from '../ui/Field'
import { useFocusBack } from '../ui/useFocusBack'
import type { Placement } from './anchors'
import type { CommentsController } from './CommentsController'
import { dateFormat } from '../i18n/dates'
import { WordingProposal } from './WordingProposal'
import { useFailure } from '../ui/useFailure'
import { useAction } from '../ui/useAction'
import { useMentions } from './useMentions'
import { useEscapeAsk } from './useEscapeAsk'
import { CommentWords, MentionOptions } from './MentionOptions'

/** A colour dot and the organization's short name (its full name on hover). */
export function OrgBadge({ organization }: { organization: OrganizationSummary }) {
  return (
    <span className="comment-org" title={organization.name}>
      <span className="presence-dot" style={{ backgroundColor: organization.color }} aria-hidden="true" />
      {orgLabel(organization)}
    </span>
  )
}

/**
 * A textarea that sends with Ctrl/⌘+Enter and gives up with Escape; given `people`, "@" in it
 * offers whom to mention (client/comments/useMentions.ts).
 */
export function CommentForm(props: {
  label: string
  submitLabel: string
  initial?: string
  /** Whom the initial words mention (a comment being edited). */
  initialMentions?: readonly Mentionable[]
  /** The people a comment may mention; absent, no list. */
  people?: () => Promise<PersonSummary[]>
  autoFocus?: boolean
  onSubmit: (body: string, mentions: MentionIds) => Promise<void>
  onCancel?: () => void
  testId?: string
  /** Set while something else the form sends is not ready (a proposed wording left unchanged): no sending. */
  blocked?: boolean
}) {
  const { t } = useI18n()
  const [body, setBody] = useState(props.initial ?? '')
  const escape = useEscapeAsk(body.trim() !== (props.initial ?? '').trim(), () => props.onCancel?.())
  const mentioning = useMentions(body, setBody, props.people, props.initialMentions ?? [])
  const { busy, error, run } = useAction()
  const send = async () => {
    if (!body.trim() || busy || props.blocked) return
    await run(async () => {
      await props.onSubmit(body, mentioning.mentions(body))
      setBody('')
      mentioning.reset()
    })
  }
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (mentioning.onKeyDown(e)) return
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault()
      void send()
    } else if (e.key === 'Escape' && props.onCancel) {
      e.preventDefault()
      escape.onEscape()
    }
  }
  return (
    <form
      className="comment-form"
      data-testid={props.testId}
      onSubmit={(e) => {
        e.preventDefault()
        void send()
      }}
      onClick={(e) => e.stopPropagation()}
    >
      <textarea
        ref={mentioning.box}
        aria-label={props.label}
        value={body}
        maxLength={COMMENT_MAX_LENGTH}
        rows={3}
        autoFocus={props.autoFocus}
        placeholder={props.people ? t('comments.mentionHint') : undefined}
        {...mentioning.boxProps}
        onChange={(e) => {
          setBody(e.target.value)
          escape.typed()
          mentioning.look(e.target.value, e.target.selectionStart)
        }}
        onSelect={(e) => mentioning.look(e.currentTarget.value, e.currentTarget.selectionStart)}
        onBlur={() => mentioning.look('', 0)}
        onKeyDown={onKeyDown}
      />
      {mentioning.list && <MentionOptions list={mentioning.list} id={mentioning.listId} optionId={mentioning.optionId} active={mentioning.active} onPick={mentioning.pick} />}
      {escape.notice}
      <FormError message={error} />
      <div className="comment-form-actions">
        {props.onCancel && (
          <button type="button" onClick={props.onCancel}>
            {t('common.cancel')}
          </button>
        )}
        <button type="submit" className="primary" disabled={busy || !body.trim() || props.blocked}>
          {busy ? t('comments.sending') : props.submitLabel}
        </button>
      </div>
    </form>
  )
}

function CommentItem({ comment, thread, controller }: { comment: CommentView; thread: ThreadView; controller: CommentsController }) {
  const { t, language } = useI18n()
  const [editing, setEditing] = useState(false)
  const [confirming, setConfirming] = useState(false)
  const [error, setError] = useFailure()
  // A form or confirmation closed from the keyboard gives the focus back to the button that opened it.
  const editButton = useFocusBack<HTMLButtonElement>(editing)
  const deleteButton = useFocusBack<HTMLButtonElement>(confirming)
  const time = dateFormat(language)
  const isNew = useVisitNews().comments.has(comment.id)
  if (comment.deleted) {
    return (
      <li className="comment comment-deleted muted" data-testid="comment">
        {t('comments.deleted')}
      </li>
    )
  }
  const remove = async () => {
    setError(null)
    try {
      await controller.remove(thread.id, comment.id)
    } catch (err) {
      setError(err)
      setConfirming(false)
    }
  }
  return (
    <li className="comment" data-testid="comment">
      <div className="comment-meta">
        <strong className="comment-author">{comment.author.displayName}</strong> <OrgBadge organization={comment.organization} />{' '}
        <time className="muted small" dateTime={comment.createdAt}>
          {time.format(new Date(comment.createdAt))}
        </time>
        {comment.editedAt && <span className="muted small"> · {t('comments.edited')}</span>}
        {isNew && <span className="comment-new small" data-testid="comment-new">{t('comments.new')}</span>}
      </div>
      {editing ? (
        <CommentForm
          label={t('comments.editLabel')}
          submitLabel={t('common.save')}
          initial={comment.body}
          initialMentions={mentionedBy(comment)}
          people={() => controller.people()}
          autoFocus
          onSubmit={async (body, mentions) => {
            await controller.edit(thread.id, comment.id, body, mentions)
            setEditing(false)
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        // Plain text in a text node: whatever was typed is shown as typed, never as markup.
        <p className="comment-body" data-testid="comment-body">
          <CommentWords body={comment.body} mentions={comment.mentions} mentionedOrganizations={comment.mentionedOrganizations} />
        </p>
      )}
      <FormError message={error} />
      {!editing && (comment.canEdit || comment.canDelete) && (
        <div className="comment-actions" onClick={(e) => e.stopPropagation()}>
          {confirming ? (
            <>
              <span className="small">{t('comments.deleteConfirm')}</span>
              <button type="button" className="link-button danger" onClick={() => void remove()}>
                {t('comments.deleteYes')}
              </button>
              <button type="button" className="link-button" onClick={() => setConfirming(false)}>
                {t('common.cancel')}
              </button>
            </>
          ) : (
            <>
              {comment.canEdit && (
                <button ref={editButton} type="button" className="link-button" onClick={() => setEditing(true)}>
                  {t('comments.edit')}
                </button>
              )}
              {comment.canDelete && (
                <button ref={deleteButton} type="button" className="link-button danger" onClick={() => setConfirming(true)}>
                  {t('comments.delete')}
                </button>
              )}
            </>
          )}
        </div>
      )}
    </li>
  )
}

/** "Resolved by Name, date" or "Reopened by Name, date", between the comments at its moment. */
function EventItem({ event }: { event: ThreadEvent }) {
  const { t, language } = useI18n()
  return (
    <li className={`thread-event event-${event.kind}`} data-testid="thread-event" data-kind={event.kind}>
      {t(event.kind === 'resolved' ? 'comments.resolvedBy' : 'comments.reopenedBy', { name: event.by.displayName })},{' '}
      <time dateTime={event.at}>{dateFormat(language).format(new Date(event.at))}</time>
    </li>
  )
}

/**
 * One thread: its passage, its comments, reply, resolve or reopen. Rendered again only when one
 * of its props changes (a draft under review has hundreds; the panel re-renders as others edit).
 */
export const ThreadCard = memo(function ThreadCard(props: {
  thread: ThreadView
  /** Where the thread is in the text; the card only says whether its words are gone or not here yet. */
  placement: Placement['kind'] | undefined
  active: boolean
  canComment: boolean
  controller: CommentsController
}) {
  const { thread, placement, active, canComment, controller } = props
  const { t } = useI18n()
  const [replying, setReplying] = useState(false)
  const { error, run } = useAction()
  const replyButton = useFocusBack<HTMLButtonElement>(replying)
  const orphaned = placement === 'orphaned'
  const decided = useVisitNews().decided.has(thread.id)
  const toggleStatus = () => run(() => controller.setStatus(thread.id, thread.status === 'open' ? 'resolved' : 'open'))
  return (
    <li
      className={`thread-card${active ? ' is-active' : ''}${thread.status === 'resolved' ? ' is-resolved' : ''}`}
      data-testid="thread"
      data-thread-id={thread.id}
      data-status={thread.status}
      tabIndex={0}
      aria-current={active ? 'true' : undefined}
      aria-label={t('comments.threadOn', { quote: thread.quote.slice(0, 80) })}
      onClick={() => controller.activate(thread.id)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && e.target === e.currentTarget) controller.activate(thread.id)
      }}
    >
      <div className="thread-head">
        <span className={`thread-status status-${thread.status}`} data-testid="thread-status">
          {thread.status === 'resolved' ? t('comments.resolved') : t('comments.open')}
        </span>
        {orphaned && <span className="thread-orphaned" data-testid="thread-orphaned">{t('comments.onDeletedText')}</span>}
        {placement === 'pending' && <span className="muted small">{t('comments.pending')}</span>}
        {decided && <span className="comment-new small" data-testid="thread-decided">{t('comments.decidedNew')}</span>}
      </div>
      {thread.anchor ? (
        <blockquote className={`thread-quote${orphaned ? ' is-deleted' : ''}`} data-testid="thread-quote">
          {thread.quote}
        </blockquote>
      ) : (
        <>
          <p className="thread-quote-article muted small">{t('comments.wholeArticle')}</p>
          {/* Its article deleted, the card is listed apart: the heading it had says which one it was. */}
          {orphaned && thread.quote && (
            <blockquote className="thread-quote is-deleted" data-testid="thread-quote">
              {thread.quote}
            </blockquote>
          )}
        </>
      )}
      <WordingProposal thread={thread} controller={controller} />
      <ol className="comment-list">
        {threadTimeline(thread).map((entry) =>
          entry.kind === 'comment' ? (
            <CommentItem key={entry.comment.id} comment={entry.comment} thread={thread} controller={controller} />
          ) : (
            <EventItem key={`${entry.event.kind}-${entry.event.at}`} event={entry.event} />
          ),
        )}
      </ol>
      <FormError message={error} />
      {canComment && (
        <div className="thread-actions" onClick={(e) => e.stopPropagation()}>
          {replying ? (
            <CommentForm
              label={t('comments.replyLabel')}
              submitLabel={t(thread.status === 'resolved' ? 'comments.sendReopen' : 'comments.send')}
              autoFocus
              people={() => controller.people()}
              onSubmit={async (body, mentions) => {
                await controller.reply(thread.id, body, mentions)
                setReplying(false)
              }}
              onCancel={() => setReplying(false)}
            />
          ) : (
            <>
              {/* A reply opens a resolved thread again (server/services/comments.ts): the button says so. */}
              <button ref={replyButton} type="button" onClick={() => setReplying(true)}>
                {t(thread.status === 'resolved' ? 'comments.replyReopen' : 'comments.reply')}
              </button>
              <button type="button" data-testid="thread-resolve" onClick={() => void toggleStatus()}>
                {thread.status === 'open' ? t('comments.resolve') : t('comments.reopen')}
              </button>
            </>
          )}
        </div>
      )}
    </li>
  )
})
