import { messageYjsUpdate } from 'y-protocols/sync'
import { MessageType } from '../../shared/protocol'
import { takeOverOnmessage } from './takeOverOnmessage'

/** Co-authors' edits and carets wait at most this long while the user types. */
const REMOTE_BATCH_MS = 200

/** A co-author's edit (sync update) or caret (awareness): what may wait for the next batch. */
function isRemoteChange(data: unknown): boolean {
  if (!(data instanceof ArrayBuffer) || data.byteLength < 2) return false
  const [type, syncType] = new Uint8Array(data, 0, 2) // both under 128: one byte each
  return type === MessageType.awareness || (type === MessageType.sync && syncType === messageYjsUpdate)
}

/** A socket from batchingRemoteChanges(). */
export type BatchingSocket = WebSocket & {
  /** Hands on at once what waits (the session's cue: the user's own edit is on screen). */
  handOnWaiting(): void
}

/**
 * `ws`, with its onmessage handler given co-authors' edits and carets in batches while
 * `batching()` says so (the user is typing), and at once otherwise. A batch goes on when the
 * session calls `handOnWaiting()`, right after the frame that shows the user's own keystroke,
 * or after `batchMs` at the latest. It is handed on inside `together` (the session's: one Yjs
 * transaction), so that its edits reach the editor as one change: one view update for the batch
 * instead of one per edit.
 *
 * Why: each remote change makes the browser render a frame, and while it renders frames back
 * to back, a keystroke waits for the next 60 Hz tick (up to 16.7 ms) instead of getting a frame
 * of its own at once. With five co-authors typing in the 300-article law, batching every 200 ms
 * took typing p95 at 60 Hz from 14.7–15.2 to 12.9–13.0 ms; a batch at a random moment still put
 * every fifth key or so into the frames it started. Right after a keystroke's frame, the next key
 * is tens of milliseconds away and the batch's frames are over before it comes: in alternating
 * runs p95 went from 15.0–17.0 to 12.3–13.7 ms (docs/performance.md). Handing a batch on in
 * slices, or its edits merged into one update, measured worse.
 *
 * Any other message (a sync step, "stored", role, threads) first hands on what waits, and so
 * does the socket closing: the handler sees every message, in the server's order.
 */
export function batchingRemoteChanges(
  ws: WebSocket,
  batching: () => boolean,
  together: (handOnAll: () => void) => void = (handOnAll) => handOnAll(),
  batchMs = REMOTE_BATCH_MS,
): BatchingSocket {
  const waiting: MessageEvent[] = []
  let timer: ReturnType<typeof setTimeout> | null = null
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
      waiting.push(event)
      timer ??= setTimeout(handOnWaiting, batchMs)
      return
    }
    handOnWaiting()
    handOn(event)
  }
  ws.addEventListener('close', handOnWaiting)
  return Object.assign(ws, { handOnWaiting })
}
