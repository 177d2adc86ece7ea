import type * as Y from 'yjs'

/**
 * Local edits the editor shows but has not yet written into its Y.Doc (see
 * localSyncAfterFrame), per Y.Doc. Whoever is about to change that Y.Doc some other way (a
 * co-author's change, undo) or to read positions from it writes them first, with
 * writeLocalChanges; the rest of the time they are written by the doc's scheduler, after the
 * frame that shows them.
 */
const writers = new WeakMap<Y.Doc, () => void>()
const schedulers = new WeakMap<Y.Doc, () => void>()

/**
 * `schedule` will have writeLocalChanges(doc) called soon (the session: after the frame that
 * shows the edit, right before sending it). Without a scheduler, the editor writes at once.
 */
export function scheduleLocalChanges(doc: Y.Doc, schedule: (() => void) | null): void {
  if (schedule) schedulers.set(doc, schedule)
  else schedulers.delete(doc)
}

/** Whether edits to `doc` may wait for its scheduler. */
export function localChangesMayWait(doc: Y.Doc): boolean {
  return schedulers.has(doc)
}

/** The editor: `write` puts what it shows into `doc`, once, for every edit made since it was given. */
export function localChangesWaiting(doc: Y.Doc, write: () => void): void {
  const first = !writers.has(doc)
  writers.set(doc, write)
  if (first) schedulers.get(doc)?.()
}

export function hasWaitingLocalChanges(doc: Y.Doc): boolean {
  return writers.has(doc)
}

/** Forgets waiting edits without writing them: the editor is writing everything it shows itself. */
export function dropWaitingLocalChanges(doc: Y.Doc): void {
  writers.delete(doc)
}

/** Writes the edits waiting for `doc`, if any. */
export function writeLocalChanges(doc: Y.Doc): void {
  const write = writers.get(doc)
  if (!write) return
  writers.delete(doc)
  write()
}
