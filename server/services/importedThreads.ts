import type { PlacedWordThread } from '../../shared/import/placeWordComments'
import { newRowId } from '../auth/tokens'
import type { CommentsRepo } from '../db/commentsRepo'
import type { UserRecord } from '../db/usersRepo'

/**
 * A Word file's comments, placed on the imported text (shared/import/placeWordComments.ts),
 * stored as the importer's review threads: in the draft's creating transaction, with no rate
 * limit (a ministry's file may carry hundreds), each comment a millisecond after the one before,
 * so that threads list in the order of the text and replies after what they answer.
 * Returns the new threads' ids, in the order given.
 */
export function storeImportedThreads(comments: CommentsRepo, docId: string, importer: UserRecord, threads: readonly PlacedWordThread[], now = Date.now()): string[] {
  let tick = now
  const next = () => new Date(tick++).toISOString()
  return threads.map((thread) => {
    const at = next()
    const id = newRowId()
    comments.insertThread({
      id,
      doc_id: docId,
      article_id: thread.placeId,
      block_id: thread.blockId,
      anchor_start: thread.anchor?.start ?? null,
      anchor_end: thread.anchor?.end ?? null,
      quote: thread.quote,
      created_by: importer.id,
      org_id: importer.organization.id,
      created_at: at,
      proposal: thread.proposal,
    })
    for (const body of thread.bodies) {
      comments.insertComment({ id: newRowId(), thread_id: id, author_id: importer.id, org_id: importer.organization.id, body, created_at: next() })
    }
    if (thread.resolved) comments.setStatus(id, 'resolved', importer.id, at)
    return id
  })
}
