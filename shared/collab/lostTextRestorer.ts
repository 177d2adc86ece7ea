import type * as Y from 'yjs'
import { TEXT_FIELD } from '../protocol'
import { findLostText, knownToUpdates, restoreLostText, type LostText } from './lostText'
import { findStrandedWords } from './strandedWords'

/**
 * A browser's half of restoring words lost to a concurrent move or change of level (see
 * lostText.ts): when a received change drops words of this replica that the server did not
 * have when it applied that change (typed offline, or still on their way), they are typed again
 * into the moved element, as a change of this replica's own. The server restores the words it
 * had; the received change's delete set tells the two apart. Words of this replica's left
 * behind by a split of their block (strandedWords.ts) move after the split-off words, always
 * here: they are not lost, so no one else moves them.
 */
export class LostTextRestorer {
  /** Updates received for the transaction being applied (their delete sets say what the server knew). */
  private received: Uint8Array[] = []
  private lost: LostText[] = []

  constructor(
    private readonly doc: Y.Doc,
    /** Whether a transaction applies received updates. */
    private readonly isReceived: (origin: unknown) => boolean,
    /** Origin of the restoring transaction: a local change, sent to the server like any other. */
    private readonly origin: unknown,
    /** Told what was restored. */
    private readonly onRestored: (lost: LostText[]) => void = () => {},
  ) {
    doc.on('afterTransaction', this.afterTransaction)
    doc.on('afterAllTransactions', this.afterAllTransactions)
  }

  /** Call with each received update before it is applied. */
  receive(update: Uint8Array): void {
    this.received.push(update)
  }

  destroy(): void {
    this.doc.off('afterTransaction', this.afterTransaction)
    this.doc.off('afterAllTransactions', this.afterAllTransactions)
  }

  private afterTransaction = (transaction: Y.Transaction): void => {
    if (this.received.length === 0 || !this.isReceived(transaction.origin)) return
    const fragment = this.doc.getXmlFragment(TEXT_FIELD)
    this.lost.push(
      ...findLostText(transaction, fragment, knownToUpdates(this.received), this.doc.clientID),
      ...findStrandedWords(transaction, fragment, this.doc.clientID),
    )
  }

  private afterAllTransactions = (): void => {
    this.received = []
    if (this.lost.length === 0) return
    const lost = this.lost
    this.lost = []
    restoreLostText(this.doc, lost, this.origin)
    this.onRestored(lost)
  }
}
