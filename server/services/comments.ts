import * as Y from 'yjs'
import {
  ErrorCode,
  type CommentWrite,
  type CommentView,
  type OrganizationSummary,
  type PersonRef,
  type NewThread,
  type ThreadEvent,
  type ThreadStatus,
  type ThreadView,
  type WordingDecision,
  type WordingProposalView,
} from '../../shared/api'
import { blockIdOf, findPlace, findQuoteAgain, resolveAnchor, textBetween, wordsAround, type AnchorResolution, type EncodedAnchor } from '../../shared/comments/anchor'
import type { ThreadsChanged } from '../../shared/protocol'
import { aRole, can, type Role } from '../../shared/roles'
import type { ReportThread } from '../../shared/review/reviewReport'
import type { OpenAmendment } from '../../shared/review/amendmentsTable'
import { BODY_TYPES } from '../../shared/schema'
import { numberDocument } from '../../shared/numbering'
import { placesOf } from '../../shared/places'
import { docNodeOf } from '../../shared/ydoc'
import { newRowId } from '../auth/tokens'
import { Throttle } from '../auth/throttle'
import type { Db } from '../db/connection'
import type { CommentRow, CommentsRepo, MentionRow, ThreadEventRow, ThreadRow } from '../db/commentsRepo'
import type { DocumentRecord } from '../db/documentsRepo'
import type { OrganizationsRepo } from '../db/organizationsRepo'
import type { UserRecord, UsersRepo } from '../db/usersRepo'
import type { Rooms } from '../collab/rooms'
import { threadsMessage } from '../collab/messages'
import { forbidden, HttpError, rateLimited } from '../errors'
import { xrefReaderOf } from '../../shared/comments/xrefQuote'
import type { Logger } from '../logger'
import { acceptWording } from './acceptWording'
import { onceEach } from './lookups'
import { placeOf } from './threadPlace'
import { mentionedIn, organizationMention, personMention, type MentionIds } from '../../shared/comments/mentions'

const NO_MENTIONS: MentionIds = { people: [], organizations: [] }

/** Refuses a viewer whose role may not comment (shared/roles.ts): reviewers and up may. */
export function requireComment(viewer: Viewer): void {
  if (!can(viewer.role, 'comment')) throw forbidden(`${aRole(viewer.role)} may not comment on this document`)
}

/** Comments (new threads, replies, edits) one person may write per window. */
export const COMMENT_RATE = { limit: 30, windowMs: 60_000 }

export interface CommentsDeps {
  db: Db
  comments: CommentsRepo
  users: UsersRepo
  organizations: OrganizationsRepo
  rooms: Rooms
  log: Logger
}

/** The viewer of a document: who they are and their role on it. */
export interface Viewer {
  user: UserRecord
  role: Role
}

const threadNotFound = () => new HttpError(404, ErrorCode.threadNotFound, 'no such thread')
const commentNotFound = () => new HttpError(404, ErrorCode.commentNotFound, 'no such comment')
const wordingNotFound = () => new HttpError(404, ErrorCode.wordingNotFound, 'this thread proposes no wording')
const wordingDecided = () => new HttpError(409, ErrorCode.wordingDecided, 'this proposed wording was already accepted or declined')

/**
 * Review threads: who may write, edit, delete and resolve (the server decides, shared/roles.ts
 * says who may comment at all), durable in SQLite, and a `threads` message to everyone in the
 * document after each change. Anchors are checked against the live text (shared/comments/anchor.ts):
 * a thread is only started on words that are in an article now.
 */
export class ReviewThreads {
  private readonly throttle = new Throttle(COMMENT_RATE.limit, COMMENT_RATE.windowMs)

  constructor(private readonly deps: CommentsDeps) {}

  /** Every thread of the document, oldest first. Anchors whose block was recreated (a moved article) are found again and stored. */
  list(viewer: Viewer, doc: DocumentRecord): ThreadView[] {
    const rows = this.deps.comments.threads(doc.id)
    if (rows.some((row) => row.anchor_start !== null)) this.deps.rooms.read(doc.id, (ydoc) => rows.forEach((row) => this.resolve(ydoc, row)))
    return this.present(viewer, rows, this.ofDocument(doc.id))
  }

