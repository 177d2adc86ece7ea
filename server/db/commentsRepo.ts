import type { ThreadEventKind, ThreadStatus, WordingStatus } from '../../shared/api'
import type { Db } from './connection'

export interface ThreadRow {
  id: string
  doc_id: string
  article_id: string
  block_id: string | null
  anchor_start: string | null
  anchor_end: string | null
  quote: string
  status: ThreadStatus
  created_by: string
  org_id: string
  created_at: string
  resolved_by: string | null
  resolved_at: string | null
  /** The proposed wording (null: the thread proposes none), its state and who decided it when. */
  proposal: string | null
  proposal_status: WordingStatus | null
  proposal_decided_by: string | null
  proposal_decided_at: string | null
}

export interface CommentRow {
  id: string
  thread_id: string
  author_id: string
  org_id: string
  body: string
  created_at: string
  edited_at: string | null
  deleted_at: string | null
}

export interface ThreadEventRow {
  thread_id: string
  kind: ThreadEventKind
  user_id: string
  at: string
}

/** A person or an organization a comment mentions (the other id null). */
export interface MentionRow {
  comment_id: string
  user_id: string | null
  org_id: string | null
}

/** A proposed wording accepted: its place, the proposer's organization and the reason it was proposed with. */
export interface AcceptedProposal {
  article_id: string
  org_id: string
  reason: string
}

/**
 * The `comment_threads`, `comments`, `comment_mentions`, `comment_org_mentions` and `comment_thread_events` tables. A
 * deleted comment keeps its row (and place), not its words nor whom they mentioned.
 */
export class CommentsRepo {
  private readonly stmts
  private readonly statusChange

  constructor(db: Db) {
    this.stmts = {
      threads: db.prepare<[string], ThreadRow>('SELECT * FROM comment_threads WHERE doc_id = ? ORDER BY created_at, id'),
      thread: db.prepare<[string, string], ThreadRow>('SELECT * FROM comment_threads WHERE doc_id = ? AND id = ?'),
      commentsOfDoc: db.prepare<[string], CommentRow>(
        `SELECT c.* FROM comments c JOIN comment_threads t ON t.id = c.thread_id
         WHERE t.doc_id = ? ORDER BY c.created_at, c.id`,
      ),
      commentsOfThread: db.prepare<[string], CommentRow>('SELECT * FROM comments WHERE thread_id = ? ORDER BY created_at, id'),
      comment: db.prepare<[string, string], CommentRow>('SELECT * FROM comments WHERE thread_id = ? AND id = ?'),
      insertThread: db.prepare(
        `INSERT INTO comment_threads (id, doc_id, article_id, block_id, anchor_start, anchor_end, quote, status, created_by, org_id, created_at, proposal, proposal_status)
         VALUES (@id, @doc_id, @article_id, @block_id, @anchor_start, @anchor_end, @quote, 'open', @created_by, @org_id, @created_at,
                 @proposal, CASE WHEN @proposal IS NULL THEN NULL ELSE 'open' END)`,
      ),
      insertComment: db.prepare(
        `INSERT INTO comments (id, thread_id, author_id, org_id, body, created_at)
         VALUES (@id, @thread_id, @author_id, @org_id, @body, @created_at)`,
      ),
      setStatus: db.prepare('UPDATE comment_threads SET status = ?, resolved_by = ?, resolved_at = ? WHERE id = ?'),
      insertEvent: db.prepare('INSERT INTO comment_thread_events (thread_id, kind, user_id, at) VALUES (?, ?, ?, ?)'),
      eventsOfDoc: db.prepare<[string], ThreadEventRow>(
        `SELECT e.* FROM comment_thread_events e JOIN comment_threads t ON t.id = e.thread_id
         WHERE t.doc_id = ? ORDER BY e.at, e.rowid`,
      ),
      eventsOfThread: db.prepare<[string], ThreadEventRow>('SELECT * FROM comment_thread_events WHERE thread_id = ? ORDER BY at, rowid'),
      // Only an open proposal is decided: a second decision changes nothing (the caller says 409).
      decideProposal: db.prepare(
        "UPDATE comment_threads SET proposal_status = ?, proposal_decided_by = ?, proposal_decided_at = ? WHERE id = ? AND proposal_status = 'open'",
      ),
      setAnchor: db.prepare('UPDATE comment_threads SET anchor_start = ?, anchor_end = ? WHERE id = ?'),
      edit: db.prepare('UPDATE comments SET body = ?, edited_at = ? WHERE id = ? AND deleted_at IS NULL'),
      softDelete: db.prepare("UPDATE comments SET body = '', deleted_at = ? WHERE id = ? AND deleted_at IS NULL"),
      remaining: db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM comments WHERE thread_id = ? AND deleted_at IS NULL'),
      deleteThread: db.prepare('DELETE FROM comment_threads WHERE id = ?'),
      clearMentions: db.prepare('DELETE FROM comment_mentions WHERE comment_id = ?'),
      clearOrgMentions: db.prepare('DELETE FROM comment_org_mentions WHERE comment_id = ?'),
      insertMention: db.prepare('INSERT OR IGNORE INTO comment_mentions (comment_id, user_id) VALUES (?, ?)'),
      insertOrgMention: db.prepare('INSERT OR IGNORE INTO comment_org_mentions (comment_id, org_id) VALUES (?, ?)'),
      mentionsOfDoc: db.prepare<[string, string], MentionRow>(
        `SELECT m.comment_id, m.user_id, NULL AS org_id FROM comment_mentions m JOIN comments c ON c.id = m.comment_id JOIN comment_threads t ON t.id = c.thread_id
         WHERE t.doc_id = ?
         UNION ALL
         SELECT m.comment_id, NULL, m.org_id FROM comment_org_mentions m JOIN comments c ON c.id = m.comment_id JOIN comment_threads t ON t.id = c.thread_id
         WHERE t.doc_id = ?`,
      ),
      mentionsOfThread: db.prepare<[string, string], MentionRow>(
        `SELECT m.comment_id, m.user_id, NULL AS org_id FROM comment_mentions m JOIN comments c ON c.id = m.comment_id WHERE c.thread_id = ?
         UNION ALL
         SELECT m.comment_id, NULL, m.org_id FROM comment_org_mentions m JOIN comments c ON c.id = m.comment_id WHERE c.thread_id = ?`,
      ),
      // The reason is the thread's first comment, the one the wording was proposed with ('' once deleted).
      acceptedBetween: db.prepare<[string, string, string], AcceptedProposal>(
        `SELECT t.article_id, t.org_id,
                (SELECT c.body FROM comments c WHERE c.thread_id = t.id ORDER BY c.created_at, c.id LIMIT 1) AS reason
         FROM comment_threads t
         WHERE t.doc_id = ? AND t.proposal_status = 'accepted' AND t.proposal_decided_at >= ? AND t.proposal_decided_at <= ?
         ORDER BY t.proposal_decided_at, t.id`,
      ),
    }
    // The row says who resolved it last; the event says who resolved or reopened it, and when.
    this.statusChange = db.transaction((threadId: string, status: ThreadStatus, by: string, at: string) => {
      const resolved = status === 'resolved'
      this.stmts.setStatus.run(status, resolved ? by : null, resolved ? at : null, threadId)
      this.stmts.insertEvent.run(threadId, resolved ? 'resolved' : 'reopened', by, at)
    })
  }

