import type * as Y from 'yjs'
import { ErrorCode } from '../../shared/api'
import { createAnchor, type AnchorResolution, type EncodedAnchor } from '../../shared/comments/anchor'
import { plainWordsBetween, replaceWords } from '../../shared/comments/wording'
import { wordingOrigin, type Author } from '../collab/origins'
import type { Room } from '../collab/room'
import { ShuttingDown, type Rooms } from '../collab/rooms'
import type { ThreadRow } from '../db/commentsRepo'
import { HttpError } from '../errors'
import { StorageError } from '../storage/documentStore'

const wordingChanged = () =>
  new HttpError(409, ErrorCode.wordingChanged, 'the words have changed since the proposal was made; edit the text by hand')

/**
 * Writes an accepted wording over its passage in the live document, as an ordinary change with
 * the acceptor as its author (server/collab/origins.ts): stored durably before this returns, sent
 * to everyone editing, and attributed in the activity — as a restore is. The passage must still
 * read as it did when proposed (its quote), as plain words of one block; otherwise 409 and the
 * text is untouched. `resolve` finds the thread's words in a Y.Doc (and stores a relocated anchor).
 * Returns the anchor of the words written, for the thread to follow: where every word changed,
 * its old anchor pointed at deleted text only, and the thread read «on deleted text».
 */
export function acceptWording(rooms: Rooms, docId: string, row: ThreadRow, author: Author, resolve: (ydoc: Y.Doc, row: ThreadRow) => AnchorResolution): EncodedAnchor {
  if (row.proposal === null) throw new Error(`thread ${row.id} of document ${docId} proposes no wording`)
  const proposal = row.proposal
  const room = acquire(rooms, docId)
  try {
    // Commit what is pending first: the check below must see every edit the server has.
    room.flush()
    const resolution = resolve(room.doc, row)
    if (resolution.state !== 'live') throw wordingChanged()
    const words = plainWordsBetween(resolution.start, resolution.end)
    if (!words.ok && words.reason === 'notPlain') {
      throw new HttpError(409, ErrorCode.wordingNotPlain, 'the passage now holds a cross-reference, which a proposed wording cannot replace; edit the text by hand')
    }
    if (!words.ok || words.words !== row.quote) throw wordingChanged()
    const { text, index } = resolution.start
    room.doc.transact(() => replaceWords(resolution.start, words.words, proposal), wordingOrigin(author, row.id))
    // Answered with what it stored, as a restore is: commit and sync it now, not next turn.
    if (!room.flush({ durable: true }) || room.failed) throw new StorageError(`cannot store the accepted wording of thread ${row.id} in document ${docId}`)
    return createAnchor({ text, index }, { text, index: index + proposal.length })
  } finally {
    rooms.releaseUnused(room)
  }
}

function acquire(rooms: Rooms, docId: string): Room {
  try {
    return rooms.acquire(docId)
  } catch (err) {
    if (err instanceof ShuttingDown) throw new HttpError(503, ErrorCode.storageUnavailable, 'the server is shutting down')
    throw err
  }
}