  create(viewer: Viewer, doc: DocumentRecord, input: NewThread): ThreadView {
    requireComment(viewer)
    this.checkRate(viewer)
    const mentions = this.mentionsIn(doc, input)
    const place = this.deps.rooms.read(doc.id, (ydoc) => placeOf(ydoc, input, doc.language))
    const now = new Date().toISOString()
    const threadId = newRowId()
    this.deps.db.transaction(() => {
      this.deps.comments.insertThread({
        id: threadId,
        doc_id: doc.id,
        article_id: input.articleId,
        block_id: place.blockId,
        anchor_start: input.anchor?.start ?? null,
        anchor_end: input.anchor?.end ?? null,
        quote: place.quote,
        created_by: viewer.user.id,
        org_id: viewer.user.organization.id,
        created_at: now,
        proposal: input.proposal ?? null,
      })
      this.insertComment(threadId, viewer, input.body, mentions, now)
    })()
    this.recordWrite(viewer)
    this.changed(doc, { threadId, change: 'created' })
    return this.one(viewer, doc, threadId)
  }

  /**
   * A reply to a resolved thread opens it again, in the same transaction: whoever answers a
   * settled remark has more to say, and a reply under "Resolved" would go unread (the button says
   * «Ответить и открыть снова»).
   */
  reply(viewer: Viewer, doc: DocumentRecord, threadId: string, input: CommentWrite): ThreadView {
    requireComment(viewer)
    const thread = this.thread(doc, threadId)
    this.checkRate(viewer)
    const mentions = this.mentionsIn(doc, input)
    this.deps.db.transaction(() => {
      const now = new Date().toISOString()
      this.insertComment(threadId, viewer, input.body, mentions, now)
      if (thread.status === 'resolved') this.deps.comments.setStatus(threadId, 'open', viewer.user.id, now)
    })()
    this.recordWrite(viewer)
    this.changed(doc, { threadId, change: 'updated' })
    return this.one(viewer, doc, threadId)
  }

  /** Authors edit their own comments (while they may comment); whom it mentions is what the new words mention. */
  edit(viewer: Viewer, doc: DocumentRecord, threadId: string, commentId: string, input: CommentWrite): ThreadView {
    requireComment(viewer)
    const comment = this.comment(doc, threadId, commentId)
    if (comment.author_id !== viewer.user.id) throw forbidden('only its author may edit a comment')
    this.checkRate(viewer)
    const mentions = this.mentionsIn(doc, input)
    this.deps.db.transaction(() => {
      if (this.deps.comments.edit(commentId, input.body, new Date().toISOString())) this.deps.comments.setMentions(commentId, mentions)
    })()
    this.recordWrite(viewer)
    this.changed(doc, { threadId, change: 'updated' })
    return this.one(viewer, doc, threadId)
  }

  /**
   * Authors delete their own comments, owners anyone's. The comment keeps its place, without its
   * words; deleting the last comment of a thread deletes the thread (null is returned).
   */
  remove(viewer: Viewer, doc: DocumentRecord, threadId: string, commentId: string): ThreadView | null {
    const comment = this.comment(doc, threadId, commentId)
    if (!mayDelete(viewer, comment)) throw forbidden('only its author or an owner may delete a comment')
    const threadGone = this.deps.db.transaction(() => {
      this.deps.comments.softDelete(commentId, new Date().toISOString())
      this.deps.comments.setMentions(commentId, NO_MENTIONS)
      if (this.deps.comments.remaining(threadId) > 0) return false
      this.deps.comments.deleteThread(threadId)
      return true
    })()
    this.deps.log.info('comment deleted', { docId: doc.id, thread: threadId, comment: commentId, by: viewer.user.id, threadGone })
    this.changed(doc, { threadId, change: threadGone ? 'deleted' : 'updated' })
    return threadGone ? null : this.one(viewer, doc, threadId)
  }