  threads(docId: string): ThreadRow[] {
    return this.stmts.threads.all(docId)
  }

  thread(docId: string, threadId: string): ThreadRow | undefined {
    return this.stmts.thread.get(docId, threadId)
  }

  /** Every comment of a document's threads, oldest first. */
  commentsOfDocument(docId: string): CommentRow[] {
    return this.stmts.commentsOfDoc.all(docId)
  }

  commentsOfThread(threadId: string): CommentRow[] {
    return this.stmts.commentsOfThread.all(threadId)
  }

  comment(threadId: string, commentId: string): CommentRow | undefined {
    return this.stmts.comment.get(threadId, commentId)
  }

  insertThread(row: Omit<ThreadRow, 'status' | 'resolved_by' | 'resolved_at' | 'proposal_status' | 'proposal_decided_by' | 'proposal_decided_at'>): void {
    this.stmts.insertThread.run(row)
  }

  insertComment(row: Omit<CommentRow, 'edited_at' | 'deleted_at'>): void {
    this.stmts.insertComment.run(row)
  }

  /** Resolves or reopens a thread, recording who did it when. */
  setStatus(threadId: string, status: ThreadStatus, by: string, at: string): void {
    this.statusChange(threadId, status, by, at)
  }

  /** Every resolution and reopening of a document's threads, oldest first. */
  eventsOfDocument(docId: string): ThreadEventRow[] {
    return this.stmts.eventsOfDoc.all(docId)
  }

  eventsOfThread(threadId: string): ThreadEventRow[] {
    return this.stmts.eventsOfThread.all(threadId)
  }

  /** Records an accepted or declined proposal; false if it was not open. */
  decideProposal(threadId: string, status: Exclude<WordingStatus, 'open'>, by: string, at: string): boolean {
    return this.stmts.decideProposal.run(status, by, at, threadId).changes > 0
  }

  /** The proposed wordings accepted between `from` and `to` (ISO times), in the order they were accepted. */
  acceptedProposalsBetween(docId: string, from: string, to: string): AcceptedProposal[] {
    return this.stmts.acceptedBetween.all(docId, from, to)
  }

  setAnchor(threadId: string, start: string, end: string): void {
    this.stmts.setAnchor.run(start, end, threadId)
  }

  edit(commentId: string, body: string, at: string): boolean {
    return this.stmts.edit.run(body, at, commentId).changes > 0
  }

  softDelete(commentId: string, at: string): boolean {
    return this.stmts.softDelete.run(at, commentId).changes > 0
  }

  /** Comments of the thread not deleted. */
  remaining(threadId: string): number {
    return this.stmts.remaining.get(threadId)?.n ?? 0
  }

  /** The people and organizations the comment mentions now (none: it mentions nobody). Run inside the comment's write. */
  setMentions(commentId: string, mentions: { people: readonly string[]; organizations: readonly string[] }): void {
    this.stmts.clearMentions.run(commentId)
    this.stmts.clearOrgMentions.run(commentId)
    for (const userId of mentions.people) this.stmts.insertMention.run(commentId, userId)
    for (const orgId of mentions.organizations) this.stmts.insertOrgMention.run(commentId, orgId)
  }

  mentionsOfDocument(docId: string): MentionRow[] {
    return this.stmts.mentionsOfDoc.all(docId, docId)
  }

  mentionsOfThread(threadId: string): MentionRow[] {
    return this.stmts.mentionsOfThread.all(threadId, threadId)
  }

  deleteThread(threadId: string): void {
    this.stmts.deleteThread.run(threadId)
  }
}
