import type { WordRemarkOutcome, WordRemarksResult } from '../../shared/api'
import { matchWordRemarks, type KnownThread } from '../../shared/import/matchWordRemarks'
import { placeEach } from '../../shared/import/placeWordComments'
import type { WordCommentThread } from '../../shared/import/wordComments'
import { threadsMessage } from '../collab/messages'
import type { ThreadRow } from '../db/commentsRepo'
import type { DocumentRecord } from '../db/documentsRepo'
import { rateLimited } from '../errors'
import { Throttle } from '../auth/throttle'
import { requireComment, type CommentsDeps, type Viewer } from './comments'
import { ImportedThreads } from './importedThreads'

/**
 * A ministry's Word file sent back on a draft (its remarks in the margin, footnotes, tracked
 * changes as proposed wordings), added to the draft's review: new remarks become threads on the
 * words of the draft now (shared/import/placeWordComments.ts), replies in Word to the draft's own
 * threads (exported into the margin) join them, and what the draft has already (the same file
 * taken in twice) is left (shared/import/matchWordRemarks.ts). All in one transaction, in the
 * name of whoever adds them, each headed by its Word author; no comment rate limit (a file may
 * carry hundreds), as an import. The draft's open threads the file marks done are resolved only
 * when the adder asks (`resolveDone`): whether a remark is settled is the drafters' call. Replies
 * to a thread resolved here open it again, as a reply in Accord does, unless the file marks it done.
 */
/**
 * Files of remarks one person may send a minute (dry runs too): each places up to 2,000 remarks
 * on the live text on the server's thread (~0.1 ms a remark found, ~0.2 ms one not found, on the
 * 300-article law), so that one person cannot hold up everyone's editing.
 */
export const WORD_REMARKS_RATE = { limit: 12, windowMs: 60_000 }

export class WordRemarks {
  private readonly throttle = new Throttle(WORD_REMARKS_RATE.limit, WORD_REMARKS_RATE.windowMs)

  constructor(private readonly deps: CommentsDeps) {}

  add(viewer: Viewer, doc: DocumentRecord, remarks: readonly WordCommentThread[], { dryRun, resolveDone }: { dryRun: boolean; resolveDone: boolean }): WordRemarksResult {
    requireComment(viewer)
    const wait = this.throttle.retryAfter(viewer.user.id)
    if (wait > 0) throw rateLimited(`more than ${WORD_REMARKS_RATE.limit} files of remarks a minute`, wait)
    this.throttle.fail(viewer.user.id)
    const rows = this.deps.comments.threads(doc.id)
    const matches = matchWordRemarks(remarks, this.known(doc, rows), doc.language)
    const fresh = matches.flatMap((m) => (m.kind === 'new' ? [m.thread] : []))
    const placed = fresh.length === 0 ? [] : this.deps.rooms.read(doc.id, (ydoc) => placeEach(ydoc, fresh, doc.language, 'draft'))
    const toStore = placed.filter((p) => p !== null)
    const open = new Set(rows.flatMap((row) => (row.status === 'open' ? [row.id] : [])))
    const doneInWord = matches.map((m, i) => m.kind !== 'new' && remarks[i].resolved && open.has(m.threadId))
    const reopens = matches.map((m, i) => m.kind === 'replies' && !remarks[i].resolved && !open.has(m.threadId))
    const toReopen = dryRun ? [] : [...new Set(matches.flatMap((m, i) => (reopens[i] && m.kind !== 'new' ? [m.threadId] : [])))]
    const toResolve = resolveDone && !dryRun ? matches.flatMap((m, i) => (m.kind !== 'new' && doneInWord[i] ? [m.threadId] : [])) : []
    let ids: string[] = []
    if (!dryRun) {
      this.deps.db.transaction(() => {
        const importing = new ImportedThreads(this.deps.comments, doc.id, viewer.user)
        ids = importing.threads(toStore)
        for (const m of matches) if (m.kind === 'replies') importing.replies(m.threadId, m.bodies)
        const now = new Date().toISOString()
        for (const id of toResolve) this.deps.comments.setStatus(id, 'resolved', viewer.user.id, now)
        for (const id of toReopen) this.deps.comments.setStatus(id, 'open', viewer.user.id, now)
      })()
    }
    const places = new Map(rows.map((row) => [row.id, row.article_id]))
    let next = 0
    let stored = 0
    const outcomes = matches.map((m, i): WordRemarkOutcome => {
      if (m.kind !== 'new') {
        return { fate: m.kind, placeId: places.get(m.threadId) ?? null, threadId: m.threadId, replies: m.kind === 'replies' ? m.bodies.length : 0, doneInWord: doneInWord[i], reopens: reopens[i] }
      }
      const thread = placed[next++]
      // Not placed: a draft with no words at all (never one made here: a draft has a title).
      if (!thread) return { fate: 'notFound', placeId: null, threadId: null, replies: 0, doneInWord: false, reopens: false }
      const threadId = dryRun ? null : ids[stored++]
      return { fate: thread.anchor ? 'onWords' : 'notFound', placeId: thread.placeId, threadId, replies: thread.bodies.length - 1, doneInWord: false, reopens: false }
    })
    if (!dryRun) this.announce(doc, viewer, outcomes, toResolve)
    return { outcomes, stored: !dryRun, resolved: toResolve.length, reopened: toReopen.length }
  }

  /** The draft's threads (`rows`), each with its comments' bodies, oldest first. */
  private known(doc: DocumentRecord, rows: readonly ThreadRow[]): KnownThread[] {
    const bodies = new Map<string, string[]>()
    for (const c of this.deps.comments.commentsOfDocument(doc.id)) {
      if (c.deleted_at !== null) continue
      const list = bodies.get(c.thread_id) ?? []
      list.push(c.body)
      bodies.set(c.thread_id, list)
    }
    return rows.map((row) => ({ id: row.id, quote: row.quote, proposal: row.proposal, bodies: bodies.get(row.id) ?? [] }))
  }

  private announce(doc: DocumentRecord, viewer: Viewer, outcomes: WordRemarkOutcome[], resolved: readonly string[]): void {
    const created = outcomes.filter((o) => o.fate === 'onWords' || o.fate === 'notFound')
    const answered = outcomes.filter((o) => o.fate === 'replies')
    const updated = new Set([...answered.map((o) => o.threadId!), ...resolved])
    for (const o of created) if (o.threadId) this.deps.rooms.sendToRoom(doc.id, threadsMessage({ threadId: o.threadId, change: 'created' }))
    for (const threadId of updated) this.deps.rooms.sendToRoom(doc.id, threadsMessage({ threadId, change: 'updated' }))
    this.deps.log.info('remarks from a Word file added', {
      docId: doc.id,
      user: viewer.user.id,
      threads: created.length,
      answered: answered.length,
      resolved: resolved.length,
      reopened: outcomes.filter((o) => o.reopens).length,
    })
  }
}
