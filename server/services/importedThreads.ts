import type { PlacedWordThread } from '../../shared/import/placeWordComments'
import { newRowId } from '../auth/tokens'
import type { CommentsRepo } from '../db/commentsRepo'
import type { UserRecord } from '../db/usersRepo'

/**
 * A Word file's comments, placed on a draft's text (shared/import/placeWordComments.ts), stored
 * as the importer's review threads and replies: in one transaction of the caller's, with no
 * rate limit (a ministry's file may carry hundreds), each comment a millisecond after the one
 * before, so that threads list in the order of the text and replies after what they answer.
 */
export class ImportedThreads {
  private tick: number

  constructor(
    private readonly comments: CommentsRepo,
    private readonly docId: string,
    private readonly importer: UserRecord,
    now = Date.now(),
  ) {
    this.tick = now
  }

  /** Stores new threads; returns their ids, in the order given. */
  threads(threads: readonly PlacedWordThread[]): string[] {
    return threads.map((thread) => {
      const at = this.next()
      const id = newRowId()
      this.comments.insertThread({
        id,
        doc_id: this.docId,
        article_id: thread.placeId,
        block_id: thread.blockId,
        anchor_start: thread.anchor?.start ?? null,
        anchor_end: thread.anchor?.end ?? null,
        quote: thread.quote,
        created_by: this.importer.id,
        org_id: this.importer.organization.id,
        created_at: at,
        proposal: thread.proposal,
      })
      this.replies(id, thread.bodies)
      if (thread.resolved) this.comments.setStatus(id, 'resolved', this.importer.id, at)
      return id
    })
  }

  /** Adds comments to a thread of the draft. */
  replies(threadId: string, bodies: readonly string[]): void {
    for (const body of bodies) {
      this.comments.insertComment({ id: newRowId(), thread_id: threadId, author_id: this.importer.id, org_id: this.importer.organization.id, body, created_at: this.next() })
    }
  }

  private next(): string {
    return new Date(this.tick++).toISOString()
  }
}
