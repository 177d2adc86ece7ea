import { useEffect, useRef, useState } from 'react'
import { newMentionsOf } from '../../shared/comments/mentions'
import { useSession } from '../auth/session'
import { useI18n } from '../i18n/i18n'
import type { CommentsController } from './CommentsController'
import { useComments } from './CommentsPanel'

/**
 * While the draft is open, a comment someone writes mentioning the viewer (or their organization) is said above the text
 * («Boris Drafter упоминает вас в замечании: Статья 1. Цель…», with *Show*), as it arrives: the
 * threads are fetched again on every change anyway. What was there when the draft opened is
 * "since your last visit"'s to tell.
 */
export function MentionedNow({ controller, onShow }: { controller: CommentsController; onShow: (threadId: string) => void }) {
  const { t } = useI18n()
  const snapshot = useComments(controller)
  const me = useSession().info?.user
  const seen = useRef<Set<string> | null>(null)
  const [latest, setLatest] = useState<{ threadId: string; author: string; placeId: string; more: number } | null>(null)

  useEffect(() => {
    if (!snapshot?.loaded || !me) return
    const ids = snapshot.threads.flatMap((thread) => thread.comments.map((c) => c.id))
    if (seen.current === null) {
      seen.current = new Set(ids)
      return
    }
    const fresh = newMentionsOf(snapshot.threads, seen.current, { id: me.id, organizationId: me.organization.id })
    ids.forEach((id) => seen.current!.add(id))
    const last = fresh.at(-1)
    if (last) setLatest((before) => ({ threadId: last.thread.id, author: last.comment.author.displayName, placeId: last.thread.articleId, more: fresh.length - 1 + (before ? before.more + 1 : 0) }))
  }, [snapshot?.threads, snapshot?.loaded, me])

  if (!latest || !snapshot) return null
  const place = snapshot.places.get(latest.placeId)
  return (
    <div className="notice mentioned-now" role="status" data-testid="mentioned-now">
      <span>
        {place ? t('mentionNow.text', { name: latest.author, place: `${place.label} ${place.heading}`.trim() }) : t('mentionNow.textNowhere', { name: latest.author })}
        {latest.more > 0 && ` ${t('mentionNow.more', { n: latest.more })}`}
      </span>
      <button
        type="button"
        onClick={() => {
          onShow(latest.threadId)
          setLatest(null)
        }}
      >
        {t('mentionNow.show')}
      </button>
      <button type="button" onClick={() => setLatest(null)}>
        {t('common.close')}
      </button>
    </div>
  )
}
