import type { VersionSummary } from '../../shared/api'
import { sinceLastVisit, type ProposalStamp, type VisitView } from '../../shared/visit'
import type { CommentsRepo } from '../db/commentsRepo'
import type { DocumentRecord } from '../db/documentsRepo'
import type { VisitsRepo } from '../db/visitsRepo'
import type { UserRecord } from '../db/usersRepo'
import { activityOf, placesNow, type ActivityDeps } from './activity'

export interface VisitsDeps extends ActivityDeps {
  visits: VisitsRepo
  comments: CommentsRepo
  versions: { list(docId: string): VersionSummary[] }
  agreement: { stamps(docId: string, versions: readonly VersionSummary[]): ProposalStamp[] }
  config: { visitGapMs: number }
}

/**
 * The viewer opens `doc`: a new visit, which looks back to when they last left it, or, back within
 * the gap (a reload, another tab), the same visit, which keeps looking back to the same moment.
 * Answers what others did since (shared/visit.ts). When they leave is recorded as their sync
 * connection to it closes (server/collab/upgrade.ts).
 */
export function arrive(deps: VisitsDeps, viewer: UserRecord, doc: DocumentRecord, now = new Date()): VisitView {
  const userId = viewer.id
  const row = deps.visits.get(doc.id, userId)
  const continuing = row !== undefined && now.getTime() - Date.parse(row.seen_at) <= deps.config.visitGapMs
  const since = row === undefined ? null : continuing ? row.since : row.seen_at
  deps.visits.put({ doc_id: doc.id, user_id: userId, since, seen_at: now.toISOString() })
  if (since === null) return sinceLastVisit(null, userId, {})
  // Mentioned by name, or through one's organization.
  const mentioningViewer = new Set(deps.comments.mentionsOfDocument(doc.id).filter((m) => m.user_id === userId || m.org_id === viewer.organization.id).map((m) => m.comment_id))
  const comments = deps.comments.commentsOfDocument(doc.id).map((c) => ({
    id: c.id,
    threadId: c.thread_id,
    authorId: c.author_id,
    createdAt: c.created_at,
    deleted: c.deleted_at !== null,
    mentionsViewer: mentioningViewer.has(c.id),
  }))
  const places = placesNow(deps.rooms, doc)
  const threads = deps.comments.threads(doc.id).map((t) => ({
    id: t.id,
    startedBy: t.created_by,
    status: t.status,
    resolvedBy: t.resolved_by,
    resolvedAt: t.resolved_at,
    decidedBy: t.proposal_decided_by,
    decidedAt: t.proposal_decided_at,
  }))
  const versions = deps.versions.list(doc.id)
  return sinceLastVisit(since, userId, { sessions: activityOf(deps, doc, places), comments, places, versions, threads, proposals: deps.agreement.stamps(doc.id, versions) })
}
