import type { SyncState } from '../collab/session'

/**
 * Why the open draft can no longer be worked on here: access taken away, the draft deleted, the
 * account deactivated, or Accord upgraded since the page was opened.
 */
export type AccessEnded = 'forbidden' | 'deleted' | 'deactivated' | 'outdated'

/**
 * The server closed the draft's connection for good because this person may no longer open it
 * (4403), it no longer exists (4404), their account was deactivated (4410) or the page's editor
 * is of another version than the server's (4426: reload). The page then offers nothing the
 * server would refuse: the text stays on screen, read-only, and says why.
 */
export function accessEnded(state: SyncState | undefined): AccessEnded | null {
  if (state?.kind !== 'refused') return null
  if (state.reason === 'forbidden') return 'forbidden'
  if (state.reason === 'unknownDocument') return 'deleted'
  if (state.reason === 'deactivated') return 'deactivated'
  if (state.reason === 'outdated') return 'outdated'
  return null
}
