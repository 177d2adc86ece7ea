import { describe, expect, it } from 'vitest'
import type { ActivitySession, OrganizationSummary } from '../../shared/api'
import { sinceLastVisit, type CommentStamp, type ProposalStamp, type ThreadStamp } from '../../shared/visit'

const org = (id: string, shortName: string): OrganizationSummary => ({ id, name: shortName, shortName, color: '#000000' })
const MOJ = org('moj', 'МЮ')
const MFA = org('mfa', 'МИД')
const place = (id: string, deleted = false, editedAt?: string) => ({ id, label: deleted ? '' : `Статья ${id}.`, heading: '', deleted, editedAt })
const session = (user: string, organization: OrganizationSummary, endedAt: string, places: ReturnType<typeof place>[]): ActivitySession => ({
  user: { id: user, displayName: user },
  organization,
  startedAt: endedAt,
  endedAt,
  updates: 1,
  articles: places.map((p) => ({ ...p, editedAt: p.editedAt ?? endedAt })),
})
const comment = (id: string, authorId: string, createdAt: string, deleted = false, mentionsViewer = false): CommentStamp => ({ id, threadId: `t-${id}`, authorId, createdAt, deleted, mentionsViewer })
const ORDER = new Map([['1', { order: 0 }], ['2', { order: 1 }], ['3', { order: 2 }]])
const SINCE = '2026-12-01T10:00:00.000Z'

