import path from 'node:path'
import { JOURNAL_KINDS, type JournalKind } from './storage/openJournal'

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const
export type LogLevel = (typeof LOG_LEVELS)[number]

/** Everything the server can be told from outside; read once at startup. */
export interface Config {
  /** 0 = any free port (tests). */
  port: number
  host: string
  dataDir: string
  /** Largest WebSocket frame accepted; a larger one closes only its connection (1009). */
  maxMessageBytes: number
  /** A room with no connections for this long is compacted and unloaded. */
  idleUnloadMs: number
  /** Compact a document once its update log holds more rows than this, */
  compactAfterUpdates: number
  /** ... and nothing was stored for this long (or the log is far over; see COMPACT_BACKLOG_FACTOR). */
  compactQuietMs: number
  staticDir: string
  logLevel: LogLevel
  /** Create the sample document when the database holds none. */
  seed: boolean
  /** Keepalive: ping every connection this often, drop those that did not answer the last ping. */
  pingIntervalMs: number
  /** Outgoing bytes a sync connection may have queued before it is closed as too slow (1013). */
  maxBufferedBytes: number
  /** Sync upgrade attempts per client address per minute (burst of as many); more → HTTP 429. */
  syncConnectPerMinute: number
  /** Open sync connections per session, and per client address; more → HTTP 429. */
  syncMaxPerSession: number
  syncMaxPerAddress: number
  /** Sync messages per second per session, and per address (bursts of 10×); more → close 4429. */
  syncMessagesPerSecond: number
  syncMessagesPerSecondPerAddress: number
  /**
   * log2 of scrypt's N for new password hashes. 15 (N = 2^15) is the sound default; lower only
   * in tests. Existing hashes keep the parameters they were made with.
   */
  passwordCost: number
  /** A session lasts this long after its last use (sliding, refreshed at most hourly). */
  sessionTtlMs: number
  /** An invitation link is valid this long. */
  invitationTtlMs: number
  /** A password reset link is valid this long. */
  passwordResetTtlMs: number
  /** Behind a reverse proxy: believe X-Forwarded-Proto / X-Forwarded-For / X-Forwarded-Host. */
  trustProxy: boolean
  /** Base of invitation and password reset links (e.g. https://accord.example.org); empty = from the request. */
  publicUrl: string
  /** Failed sign-ins allowed per account, and per client address, within signInWindowMs. */
  signInMaxPerAccount: number
  signInMaxPerAddress: number
  signInWindowMs: number
  /** LibreOffice for PDF export: a path, '' to look for soffice on PATH, 'off' for none (the browser prints instead). */
  sofficePath: string
  /** While a draft is being edited, an automatic version is kept at most this often (an hour). */
  autoVersionIntervalMs: number
  /** A draft opened again within this long of leaving it continues the same visit (a reload, another tab): "since your last visit" looks back to the same moment. */
  visitGapMs: number
  /**
   * Heap of each export/import worker process, in MB (V8's old generation). A task that needs
   * more fails alone, in words (413 / 422), and its process is replaced.
   */
  exportWorkerHeapMb: number
  /** How commits are journaled before they are passed on: `mapped` (falls back to `written` where files cannot be mapped) or `written`. */
  updateJournal: JournalKind
  /**
   * Broadcast frames to a room's idle sockets in one io_uring submission. Off: one write() each,
   * as where the kernel refuses io_uring. Process-wide, and for good once off.
   */
  ioUring: boolean
}

export const DEFAULT_PASSWORD_COST = 15
/** Tests only: 2^10 is fast and still exercises the real code path. */
export const MIN_PASSWORD_COST = 10
export const MAX_PASSWORD_COST = 20

export const DEFAULT_CONFIG: Config = {
  port: 1234,
  host: '0.0.0.0',
  dataDir: './data',
  maxMessageBytes: 8 * 1024 * 1024,
  idleUnloadMs: 30_000,
  compactAfterUpdates: 1000,
  compactQuietMs: 1000,
  staticDir: 'dist/client',
  logLevel: 'info',
  seed: true,
  pingIntervalMs: 30_000,
  maxBufferedBytes: 32 * 1024 * 1024,
  syncConnectPerMinute: 300,
  syncMaxPerSession: 32,
  syncMaxPerAddress: 1000,
  syncMessagesPerSecond: 300,
  syncMessagesPerSecondPerAddress: 3000,
  passwordCost: DEFAULT_PASSWORD_COST,
  sessionTtlMs: 7 * 24 * 60 * 60 * 1000,
  invitationTtlMs: 7 * 24 * 60 * 60 * 1000,
  passwordResetTtlMs: 3 * 24 * 60 * 60 * 1000,
  trustProxy: false,
  publicUrl: '',
  signInMaxPerAccount: 5,
  signInMaxPerAddress: 30,
  signInWindowMs: 15 * 60 * 1000,
  sofficePath: '',
  autoVersionIntervalMs: 60 * 60 * 1000,
  visitGapMs: 30 * 60 * 1000,
  exportWorkerHeapMb: 1024,
  updateJournal: 'mapped',
  ioUring: true,
}

