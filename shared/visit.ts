import type { ActivitySession, OrganizationSummary, ThreadStatus, VersionSummary } from './api'
import { orgLabel } from './orgLabel'
import type { ProposalStatus } from './agreement'

type Place = ActivitySession['articles'][number]

/**
 * POST /api/documents/:id/visit: what others did in the draft since the viewer last left it.
 * `since` null: a first visit (or nothing to look back to), and the lists are empty.
 */
export interface VisitView {
  since: string | null
  /** Places (articles, headings, the title, the preamble) others edited since, in the order of the text, deleted ones last. */
  places: Place[]
  /** The organizations of those who edited them. */
  organizations: OrganizationSummary[]
  /** Comments others wrote since (not deleted), and the threads holding them. */
  comments: string[]
  threads: string[]
  /**
   * Threads the viewer started that others have since resolved (an accepted wording resolves its
   * thread) or whose proposed wording they declined: the answers a reviewer comes back for.
   */
  decided: string[]
  /** Of `comments`, those that mention the viewer ("@Name", or their organization's "@MoJ"). */
  mentioned: string[]
  /** The newest version saved at or before `since` (named or automatic), to compare the text now with; null if none. */
  version: VersionStamp | null
  /** What others did in the draft's agreement since. */
  agreement: AgreementNews
}

/**
 * Versions others proposed for agreement, that were agreed (unless by the viewer's own position)
 * or that others withdrew since, oldest first; and the organizations whose positions others recorded.
 */
export interface AgreementNews {
  events: { kind: 'proposed' | 'agreed' | 'withdrawn'; version: VersionSummary; at: string }[]
  positions: OrganizationSummary[]
}

/** What the view needs of a proposal: its version, who proposed and withdrew it when, when it was agreed, and its positions. */
export interface ProposalStamp {
  version: VersionSummary
  status: ProposalStatus
  proposedBy: string
  proposedAt: string
  agreedAt: string | null
  withdrawnBy: string | null
  withdrawnAt: string | null
  positions: readonly { organization: OrganizationSummary; by: string; at: string }[]
}

/** What the view needs of a version: an automatic one is named by why it was saved (its name is empty). */
export type VersionStamp = Pick<VersionSummary, 'id' | 'name' | 'createdAt' | 'kind' | 'reason'>

/** What the view needs of a thread: who started it, and its last resolution and wording decision. */
export interface ThreadStamp {
  id: string
  startedBy: string
  status: ThreadStatus
  resolvedBy: string | null
  resolvedAt: string | null
  decidedBy: string | null
  decidedAt: string | null
}

/** What the view needs of a comment. */
export interface CommentStamp {
  id: string
  threadId: string
  authorId: string
  createdAt: string
  deleted: boolean
  /** Whether it mentions the viewer, by name or through their organization. */
  mentionsViewer: boolean
}

/** What of the draft "since your last visit" reads (each absent: none). */
export interface DraftRecords {
  /** Its editing sessions. */
  sessions?: readonly ActivitySession[]
  comments?: readonly CommentStamp[]
  /** Each place's index in the text now (`order`). */
  places?: ReadonlyMap<string, { order: number }>
  /** Its versions, of which the newest saved by then is offered to compare with. */
  versions?: readonly VersionStamp[]
  /** Its threads, of which those the viewer started and others decided since are named. */
  threads?: readonly ThreadStamp[]
  /** Its agreement, of which what others did since is told. */
  proposals?: readonly ProposalStamp[]
}

/**
 * What changed since `since` by people other than `me`: the places their editing sessions edited
 * after it (a session under way at that moment counts from then on: before, it counted whole, and
 * told again of places edited before the visit), the comments written after it, the decisions on
 * the viewer's threads and the agreement's news.
 */
export function sinceLastVisit(since: string | null, me: string, records: DraftRecords): VisitView {
  const { sessions = [], comments = [], places = new Map(), versions = [], threads = [], proposals = [] } = records
  if (since === null) return { since, places: [], organizations: [], comments: [], threads: [], decided: [], mentioned: [], version: null, agreement: { events: [], positions: [] } }
  const others = sessions.filter((s) => s.user.id !== me && s.endedAt > since)
  const edited = new Map<string, Place>()
  const organizations = new Map<string, OrganizationSummary>()
  for (const session of others) {
    // A session under way at `since`: only what it edited after, and its organization only for that.
    const after = session.articles.filter((place) => place.editedAt > since)
    if (after.length === 0 && session.articles.length > 0) continue
    organizations.set(session.organization.id, session.organization)
    for (const place of after) if (!edited.has(place.id)) edited.set(place.id, place)
  }
  const at = (place: Place) => (place.deleted ? Number.MAX_SAFE_INTEGER : (places.get(place.id)?.order ?? Number.MAX_SAFE_INTEGER))
  const fresh = comments.filter((c) => !c.deleted && c.authorId !== me && c.createdAt > since)
  return {
    since,
    places: [...edited.values()].sort((a, b) => at(a) - at(b)),
    organizations: [...organizations.values()].sort(byShortName),
    comments: fresh.map((c) => c.id),
    threads: [...new Set(fresh.map((c) => c.threadId))],
    decided: threads.filter((t) => t.startedBy === me && decidedByOthers(t, me, since)).map((t) => t.id),
    mentioned: fresh.filter((c) => c.mentionsViewer).map((c) => c.id),
    version: newestBy(versions, since),
    agreement: agreementSince(proposals, since, me),
  }
}

function agreementSince(proposals: readonly ProposalStamp[], since: string, me: string): AgreementNews {
  const events: AgreementNews['events'] = []
  const positions = new Map<string, OrganizationSummary>()
  for (const p of proposals) {
    if (p.proposedAt > since && p.proposedBy !== me) events.push({ kind: 'proposed', version: p.version, at: p.proposedAt })
    // Agreed by the position that completed it: one's own is not news.
    const completedByMe = p.positions.some((position) => position.at === p.agreedAt && position.by === me)
    if (p.status === 'agreed' && p.agreedAt !== null && p.agreedAt > since && !completedByMe) events.push({ kind: 'agreed', version: p.version, at: p.agreedAt })
    if (p.status === 'withdrawn' && p.withdrawnAt !== null && p.withdrawnAt > since && p.withdrawnBy !== me) events.push({ kind: 'withdrawn', version: p.version, at: p.withdrawnAt })
    for (const position of p.positions) if (position.at > since && position.by !== me) positions.set(position.organization.id, position.organization)
  }
  return {
    events: events.sort((a, b) => a.at.localeCompare(b.at)),
    positions: [...positions.values()].sort(byShortName),
  }
}

function decidedByOthers(t: ThreadStamp, me: string, since: string): boolean {
  const resolved = t.status === 'resolved' && t.resolvedBy !== null && t.resolvedBy !== me && (t.resolvedAt ?? '') > since
  const decided = t.decidedBy !== null && t.decidedBy !== me && (t.decidedAt ?? '') > since
  return resolved || decided
}

/** The newest of `versions` saved at or before `at`, as a stamp (nothing else of a version goes out). */
function newestBy(versions: readonly VersionStamp[], at: string): VersionStamp | null {
  const best = versions.reduce<VersionStamp | null>((found, v) => (v.createdAt <= at && (!found || v.createdAt > found.createdAt) ? v : found), null)
  return best && { id: best.id, name: best.name, createdAt: best.createdAt, kind: best.kind, reason: best.reason }
}

/** Organizations in the order of the names the line shows: the short name, else the name. */
function byShortName(a: OrganizationSummary, b: OrganizationSummary): number {
  return orgLabel(a).localeCompare(orgLabel(b))
}