  /** Anyone who may comment resolves and reopens threads. */
  setStatus(viewer: Viewer, doc: DocumentRecord, threadId: string, status: ThreadStatus): ThreadView {
    requireComment(viewer)
    const thread = this.thread(doc, threadId)
    if (thread.status !== status) {
      this.deps.comments.setStatus(threadId, status, viewer.user.id, new Date().toISOString())
      this.changed(doc, { threadId, change: 'updated' })
    }
    return this.one(viewer, doc, threadId)
  }

  /**
   * An editor (edit rights: owners, drafters) accepts or declines a thread's proposed wording,
   * once. Accepting writes it into the text (acceptWording: 409 if the words changed since) and
   * resolves the thread; declining leaves the thread open for the discussion to go on.
   */
  decideWording(viewer: Viewer, doc: DocumentRecord, threadId: string, decision: WordingDecision): ThreadView {
    if (!can(viewer.role, 'edit')) throw forbidden(`${aRole(viewer.role)} may not accept or decline a proposed wording`)
    const thread = this.thread(doc, threadId)
    if (thread.proposal === null) throw wordingNotFound()
    if (thread.proposal_status !== 'open') throw wordingDecided()
    const author = { userId: viewer.user.id, orgId: viewer.user.organization.id }
    let written: EncodedAnchor | null = null
    if (decision === 'accept') {
      try {
        written = acceptWording(this.deps.rooms, doc.id, thread, author, (ydoc, row) => this.resolve(ydoc, row))
      } catch (err) {
        this.deps.log.info('proposed wording not accepted', { docId: doc.id, thread: threadId, by: viewer.user.id, reason: err instanceof HttpError ? err.code : String(err) })
        throw err
      }
    }
    const now = new Date().toISOString()
    this.deps.db.transaction(() => {
      if (!this.deps.comments.decideProposal(threadId, decision === 'accept' ? 'accepted' : 'declined', viewer.user.id, now)) throw wordingDecided()
      if (decision === 'accept') this.deps.comments.setStatus(threadId, 'resolved', viewer.user.id, now)
      // The thread follows the words written, which its old anchor may no longer hold any of.
      if (written) this.deps.comments.setAnchor(threadId, written.start, written.end)
    })()
    this.deps.log.info('proposed wording decided', { docId: doc.id, thread: threadId, decision, by: viewer.user.id })
    this.changed(doc, { threadId, change: 'updated' })
    return this.one(viewer, doc, threadId)
  }

  /** The threads of a review report, each with where its words are now. */
  reportThreads(viewer: Viewer, doc: DocumentRecord, status: 'open' | 'all'): ReportThread[] {
    const rows = this.deps.comments.threads(doc.id).filter((row) => status === 'all' || row.status === 'open')
    // No threads, no need to load the text (an export with comments=1 of a draft without any).
    if (rows.length === 0) return []
    const views = new Map(this.present(viewer, rows, this.ofDocument(doc.id)).map((v) => [v.id, v]))
    return this.deps.rooms.read(doc.id, (ydoc) => {
      const references = xrefReaderOf(ydoc, doc.language)
      return rows.map((row): ReportThread => {
        const thread = views.get(row.id)!
        if (row.anchor_start === null) return { thread, state: findPlace(ydoc, row.article_id) ? 'article' : 'orphaned', current: null, order: -1 }
        const resolution = this.resolve(ydoc, row)
        if (resolution.state !== 'live') return { thread, state: 'orphaned', current: null, order: Number.MAX_SAFE_INTEGER }
        const block = blockIdOf(resolution.start.text) ?? resolution.articleId
        return { thread, state: 'live', current: textBetween(resolution.start, resolution.end, references), order: orderInArticle(resolution), block }
      })
    })
  }

