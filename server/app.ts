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
import { ExportWorkers } from './export/workers'
import { findSoffice, PdfConverter } from './export/pdf'
import { Exports } from './services/exports'
import { VersionsRepo } from './db/versionsRepo'
import { Versions } from './services/versions'
import { AgreementRepo } from './db/agreementRepo'
import { Agreement } from './services/agreement'
import { Admission } from './collab/admission'
import { onIoUringGivenUp, refuseIoUring } from './collab/socketWrite'
import { StorageHealth } from './storage/storageHealth'
import type { DocumentStore } from './storage/documentStore'

export interface AccordServer {
  port: number
  /** http://127.0.0.1:<port> (or the configured host when it is not a wildcard/loopback). */
  url: string
  config: Config
  log: Logger
  /** Closes sync connections (4504), compacts and frees rooms, stops HTTP, closes the database. */
  close(): Promise<void>
  /** Every registered API route (method, path pattern): the access tests check each one. */
  routes(): { method: string; path: string }[]
}

/** How long shutdown waits for WebSocket closing handshakes before cutting sockets. */
const SHUTDOWN_GRACE_MS = 1000

/** How often open sync connections are checked for expired sessions. */
const SESSION_SWEEP_MS = 60_000

export interface StartOptions {
  /** Where log lines go (default stdout); tests capture them. */
  logSink?: LogSink
  /** Tests only: wraps the document store the sync rooms use (e.g. one that can be made to fail). */
  wrapStore?: (store: DocumentStore) => DocumentStore
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
  if (!config.ioUring) refuseIoUring()
  onIoUringGivenUp((why) => log.warn('broadcasts: io_uring given up, each frame is written on its own from now on', { why }))
  if (config.passwordCost < DEFAULT_PASSWORD_COST) {
    log.warn('PASSWORD_COST is below the default: weaker password hashes (for tests only)', { passwordCost: config.passwordCost })
  }

  const db = openDatabase(config.dataDir)
  let sweep: NodeJS.Timeout | undefined
  try {
    const services = createServices(db, config, log)
    const { documents: repo, store, sessions, access, registry, live } = services
    store.recover()
    if (config.seed) seedIfEmpty(services, log)

    const health = new StorageHealth(start.wrapStore ? start.wrapStore(store) : store)
    const rooms = new Rooms({
      store: health,
      broadcaster: new LocalBroadcaster(),
      log,
      idleUnloadMs: config.idleUnloadMs,
      compactAfterUpdates: config.compactAfterUpdates,
      compactQuietMs: config.compactQuietMs,
    })
    const versionsRepo = new VersionsRepo(db)
    const versions = new Versions({
      repo: versionsRepo,
      documents: repo,
      users: services.users,
      organizations: services.organizations,
      rooms,
      log,
      autoVersionIntervalMs: config.autoVersionIntervalMs,
    })
    rooms.listen(versions)
    const wss = new WebSocketServer({ noServer: true, maxPayload: config.maxMessageBytes, perMessageDeflate: false })
    // Exports and imports run in worker processes (and PDF in LibreOffice), off the sync loop.
    const exportWorkers = new ExportWorkers({ log, heapMb: config.exportWorkerHeapMb })
    const pdf = new PdfConverter({ soffice: findSoffice(config.sofficePath), log })
    const agreements = new AgreementRepo(db)
    const agreement = new Agreement({ ...services, repo: agreements, versions })
    const exports = new Exports({ ...services, rooms, workers: exportWorkers, pdf, versionsRepo, agreements })
    const router = createApiRouter({ ...services, rooms, exports, versions, agreement })
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
      maxBufferedBytes: config.maxBufferedBytes,
      maxPendingBytes: config.maxMessageBytes,
      health,
      visits: services.visits,
      admission: new Admission({
        connectPerMinute: config.syncConnectPerMinute,
        maxPerSession: config.syncMaxPerSession,
        maxPerAddress: config.syncMaxPerAddress,
        messagesPerSecond: config.syncMessagesPerSecond,
        messagesPerSecondPerAddress: config.syncMessagesPerSecondPerAddress,
      }),
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
        await exportWorkers.close()
        await pdf.close()
        await waitForSockets(wss, SHUTDOWN_GRACE_MS)
        server.closeAllConnections()
        await stopped
        wss.close()
        await store.close()
        db.close()
        log.info('stopped')
      })()
      return closing
    }
    return { port, url: `http://${publicHost(config.host)}:${port}`, config, log, close, routes: () => router.list() }
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
