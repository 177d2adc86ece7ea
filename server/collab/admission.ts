import type { WebSocket, RawData } from 'ws'
import { CloseCode, CloseReason } from '../../shared/protocol'

/**
 * Limits on sync connections, checked before the WebSocket handshake where possible (cheap
 * HTTP refusals) and per message afterwards. Keys are client addresses (clientAddress(), so
 * X-Forwarded-For only behind a trusted proxy) and session ids (hashes, never tokens).
 */
export interface AdmissionLimits {
  /** Upgrade attempts per address per minute, as a bucket of that many refilled evenly. */
  connectPerMinute: number
  /** Open connections per session and per address. */
  maxPerSession: number
  maxPerAddress: number
  /** Messages per second per session and per address, with bursts of BURST_SECONDS × that. */
  messagesPerSecond: number
  messagesPerSecondPerAddress: number
}

/** A bucket holds this many seconds' worth of messages: a reconnect or a paste never trips it. */
const BURST_SECONDS = 10

/** A message costs one token, plus one per 64 KiB, so big frames use up the budget faster. */
const BYTES_PER_TOKEN = 64 * 1024

/** Attempt buckets kept at most; full (idle) buckets are dropped first since a fresh one is the same. */
const MAX_TRACKED_ADDRESSES = 50_000

/** A token bucket: `capacity` tokens, refilled at `perMs` tokens per millisecond. */
export class TokenBucket {
  private tokens: number
  private last: number

  constructor(
    readonly capacity: number,
    private readonly perMs: number,
    now = Date.now(),
  ) {
    this.tokens = capacity
    this.last = now
  }

  private refill(now: number): void {
    this.tokens = Math.min(this.capacity, this.tokens + (now - this.last) * this.perMs)
    this.last = now
  }

  /** Takes `cost` tokens if there are that many. */
  take(cost = 1, now = Date.now()): boolean {
    this.refill(now)
    if (this.tokens < cost) return false
    this.tokens -= cost
    return true
  }

  /** Milliseconds until `cost` tokens are available. */
  waitMs(cost = 1, now = Date.now()): number {
    this.refill(now)
    return this.tokens >= cost ? 0 : Math.ceil((cost - this.tokens) / this.perMs)
  }

  isFull(now = Date.now()): boolean {
    this.refill(now)
    return this.tokens >= this.capacity
  }
}

/** Why an upgrade is refused before the handshake: the HTTP answer to give. */
export interface HttpRefusal {
  status: 429
  text: 'Too Many Requests'
  retryAfterSeconds: number
  why: 'attempts' | 'connections per address' | 'connections per session'
}

/** One admitted connection's share of the limits; released exactly once when its socket closes. */
export interface Ticket {
  /** Charges one message of `bytes`; false when the session or the address is over its rate. */
  message(bytes: number): boolean
  release(): void
}

interface Counted {
  open: number
  messages: TokenBucket
}

export class Admission {
  private readonly attempts = new Map<string, TokenBucket>()
  private readonly addresses = new Map<string, Counted>()
  private readonly sessions = new Map<string, Counted>()

  constructor(private readonly limits: AdmissionLimits) {}

  /** Counts one upgrade attempt from `address`; a refusal when it is over the attempt rate. */
  attempt(address: string, now = Date.now()): HttpRefusal | null {
    let bucket = this.attempts.get(address)
    if (!bucket) {
      if (this.attempts.size >= MAX_TRACKED_ADDRESSES) this.sweep(now)
      bucket = new TokenBucket(this.limits.connectPerMinute, this.limits.connectPerMinute / 60_000, now)
      this.attempts.set(address, bucket)
    }
    if (bucket.take(1, now)) return null
    return { status: 429, text: 'Too Many Requests', retryAfterSeconds: Math.max(1, Math.ceil(bucket.waitMs(1, now) / 1000)), why: 'attempts' }
  }

  /**
   * Reserves a connection slot for `sessionId` from `address`, or says why not (the caller
   * answers HTTP 429; the browser's provider retries with backoff, so it comes back when a slot frees).
   */
  admit(address: string, sessionId: string): Ticket | HttpRefusal {
    const byAddress = this.addresses.get(address)
    if (byAddress && byAddress.open >= this.limits.maxPerAddress) return this.full('connections per address')
    const bySession = this.sessions.get(sessionId)
    if (bySession && bySession.open >= this.limits.maxPerSession) return this.full('connections per session')
    const a = this.count(this.addresses, address, this.limits.messagesPerSecondPerAddress)
    const s = this.count(this.sessions, sessionId, this.limits.messagesPerSecond)
    let released = false
    return {
      message: (bytes: number) => {
        const cost = 1 + Math.floor(bytes / BYTES_PER_TOKEN)
        // Both must have room; charge neither when one refuses (the connection is closed anyway).
        const now = Date.now()
        if (s.messages.waitMs(cost, now) > 0 || a.messages.waitMs(cost, now) > 0) return false
        s.messages.take(cost, now)
        a.messages.take(cost, now)
        return true
      },
      release: () => {
        if (released) return
        released = true
        this.uncount(this.addresses, address)
        this.uncount(this.sessions, sessionId)
      },
    }
  }

  /** Open connections per key, for tests and diagnostics. */
  openCount(kind: 'address' | 'session', key: string): number {
    return (kind === 'address' ? this.addresses : this.sessions).get(key)?.open ?? 0
  }

  private full(why: HttpRefusal['why']): HttpRefusal {
    return { status: 429, text: 'Too Many Requests', retryAfterSeconds: 1, why }
  }

  private count(map: Map<string, Counted>, key: string, perSecond: number): Counted {
    let entry = map.get(key)
    if (!entry) {
      entry = { open: 0, messages: new TokenBucket(perSecond * BURST_SECONDS, perSecond / 1000) }
      map.set(key, entry)
    }
    entry.open++
    return entry
  }

  private uncount(map: Map<string, Counted>, key: string): void {
    const entry = map.get(key)
    if (!entry) return
    entry.open--
    // Kept until it would have refilled anyway, so reconnecting never resets a spent budget.
    if (entry.open <= 0 && entry.messages.isFull()) map.delete(key)
    else if (entry.open <= 0) setTimeout(() => this.forgetIdle(map, key), BURST_SECONDS * 1000).unref()
  }

  private forgetIdle(map: Map<string, Counted>, key: string): void {
    const entry = map.get(key)
    if (entry && entry.open <= 0) map.delete(key)
  }

  private sweep(now: number): void {
    for (const [key, bucket] of this.attempts) if (bucket.isFull(now)) this.attempts.delete(key)
    // Still too many (a flood from many addresses): forget the oldest; they start over full.
    for (const key of this.attempts.keys()) {
      if (this.attempts.size < MAX_TRACKED_ADDRESSES) break
      this.attempts.delete(key)
    }
  }
}

/**
 * Charges every incoming frame of `ws` to `ticket`. Registered in front of the connection's own
 * 'message' listener, so a frame over the rate is never processed: `close` (the connection's,
 * 4429, final) runs first, and a closed connection ignores the frame and everything after it.
 */
export function limitMessages(ws: WebSocket, ticket: Ticket, close: (code: number, reason: string) => void): void {
  let over = false
  ws.prependListener('message', (data: RawData) => {
    if (over) return // closed already; what was still in flight is dropped uncharged
    const bytes = Array.isArray(data) ? data.reduce((n, b) => n + b.byteLength, 0) : data.byteLength
    if (ticket.message(bytes)) return
    over = true
    close(CloseCode.rateLimited, CloseReason.rateLimited)
  })
}
