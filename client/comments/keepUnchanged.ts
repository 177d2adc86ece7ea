import type { ThreadView } from '../../shared/api'

/**
 * `next` (threads as fetched again), with every thread that did not change replaced by its
 * object from `previous`: the panel's cards are memoized by object, and a draft under review is
 * fetched again whenever anyone comments, so only the changed thread's card renders again.
 */
export function keepUnchanged(previous: readonly ThreadView[], next: ThreadView[]): ThreadView[] {
  const before = new Map(previous.map((thread) => [thread.id, thread]))
  return next.map((thread) => {
    const old = before.get(thread.id)
    return old && JSON.stringify(old) === JSON.stringify(thread) ? old : thread
  })
}
