import type { CommentView, ThreadEvent, ThreadView } from '../api'

export type TimelineEntry = { kind: 'comment'; comment: CommentView } | { kind: 'event'; event: ThreadEvent }

/**
 * A thread's comments and its resolutions and reopenings in the order they happened. A reply
 * that reopens a thread comes before the reopening it caused (both carry the same moment).
 */
export function threadTimeline(thread: Pick<ThreadView, 'comments' | 'history'>): TimelineEntry[] {
  const entries: TimelineEntry[] = []
  let next = 0
  for (const comment of thread.comments) {
    while (next < thread.history.length && thread.history[next].at < comment.createdAt) entries.push({ kind: 'event', event: thread.history[next++] })
    entries.push({ kind: 'comment', comment })
  }
  while (next < thread.history.length) entries.push({ kind: 'event', event: thread.history[next++] })
  return entries
}

/** The thread's last reopening, if it was reopened after it was last resolved. */
export function lastReopening(thread: Pick<ThreadView, 'status' | 'history'>): ThreadEvent | null {
  const last = thread.history.at(-1)
  return thread.status === 'open' && last?.kind === 'reopened' ? last : null
}
