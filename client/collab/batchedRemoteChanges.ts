import { messageYjsUpdate } from 'y-protocols/sync'
import { MessageType } from '../../shared/protocol'
import { takeOverOnmessage } from './takeOverOnmessage'

/** Co-authors' edits and carets wait at most this long while the user types… */
const REMOTE_BATCH_MS = 200
/** …and at least this long, unless something else must go on first. */
const REMOTE_BATCH_SOONEST_MS = 100

/** A co-author's edit (sync update) or caret (awareness): what may wait for the next batch. */
function isRemoteChange(data: unknown): boolean {
  if (!(data instanceof ArrayBuffer) || data.byteLength < 2) return false
  const [type, syncType] = new Uint8Array(data, 0, 2) // both under 128: one byte each
  return type === MessageType.awareness || (type === MessageType.sync && syncType === messageYjsUpdate)
}

/** A socket from batchingRemoteChanges(). */
export type BatchingSocket = WebSocket & {
  /** The session's cue: the frame that shows the user's own edit is painted. */
  userEditShown(): void
}

/**
 * `ws`, with its onmessage handler given co-authors' edits and carets in batches while
 * `batching()` says so (the user is typing), and at once otherwise. A batch goes on at the
 * session's cue `userEditShown()`, right after the frame that shows the user's own keystroke,
 * once it has waited `soonestMs`; or after `latestMs`, whichever comes first. It is handed on
 * inside `together` (the session's: one Yjs transaction), so that its edits reach the editor as
 * one change: one view update for the batch instead of one per edit.
 *
 * Why: each remote change makes the browser render a frame, and for a tick or two after it, a
 * keystroke waits for the next 60 Hz tick (up to 16.7 ms) instead of getting a frame of its own
 * at once. With five co-authors typing in the 300-article law, batches every 200 ms took typing
 * p95 at 60 Hz from 14.7–15.2 to 12.9–13.0 ms, but a batch at a random moment still put some
 * keys into the frames it started. Right after a keystroke's frame the next key is tens of
 * milliseconds away, so a batch handed on then is mostly on screen before it comes, and at most
 * every other key (`soonestMs`) leaves fewer frames for a quick next key to land in. In
 * alternating runs of 200 keys, 5.3% of the keys took 16 ms or more before (64 of 1,200), 2.3%
 * with this (28 of 1,200), 3.4% with a batch after every key (27 of 800); see
 * docs/performance.md. Handing a batch on in slices, or its edits merged into one update,
 * measured worse; in the keystroke's own frame, a millisecond slower at the median.
 *
 * Any other message (a sync step, "stored", role, threads) first hands on what waits, and so
 * does the socket closing: the handler sees every message, in the server's order.
 */
export function batchingRemoteChanges(
  ws: WebSocket,
  batching: () => boolean,
  together: (handOnAll: () => void) => void = (handOnAll) => handOnAll(),
  latestMs = REMOTE_BATCH_MS,
  soonestMs = REMOTE_BATCH_SOONEST_MS,
): BatchingSocket {
  const waiting: MessageEvent[] = []
  let timer: ReturnType<typeof setTimeout> | null = null
  let waitingSince = 0
  // The socket below (gunzipping's, or a browser's) calls `receive`; the provider's handler is ours to call.
  ws.onmessage = receive
  // The provider done with the socket: what waits is nobody's, and neither is the timer.
  const handOn = takeOverOnmessage(ws, () => void takeWaiting())
  function takeWaiting(): MessageEvent[] {
    if (timer) clearTimeout(timer)
    timer = null
    return waiting.splice(0)
  }
  function handOnWaiting() {
    const batch = takeWaiting()
    if (batch.length > 0) together(() => batch.forEach(handOn))
  }
  function receive(event: MessageEvent) {
    if (isRemoteChange(event.data) && (waiting.length > 0 || batching())) {
      if (waiting.push(event) === 1) waitingSince = performance.now()
      timer ??= setTimeout(handOnWaiting, latestMs)
      return
    }
    handOnWaiting()
    handOn(event)
  }
  ws.addEventListener('close', handOnWaiting)
  const userEditShown = () => {
    if (waiting.length > 0 && performance.now() - waitingSince >= soonestMs) handOnWaiting()
  }
  return Object.assign(ws, { userEditShown })
}
