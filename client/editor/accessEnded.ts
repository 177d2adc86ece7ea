import type { SyncState } from '../collab/session'

/** Why the open draft can no longer be worked on here: access taken away, or the draft deleted. */
export type AccessEnded = 'forbidden' | 'deleted'

/**
 * The server closed the draft's connection for good because this person may no longer open it
 * (4403) or it no longer exists (4404). The page then offers nothing the server would refuse: the
 * text stays on screen, read-only, and says why.
 */
export function accessEnded(state: SyncState | undefined): AccessEnded | null {
  if (state?.kind !== 'refused') return null
  if (state.reason === 'forbidden') return 'forbidden'
  if (state.reason === 'unknownDocument') return 'deleted'
  return null
}
