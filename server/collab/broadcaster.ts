import { writesTogether } from './socketWrite'

/** Anything that can receive a frame: in practice a Connection. */
export interface Peer {
  send(message: Uint8Array): void
}

/**
 * Fan-out of one frame to the connections of a room. An interface so a Redis (or similar)
 * relay can later deliver to the same room on other instances.
 */
export interface Broadcaster {
  join(docId: string, peer: Peer): void
  leave(docId: string, peer: Peer): void
  /** Sends the already-encoded `message` to every peer of the room except `except` (one or several). */
  broadcast(docId: string, message: Uint8Array, except?: Peer | ReadonlySet<Peer>): void
}

/** Single-process fan-out. */
export class LocalBroadcaster implements Broadcaster {
  private readonly rooms = new Map<string, Set<Peer>>()

  join(docId: string, peer: Peer): void {
    let peers = this.rooms.get(docId)
    if (!peers) this.rooms.set(docId, (peers = new Set()))
    peers.add(peer)
  }

  leave(docId: string, peer: Peer): void {
    const peers = this.rooms.get(docId)
    if (!peers) return
    peers.delete(peer)
    if (peers.size === 0) this.rooms.delete(docId)
  }

  broadcast(docId: string, message: Uint8Array, except?: Peer | ReadonlySet<Peer>): void {
    const peers = this.rooms.get(docId)
    if (!peers) return
    const skip = except instanceof Set ? (peer: Peer) => except.has(peer) : (peer: Peer) => peer === except
    // Copy: a send that fails may close its peer and call leave() while we iterate.
    const recipients = [...peers]
    writesTogether(() => {
      for (const peer of recipients) if (!skip(peer)) peer.send(message)
    })
  }
}