  /**
   * The open proposed wordings whose words are in the text now, in its order, each with its
   * provision as it reads now and the reason it was proposed with (the table of amendments).
   */
  openAmendments(doc: DocumentRecord): OpenAmendment[] {
    const rows = this.deps.comments.threads(doc.id).filter((row) => row.proposal !== null && row.proposal_status === 'open' && row.anchor_start !== null)
    if (rows.length === 0) return []
    const reasons = new Map<string, string>()
    for (const c of this.deps.comments.commentsOfDocument(doc.id)) if (!reasons.has(c.thread_id)) reasons.set(c.thread_id, c.body)
    const { org } = onceEach(this.deps.users, this.deps.organizations)
    return this.deps.rooms.read(doc.id, (ydoc) => {
      const pm = docNodeOf(ydoc)
      const places = placesOf(pm, doc.language)
      const labels = new Map(numberDocument(pm, doc.language).flatMap((n) => (n.id ? [[n.id, n.label] as const] : [])))
      const references = xrefReaderOf(ydoc, doc.language)
      const found: { amendment: OpenAmendment; order: [number, number] }[] = []
      for (const row of rows) {
        const resolution = this.resolve(ydoc, row)
        const placeIndex = places.findIndex((p) => p.id === row.article_id)
        if (resolution.state !== 'live' || placeIndex < 0 || resolution.start.text.parent !== resolution.end.text.parent) continue
        const place = places[placeIndex]
        const block = resolution.start.text.parent as Y.XmlElement
        const id = blockIdOf(resolution.start.text)
        const body = (BODY_TYPES as readonly string[]).includes(block.nodeName) && id !== null
        const free = block.nodeName === 'paragraph' && (place.kind === 'preamble' || place.kind === 'conclusions')
        found.push({
          amendment: {
            place: { kind: place.kind, label: place.label, heading: place.heading },
            block: body ? { role: block.nodeName as (typeof BODY_TYPES)[number], label: labels.get(id) ?? '' } : free ? { role: place.kind as 'preamble' | 'conclusions', label: '' } : null,
            ...wordsAround(resolution.start, resolution.end, references),
            passage: textBetween(resolution.start, resolution.end, references),
            proposal: row.proposal!,
            proposer: org(row.org_id),
            reason: reasons.get(row.id) ?? '',
          },
          order: [placeIndex, orderInArticle(resolution)],
        })
      }
      return found.sort((x, y) => x.order[0] - y.order[0] || x.order[1] - y.order[1]).map((f) => f.amendment)
    })
  }

  /**
   * Runs `restore` and then places again each thread that was on deleted text before it and
   * whose quote it brought back to its block (findQuoteAgain: restored words are new text, which
   * old anchors do not follow), storing and announcing each one found. Threads whose words the
   * restore itself deletes stay as they are. The restore stands whatever happens after it.
   */
  restoring<T extends { changed: boolean }>(doc: DocumentRecord, restore: () => T): T {
    const rows = this.deps.comments.threads(doc.id).filter((row) => row.anchor_start !== null)
    const gone = rows.length === 0 ? [] : this.deps.rooms.read(doc.id, (ydoc) => rows.filter((row) => this.resolve(ydoc, row).state === 'orphaned'))
    const result = restore()
    if (!result.changed || gone.length === 0) return result
    try {
      const found = this.deps.rooms.read(doc.id, (ydoc) => gone.filter((row) => this.findAgain(ydoc, row)))
      for (const row of found) this.changed(doc, { threadId: row.id, change: 'updated' })
      if (found.length > 0) this.deps.log.info('thread anchors found again after a restore', { docId: doc.id, threads: found.map((row) => row.id) })
    } catch (err) {
      this.deps.log.error('threads not placed again after a restore', { docId: doc.id, message: err instanceof Error ? err.message : String(err) })
    }
    return result
  }

