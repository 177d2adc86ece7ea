import type { ThreadView, WordingStatus } from '../../shared/api'
import type { Segment } from '../../shared/diff/types'
import { wordingDiff } from '../../shared/comments/wording'
import type { Translate } from '../i18n/i18n'

/** What a thread card shows of a proposed wording. */
export interface WordingView {
  /** The proposal against the quoted words, word by word (rendered as text: <ins>/<del>/<span>). */
  segments: Segment[]
  status: WordingStatus
  /** "Awaiting a decision", "Accepted by Boris on 1 March 2026, 10:00", «Отклонено: Борис, …». */
  state: string
  /** Whether the viewer gets Accept and Decline (the server says so: edit rights, still open). */
  canDecide: boolean
}

/** The card's view of `thread`'s proposed wording, or null when it proposes none. `time` formats a moment. */
export function wordingView(thread: ThreadView, t: Translate, time: (iso: string) => string): WordingView | null {
  const p = thread.proposal
  if (!p) return null
  const decided = { name: p.decidedBy?.displayName ?? '', date: p.decidedAt ? time(p.decidedAt) : '' }
  const state =
    p.status === 'open' ? t('comments.proposalOpen') : t(p.status === 'accepted' ? 'comments.proposalAccepted' : 'comments.proposalDeclined', decided)
  return { segments: wordingDiff(thread.quote, p.text), status: p.status, state, canDecide: p.canDecide && p.status === 'open' }
}
