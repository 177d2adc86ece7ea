import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { WebSocketServer } from 'ws'
import { DEFAULT_PASSWORD_COST, loadConfig, type Config } from './config'
import { createLogger, type Logger, type LogSink } from './logger'
import { openDatabase } from './db/connection'
import { createServices } from './services'
import { LocalBroadcaster } from './collab/broadcaster'
import { Rooms } from './collab/rooms'
import { createUpgradeHandler } from './collab/upgrade'
import { createApiRouter } from './http/api'
import { createRequestHandler } from './http/requestHandler'
import { seedIfEmpty } from './seed'

export interface AccordServer {
  port: number
  /** http://127.0.0.1:<port> (or the configured host when it is not a wildcard/loopback). */
  url: string
  config: Config
  log: Logger
  /** Closes sync connections (4504), compacts and frees rooms, stops HTTP, closes the database. */
  close(): Promise<void>
}

/** How long shutdown waits for WebSocket closing handshakes before cutting sockets. */
const SHUTDOWN_GRACE_MS = 1000

/** How often open sync connections are checked for expired sessions. */
const SESSION_SWEEP_MS = 60_000

export interface StartOptions {
  /** Where log lines go (default stdout); tests capture them. */
  logSink?: LogSink
}

function publicHost(host: string): string {
  return ['0.0.0.0', '::', '127.0.0.1', 'localhost', ''].includes(host) ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host
}

/**
 * Starts the whole server on one port: HTTP API + static client + y-websocket sync.
 * Options override the environment (loadConfig); tests pass port 0 and a temporary dataDir.
 */
export async function startAccordServer(options: Partial<Config> = {}, start: StartOptions = {}): Promise<AccordServer> {
  const config: Config = { ...loadConfig(), ...options }
  config.dataDir = path.resolve(config.dataDir)
  config.staticDir = path.resolve(config.staticDir)
  const log = createLogger(config.logLevel, {}, start.logSink)
  if (config.passwordCost < DEFAULT_PASSWORD_COST) {
    log.warn('PASSWORD_COST is below the default: weaker password hashes (for tests only)', { passwordCost: config.passwordCost })
  }

  const db = openDatabase(config.dataDir)
  let sweep: NodeJS.Timeout | undefined
  try {
    const services = createServices(db, config, log)
    const { documents: repo, store, sessions, access, registry, live } = services
    if (config.seed) seedIfEmpty(services, log)

    const rooms = new Rooms({
      store,
      repo,
      broadcaster: new LocalBroadcaster(),
      log,
      idleUnloadMs: config.idleUnloadMs,
      compactAfterUpdates: config.compactAfterUpdates,
    })
    const wss = new WebSocketServer({ noServer: true, maxPayload: config.maxMessageBytes, perMessageDeflate: false })
    const router = createApiRouter({ ...services, rooms })
    const server = http.createServer(createRequestHandler({ router, staticDir: config.staticDir, log }))
    server.on('upgrade', createUpgradeHandler({
      wss,
      repo,
      access,
      sessions,
      rooms,
      log,
      registry,
      trustProxy: config.trustProxy,
      pingIntervalMs: config.pingIntervalMs,
      maxBufferedBytes: Math.max(16 * 1024 * 1024, 4 * config.maxMessageBytes),
    }))
    server.on('clientError', (err, socket) => {
      log.debug('client error', { err })
      if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n')
      socket.destroy()
    })

    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(config.port, config.host, () => {
        server.off('error', reject)
        resolve()
      })
    })
    server.on('error', (err) => log.error('http server error', { err }))
    const port = (server.address() as AddressInfo).port
    sweep = setInterval(() => {
      try {
        live.sweepSessions()
      } catch (err) {
        log.error('session sweep failed', { err })
      }
    }, Math.min(SESSION_SWEEP_MS, config.sessionTtlMs))
    sweep.unref()

    let closing: Promise<void> | undefined
    const close = () => {
      closing ??= (async () => {
        clearInterval(sweep)
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()))
        server.closeIdleConnections()
        rooms.closeAll()
        await waitForSockets(wss, SHUTDOWN_GRACE_MS)
        server.closeAllConnections()
        await stopped
        wss.close()
        store.close()
        db.close()
        log.info('stopped')
      })()
      return closing
    }
    return { port, url: `http://${publicHost(config.host)}:${port}`, config, log, close }
  } catch (err) {
    clearInterval(sweep)
    db.close()
    throw err
  }
}

/** Resolves once every WebSocket has closed, terminating the stragglers after `graceMs`. */
async function waitForSockets(wss: WebSocketServer, graceMs: number): Promise<void> {
  const open = [...wss.clients]
  for (const ws of open) {
    if (ws.readyState === ws.OPEN) ws.close(1001, 'server shutting down')
  }
  const all = Promise.all(
    open.map((ws) => (ws.readyState === ws.CLOSED ? undefined : new Promise<void>((r) => ws.once('close', () => r())))),
  )
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<void>((r) => (timer = setTimeout(r, graceMs)))
  await Promise.race([all, timeout])
  clearTimeout(timer)
  for (const ws of wss.clients) ws.terminate()
}