  /** Whether a thread on deleted text was found again by its quote (and its new anchor stored). */
  private findAgain(ydoc: Y.Doc, row: ThreadRow): boolean {
    if (row.anchor_start === null || row.anchor_end === null || this.resolve(ydoc, row).state !== 'orphaned') return false
    const again = findQuoteAgain(ydoc, { start: row.anchor_start, end: row.anchor_end }, { blockId: row.block_id, articleId: row.article_id, quote: row.quote })
    if (again?.state !== 'live' || !again.relocated) return false
    this.deps.comments.setAnchor(row.id, again.relocated.start, again.relocated.end)
    return true
  }

  private resolve(ydoc: Y.Doc, row: ThreadRow): AnchorResolution {
    if (row.anchor_start === null || row.anchor_end === null) return { state: 'orphaned' }
    const resolution = resolveAnchor(ydoc, { start: row.anchor_start, end: row.anchor_end }, { blockId: row.block_id, articleId: row.article_id, quote: row.quote })
    if (resolution.state === 'live' && resolution.relocated) {
      this.deps.comments.setAnchor(row.id, resolution.relocated.start, resolution.relocated.end)
      row.anchor_start = resolution.relocated.start
      row.anchor_end = resolution.relocated.end
      this.deps.log.info('thread anchor found again by its quote', { docId: row.doc_id, thread: row.id })
    }
    return resolution
  }

  private insertComment(threadId: string, viewer: Viewer, body: string, mentions: MentionIds, now: string): void {
    const id = newRowId()
    this.deps.comments.insertComment({ id, thread_id: threadId, author_id: viewer.user.id, org_id: viewer.user.organization.id, body, created_at: now })
    this.deps.comments.setMentions(id, mentions)
  }

  /**
   * Whom the words mention of those named: each person must be someone who may open the draft,
   * each organization the organization of such a person (400 otherwise, naming them); one whose
   * "@Name" the words no longer hold (typed, then deleted) is left out.
   */
  private mentionsIn(doc: DocumentRecord, input: { body: string; mentions: readonly string[]; mentionedOrganizations: readonly string[] }): MentionIds {
    if (input.mentions.length === 0 && input.mentionedOrganizations.length === 0) return NO_MENTIONS
    const people = new Map(this.deps.users.withAccessTo(doc.id).map((u) => [u.id, u]))
    const organizations = new Map([...people.values()].map((u) => [u.organization.id, u.organization]))
    const unknown = [...input.mentions.filter((id) => !people.has(id)), ...input.mentionedOrganizations.filter((id) => !organizations.has(id))]
    if (unknown.length > 0) throw new HttpError(400, ErrorCode.mentionNotMember, `no person or organization ${unknown.join(', ')} who may open document ${doc.id}`)
    const named = [...input.mentions.map((id) => personMention(people.get(id)!)), ...input.mentionedOrganizations.map((id) => organizationMention(organizations.get(id)!))]
    return mentionedIn(input.body, named)
  }


  private checkRate(viewer: Viewer): void {
    const wait = this.throttle.retryAfter(viewer.user.id)
    if (wait > 0) {
      throw rateLimited(`more than ${COMMENT_RATE.limit} comments a minute`, wait)
    }
  }

  /** Counts one accepted comment against the person's allowance (Throttle counts "failures"). */
  private recordWrite(viewer: Viewer): void {
    this.throttle.fail(viewer.user.id)
  }

  private thread(doc: DocumentRecord, threadId: string): ThreadRow {
    const row = this.deps.comments.thread(doc.id, threadId)
    if (!row) throw threadNotFound()
    return row
  }

  private comment(doc: DocumentRecord, threadId: string, commentId: string): CommentRow {
    this.thread(doc, threadId)
    const row = this.deps.comments.comment(threadId, commentId)
    if (!row || row.deleted_at !== null) throw commentNotFound()
    return row
  }

  private changed(doc: DocumentRecord, event: ThreadsChanged): void {
    this.deps.rooms.sendToRoom(doc.id, threadsMessage(event))
  }

  private one(viewer: Viewer, doc: DocumentRecord, threadId: string): ThreadView {
    const { comments } = this.deps
    const rows = { comments: comments.commentsOfThread(threadId), events: comments.eventsOfThread(threadId), mentions: comments.mentionsOfThread(threadId) }
    return this.present(viewer, [this.thread(doc, threadId)], rows)[0]
  }

