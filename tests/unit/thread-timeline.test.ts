import { describe, expect, it } from 'vitest'
import type { ThreadEvent } from '../../shared/api'
import { lastReopening, threadTimeline } from '../../shared/comments/timeline'
import { REPORT_WORDS, statusLine } from '../../shared/review/reviewReport'
import { comment, thread } from '../helpers/reviewThreads'

const boris = { id: 'u2', displayName: 'Boris Drafter' }
const rita = { id: 'u3', displayName: 'Rita Reviewer' }
const event = (kind: ThreadEvent['kind'], at: string, by = boris): ThreadEvent => ({ kind, by, at })

describe('a thread’s timeline', () => {
  const first = comment('Which principles?', undefined, { id: 'c1', createdAt: '2026-03-01T10:00:00.000Z' })
  const reply = comment('Not settled for us.', undefined, { id: 'c2', createdAt: '2026-03-02T09:00:00.000Z' })

  it('puts resolutions and reopenings between the comments, in the order they happened', () => {
    const history = [event('resolved', '2026-03-01T12:00:00.000Z'), event('reopened', '2026-03-02T09:00:00.000Z', rita), event('resolved', '2026-03-03T08:00:00.000Z')]
    const entries = threadTimeline(thread('t1', 'a1', 'principles', [first, reply], { history }))
    expect(entries.map((e) => (e.kind === 'comment' ? e.comment.id : e.event.kind))).toEqual(['c1', 'resolved', 'c2', 'reopened', 'resolved'])
  })

  it('has only the comments when the thread was never resolved', () => {
    expect(threadTimeline(thread('t1', 'a1', 'principles', [first, reply])).map((e) => e.kind)).toEqual(['comment', 'comment'])
  })

  it('names who opened it again only while it is open after a reopening', () => {
    const reopened = thread('t1', 'a1', 'p', [first], { history: [event('resolved', '2026-03-01T12:00:00.000Z'), event('reopened', '2026-03-02T09:00:00.000Z', rita)] })
    expect(lastReopening(reopened)?.by).toEqual(rita)
    expect(lastReopening(thread('t1', 'a1', 'p', [first]))).toBeNull()
    expect(lastReopening({ ...reopened, status: 'resolved', history: [...reopened.history, event('resolved', '2026-03-03T08:00:00.000Z')] })).toBeNull()
    expect(statusLine(REPORT_WORDS.en, reopened)).toBe('Open (reopened by Rita Reviewer, 2 March 2026, 09:00 (UTC))')
    expect(statusLine(REPORT_WORDS.ru, reopened)).toMatch(/^Открыто \(открыл\(а\) снова Rita Reviewer, 2 марта 2026 г\., 09:00/)
    expect(statusLine(REPORT_WORDS.en, thread('t1', 'a1', 'p', [first]))).toBe('Open')
  })
})
