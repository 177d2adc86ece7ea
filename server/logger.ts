import type { LogLevel } from './config'

/** Context attached to a log line. Never put payloads, cookies or document text in here. */
export type LogContext = Record<string, unknown>

export interface Logger {
  debug(msg: string, ctx?: LogContext): void
  info(msg: string, ctx?: LogContext): void
  warn(msg: string, ctx?: LogContext): void
  error(msg: string, ctx?: LogContext): void
  /** A logger whose lines all carry `ctx` (e.g. docId, conn, remote). */
  child(ctx: LogContext): Logger
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 }

/** Errors do not serialize with JSON.stringify; keep what helps diagnose, not the whole object. */
function serialize(value: unknown, depth = 0): unknown {
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code
    const out: LogContext = { name: value.name, message: value.message }
    if (code !== undefined) out.code = code
    out.stack = value.stack
    // The root cause (e.g. the SQLite error under a StorageError), a few levels deep at most.
    if (value.cause !== undefined && depth < 3) out.cause = serialize(value.cause, depth + 1)
    return out
  }
  return value
}

export type LogSink = (line: string) => void

const stdoutSink: LogSink = (line) => {
  process.stdout.write(line + '\n')
}

/** One JSON object per line on stdout: easy to grep, easy to ship to a collector. */
export function createLogger(level: LogLevel, base: LogContext = {}, sink: LogSink = stdoutSink): Logger {
  const threshold = RANK[level]
  const write = (lvl: Exclude<LogLevel, 'silent'>, msg: string, ctx?: LogContext) => {
    if (RANK[lvl] < threshold) return
    const entry: LogContext = { time: new Date().toISOString(), level: lvl, msg, ...base }
    if (ctx) for (const [k, v] of Object.entries(ctx)) entry[k] = serialize(v)
    try {
      sink(JSON.stringify(entry))
    } catch {
      // A circular context must not turn a log call into a crash.
      sink(JSON.stringify({ time: entry.time, level: lvl, msg, logError: 'unserializable context' }))
    }
  }
  return {
    debug: (msg, ctx) => write('debug', msg, ctx),
    info: (msg, ctx) => write('info', msg, ctx),
    warn: (msg, ctx) => write('warn', msg, ctx),
    error: (msg, ctx) => write('error', msg, ctx),
    child: (ctx) => createLogger(level, { ...base, ...ctx }, sink),
  }
}