  private ofDocument(docId: string): ThreadRows {
    const { comments } = this.deps
    return { comments: comments.commentsOfDocument(docId), events: comments.eventsOfDocument(docId), mentions: comments.mentionsOfDocument(docId) }
  }

  private present(viewer: Viewer, threads: ThreadRow[], { comments, events, mentions }: ThreadRows): ThreadView[] {
    const { person, org } = onceEach(this.deps.users, this.deps.organizations)
    const mentioned = new Map<string, { people: PersonRef[]; organizations: OrganizationSummary[] }>()
    for (const m of mentions) {
      const to = mentioned.get(m.comment_id) ?? { people: [], organizations: [] }
      if (m.user_id !== null) to.people.push(person(m.user_id))
      if (m.org_id !== null) to.organizations.push(org(m.org_id))
      mentioned.set(m.comment_id, to)
    }
    const byThread = new Map<string, CommentView[]>()
    for (const c of comments) {
      const list = byThread.get(c.thread_id) ?? []
      list.push({
        id: c.id,
        author: person(c.author_id),
        organization: org(c.org_id),
        body: c.body,
        mentions: mentioned.get(c.id)?.people ?? [],
        mentionedOrganizations: mentioned.get(c.id)?.organizations ?? [],
        createdAt: c.created_at,
        editedAt: c.edited_at,
        deleted: c.deleted_at !== null,
        canEdit: c.deleted_at === null && c.author_id === viewer.user.id && can(viewer.role, 'comment'),
        canDelete: c.deleted_at === null && mayDelete(viewer, c),
      })
      byThread.set(c.thread_id, list)
    }
    const history = new Map<string, ThreadEvent[]>()
    for (const e of events) {
      const list = history.get(e.thread_id) ?? []
      list.push({ kind: e.kind, by: person(e.user_id), at: e.at })
      history.set(e.thread_id, list)
    }
    return threads.map((t) => ({
      id: t.id,
      articleId: t.article_id,
      blockId: t.block_id,
      anchor: t.anchor_start !== null && t.anchor_end !== null ? { start: t.anchor_start, end: t.anchor_end } : null,
      quote: t.quote,
      status: t.status,
      createdBy: person(t.created_by),
      organization: org(t.org_id),
      createdAt: t.created_at,
      resolvedBy: t.resolved_by ? person(t.resolved_by) : null,
      resolvedAt: t.resolved_at,
      comments: byThread.get(t.id) ?? [],
      history: history.get(t.id) ?? [],
      proposal: proposalView(t, viewer, person),
    }))
  }
}

/** A set of threads' comments, events and mentions, as `present` shows them. */
interface ThreadRows {
  comments: CommentRow[]
  events: ThreadEventRow[]
  mentions: MentionRow[]
}

function proposalView(t: ThreadRow, viewer: Viewer, person: (id: string) => PersonRef): WordingProposalView | null {
  if (t.proposal === null) return null
  const status = t.proposal_status ?? 'open'
  return {
    text: t.proposal,
    status,
    decidedBy: t.proposal_decided_by ? person(t.proposal_decided_by) : null,
    decidedAt: t.proposal_decided_at,
    canDecide: status === 'open' && can(viewer.role, 'edit'),
  }
}

function mayDelete(viewer: Viewer, comment: CommentRow): boolean {
  if (viewer.role === 'owner') return true
  return comment.author_id === viewer.user.id && can(viewer.role, 'comment')
}

/** Sort key of a live passage within its article: block, then character. */
function orderInArticle(resolution: Extract<AnchorResolution, { state: 'live' }>): number {
  const block = resolution.start.text.parent
  const article = block?.parent
  const blocks = article instanceof Y.XmlElement ? article.toArray() : []
  return blocks.indexOf(block as Y.XmlElement) * 1_000_000 + resolution.start.index
}