type Env = Record<string, string | undefined>

function int(env: Env, name: string, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const raw = env[name]
  if (raw === undefined || raw.trim() === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be an integer between ${min} and ${max}, got "${raw}"`)
  }
  return value
}

function url(env: Env, name: string): string {
  const raw = env[name]?.trim()
  if (!raw) return ''
  let parsed: URL
  try {
    parsed = new URL(raw)
  } catch {
    throw new Error(`${name} must be an absolute http(s) URL, got "${raw}"`)
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error(`${name} must be an http(s) URL`)
  return parsed.origin
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase()
  if (raw === undefined || raw === '') return fallback
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true
  if (['0', 'false', 'no', 'off'].includes(raw)) return false
  throw new Error(`${name} must be true or false, got "${raw}"`)
}

function choice<T extends string>(env: Env, name: string, options: readonly T[], fallback: T): T {
  const raw = env[name]?.trim().toLowerCase()
  if (raw === undefined || raw === '') return fallback
  if ((options as readonly string[]).includes(raw)) return raw as T
  throw new Error(`${name} must be one of ${options.join('|')}, got "${raw}"`)
}

/** Reads the configuration from the environment; a bad value fails startup loudly. */
export function loadConfig(env: Env = process.env): Config {
  const d = DEFAULT_CONFIG
  return {
    port: int(env, 'PORT', d.port, 0),
    host: env.HOST?.trim() || d.host,
    dataDir: path.resolve(env.DATA_DIR?.trim() || d.dataDir),
    maxMessageBytes: int(env, 'MAX_MESSAGE_BYTES', d.maxMessageBytes, 1024),
    idleUnloadMs: int(env, 'IDLE_UNLOAD_MS', d.idleUnloadMs, 0),
    compactAfterUpdates: int(env, 'COMPACT_AFTER_UPDATES', d.compactAfterUpdates, 1),
    compactQuietMs: int(env, 'COMPACT_QUIET_MS', d.compactQuietMs, 0),
    staticDir: path.resolve(env.STATIC_DIR?.trim() || d.staticDir),
    logLevel: choice(env, 'LOG_LEVEL', LOG_LEVELS, d.logLevel),
    seed: bool(env, 'SEED', d.seed),
    pingIntervalMs: int(env, 'PING_INTERVAL_MS', d.pingIntervalMs, 100),
    maxBufferedBytes: int(env, 'MAX_BUFFERED_BYTES', d.maxBufferedBytes, 64 * 1024),
    syncConnectPerMinute: int(env, 'SYNC_CONNECT_PER_MINUTE', d.syncConnectPerMinute, 1),
    syncMaxPerSession: int(env, 'SYNC_MAX_PER_SESSION', d.syncMaxPerSession, 1),
    syncMaxPerAddress: int(env, 'SYNC_MAX_PER_ADDRESS', d.syncMaxPerAddress, 1),
    syncMessagesPerSecond: int(env, 'SYNC_MESSAGES_PER_SECOND', d.syncMessagesPerSecond, 1),
    syncMessagesPerSecondPerAddress: int(env, 'SYNC_MESSAGES_PER_SECOND_PER_ADDRESS', d.syncMessagesPerSecondPerAddress, 1),
    passwordCost: int(env, 'PASSWORD_COST', d.passwordCost, MIN_PASSWORD_COST, MAX_PASSWORD_COST),
    sessionTtlMs: int(env, 'SESSION_TTL_MS', d.sessionTtlMs, 1000),
    invitationTtlMs: int(env, 'INVITATION_TTL_MS', d.invitationTtlMs, 1000),
    passwordResetTtlMs: int(env, 'PASSWORD_RESET_TTL_MS', d.passwordResetTtlMs, 1000),
    trustProxy: bool(env, 'TRUST_PROXY', d.trustProxy),
    publicUrl: url(env, 'PUBLIC_URL'),
    signInMaxPerAccount: int(env, 'SIGNIN_MAX_PER_ACCOUNT', d.signInMaxPerAccount, 1),
    signInMaxPerAddress: int(env, 'SIGNIN_MAX_PER_ADDRESS', d.signInMaxPerAddress, 1),
    signInWindowMs: int(env, 'SIGNIN_WINDOW_MS', d.signInWindowMs, 1000),
    sofficePath: env.SOFFICE_PATH?.trim() ?? d.sofficePath,
    autoVersionIntervalMs: int(env, 'AUTO_VERSION_INTERVAL_MS', d.autoVersionIntervalMs, 1000),
    visitGapMs: int(env, 'VISIT_GAP_MS', d.visitGapMs, 0),
    exportWorkerHeapMb: int(env, 'EXPORT_WORKER_HEAP_MB', d.exportWorkerHeapMb, 64, 16384),
    updateJournal: choice(env, 'UPDATE_JOURNAL', JOURNAL_KINDS, d.updateJournal),
    ioUring: bool(env, 'IO_URING', d.ioUring),
  }
}