describe('sinceLastVisit: what others did in a draft since one left it', () => {
  it('names the places others edited after it, in the order of the text (deleted last), with their organizations', () => {
    const sessions = [
      session('boris', MOJ, '2026-12-02T09:00:00.000Z', [place('3'), place('9', true)]),
      session('me', MFA, '2026-12-02T08:00:00.000Z', [place('1')]),
      session('vera', MFA, '2026-12-01T12:00:00.000Z', [place('2'), place('3')]),
      session('boris', MOJ, '2026-12-01T09:00:00.000Z', [place('1')]),
    ]
    const view = sinceLastVisit(SINCE, 'me', { sessions, places: ORDER })
    expect(view.places.map((p) => p.id)).toEqual(['2', '3', '9'])
    expect(view.organizations).toEqual([MFA, MOJ])
  })

  it('of a session under way when one left, names only the places edited after: not those one was told of already', () => {
    const before = '2026-12-01T09:30:00.000Z'
    const sessions = [
      session('boris', MOJ, '2026-12-01T10:30:00.000Z', [place('1', false, before), place('3', false, '2026-12-01T10:20:00.000Z')]),
      session('vera', MFA, '2026-12-01T10:10:00.000Z', [place('2', false, before)]),
    ]
    const view = sinceLastVisit(SINCE, 'me', { sessions, places: ORDER })
    expect(view.places.map((p) => p.id)).toEqual(['3'])
    expect(view.organizations).toEqual([MOJ])
  })

  it('counts the comments others wrote after it, not one’s own, deleted ones or earlier ones', () => {
    const comments = [comment('a', 'boris', '2026-12-01T11:00:00.000Z'), comment('b', 'me', '2026-12-01T11:00:00.000Z'), comment('c', 'vera', '2026-12-01T12:00:00.000Z', true), comment('d', 'vera', '2026-11-30T12:00:00.000Z')]
    const view = sinceLastVisit(SINCE, 'me', { comments, places: ORDER })
    expect(view.comments).toEqual(['a'])
    expect(view.threads).toEqual(['t-a'])
  })

  it('names the new comments that mention one: not one\'s own, deleted or earlier ones, nor those mentioning others', () => {
    const later = '2026-12-01T11:00:00.000Z'
    const comments = [
      comment('a', 'boris', later, false, true),
      comment('b', 'boris', later, false, false),
      comment('c', 'me', later, false, true),
      comment('d', 'vera', later, true, true),
      comment('e', 'vera', '2026-11-30T12:00:00.000Z', false, true),
      comment('f', 'vera', later),
    ]
    const view = sinceLastVisit(SINCE, 'me', { comments, places: ORDER })
    expect(view.mentioned).toEqual(['a'])
    expect(view.comments).toEqual(['a', 'b', 'f'])
  })

  it('tells what others did in the agreement since: versions proposed, agreed (not by one\'s own position), withdrawn, and whose positions they recorded', () => {
    const version = (name: string) => ({ id: name, name, note: '', kind: 'named' as const, reason: null, restoredFrom: null, createdAt: '2026-11-01T00:00:00.000Z', author: null, organization: null, stateBytes: 0, jsonBytes: 0 })
    const later = (h: number) => `2026-12-01T1${h}:00:00.000Z`
    const proposal = (name: string, extra: Partial<ProposalStamp>): ProposalStamp => ({ version: version(name), status: 'proposed', proposedBy: 'ada', proposedAt: later(1), agreedAt: null, withdrawnBy: null, withdrawnAt: null, positions: [], ...extra })
    const proposals = [
      // Agreed by Boris's position after the viewer's: news, with both organizations' positions.
      proposal('Round 1', { status: 'agreed', proposedAt: '2026-11-30T10:00:00.000Z', agreedAt: later(3), positions: [{ organization: MFA, by: 'me', at: later(2) }, { organization: MOJ, by: 'boris', at: later(3) }] }),
      // Completed by one's own position: not news; proposed by oneself: not news.
      proposal('Round 2', { status: 'agreed', proposedBy: 'me', agreedAt: later(5), positions: [{ organization: MFA, by: 'me', at: later(5) }] }),
      // Withdrawn by the owner after it was proposed by them: two events.
      proposal('Round 3', { status: 'withdrawn', proposedAt: later(6), withdrawnBy: 'ada', withdrawnAt: later(7) }),
      // Earlier than the visit: nothing.
      proposal('Round 0', { status: 'withdrawn', proposedAt: '2026-11-01T10:00:00.000Z', withdrawnBy: 'ada', withdrawnAt: '2026-11-02T10:00:00.000Z', positions: [{ organization: MOJ, by: 'boris', at: '2026-11-01T11:00:00.000Z' }] }),
    ]
    const { agreement } = sinceLastVisit(SINCE, 'me', { places: ORDER, proposals })
    expect(agreement.events.map((e) => [e.kind, e.version.name])).toEqual([['agreed', 'Round 1'], ['proposed', 'Round 3'], ['withdrawn', 'Round 3']])
    expect(agreement.positions).toEqual([MOJ])
  })

  it('says nothing on a first visit', () => {
    expect(sinceLastVisit(null, 'me', { sessions: [session('boris', MOJ, SINCE, [place('1')])], comments: [comment('a', 'boris', SINCE)], places: ORDER })).toEqual({ since: null, places: [], organizations: [], comments: [], threads: [], decided: [], mentioned: [], version: null, agreement: { events: [], positions: [] } })
  })

  it('names one’s own threads others resolved or whose wording they decided after it, not one’s own decisions, earlier ones or others’ threads', () => {
    const LATER = '2026-12-02T09:00:00.000Z'
    const EARLIER = '2026-11-30T09:00:00.000Z'
    const stamp = (id: string, extra: Partial<ThreadStamp>): ThreadStamp => ({ id, startedBy: 'me', status: 'open', resolvedBy: null, resolvedAt: null, decidedBy: null, decidedAt: null, ...extra })
    const threads = [
      stamp('resolved', { status: 'resolved', resolvedBy: 'boris', resolvedAt: LATER }),
      stamp('declined', { decidedBy: 'boris', decidedAt: LATER }),
      stamp('accepted', { status: 'resolved', resolvedBy: 'boris', resolvedAt: LATER, decidedBy: 'boris', decidedAt: LATER }),
      stamp('byMe', { status: 'resolved', resolvedBy: 'me', resolvedAt: LATER }),
      stamp('before', { status: 'resolved', resolvedBy: 'boris', resolvedAt: EARLIER }),
      stamp('reopenedSince', { status: 'open', resolvedBy: null, resolvedAt: null }),
      stamp('theirs', { startedBy: 'vera', status: 'resolved', resolvedBy: 'boris', resolvedAt: LATER }),
    ]
    expect(sinceLastVisit(SINCE, 'me', { places: ORDER, threads }).decided).toEqual(['resolved', 'declined', 'accepted'])
  })

  it('offers the newest version saved by then to compare with, none saved later', () => {
    const version = (id: string, createdAt: string) => ({ id, name: id, createdAt, kind: 'named' as const, reason: null })
    const versions = [version('later', '2026-12-01T11:00:00.000Z'), version('old', '2026-11-20T09:00:00.000Z'), version('newest', '2026-12-01T09:59:00.000Z')]
    expect(sinceLastVisit(SINCE, 'me', { places: ORDER, versions }).version?.id).toBe('newest')
    expect(sinceLastVisit(SINCE, 'me', { places: ORDER, versions: [versions[0]] }).version).toBeNull()
  })
})
