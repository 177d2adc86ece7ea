/**
 * One collaboration server in its own process, so that its CPU and memory can be measured
 * alone: `node --import tsx --expose-gc bench/servers/child.ts <accord|yws|hocuspocus>`.
 * Each listens on a free loopback port, keeps documents in its own way (Accord: SQLite in
 * DATA_DIR; the references: memory only), reports `{ ready, port }` over IPC and then answers
 * usage / gc / stop requests.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { WebSocketServer } from 'ws'
import { recordGcPauses } from '../lib/gcPauses'
import { processUsage, type ChildMessage, type ChildRequest, type ServerKind } from './protocol'

const REPO_ROOT = path.resolve(import.meta.dirname, '../..')

function send(message: ChildMessage): void {
  process.send?.(message)
}

async function startAccord(): Promise<{ port: number; close: () => Promise<void> }> {
  const { startAccordServer } = await import('../../server/app')
  const { loadConfig } = await import('../../server/config')
  const server = await startAccordServer({
    port: 0,
    host: '127.0.0.1',
    dataDir: process.env.DATA_DIR ?? path.join(REPO_ROOT, 'data-bench'),
    staticDir: process.env.STATIC_DIR ?? path.join(REPO_ROOT, 'dist/client'),
    logLevel: 'warn',
    seed: false,
    passwordCost: 10,
    idleUnloadMs: Number(process.env.IDLE_UNLOAD_MS ?? 30_000),
    // UPDATE_JOURNAL=written: the journal as before the thirtieth round, for comparison.
    updateJournal: loadConfig().updateJournal,
    // Every benchmark client is one person on one address, which is not an attack: lift the
    // per-address and per-session limits (sign-ins, connections, messages) out of the way.
    signInMaxPerAddress: 100_000,
    syncConnectPerMinute: 100_000,
    syncMaxPerSession: 100_000,
    syncMaxPerAddress: 100_000,
    syncMessagesPerSecond: 1_000_000,
    syncMessagesPerSecondPerAddress: 1_000_000,
  })
  return { port: server.port, close: () => server.close() }
}

async function startYWebsocketServer(): Promise<{ port: number; close: () => Promise<void> }> {
  // The reference server as its bin (src/server.js) wires it, on a free port.
  const { setupWSConnection } = await import('@y/websocket-server/utils')
  const wss = new WebSocketServer({ noServer: true })
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/plain' })
    res.end('okay')
  })
  wss.on('connection', setupWSConnection)
  server.on('upgrade', (req, socket, head) => wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req)))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    port: (server.address() as AddressInfo).port,
    close: async () => {
      for (const ws of wss.clients) ws.terminate()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

async function startHocuspocus(): Promise<{ port: number; close: () => Promise<void> }> {
  const { Server } = await import('@hocuspocus/server')
  // Defaults as shipped (in memory, per-turn broadcast batching), quiet, no signal handlers.
  const server = new Server({ port: 0, address: '127.0.0.1', quiet: true, stopOnSignals: false })
  await server.listen()
  return { port: server.address.port, close: () => server.destroy() }
}

async function main(): Promise<void> {
  const kind = process.argv[2] as ServerKind
  const start = { accord: startAccord, yws: startYWebsocketServer, hocuspocus: startHocuspocus }[kind]
  if (!start) throw new Error(`unknown server kind ${kind}`)
  const server = await start()
  const gcPauses = recordGcPauses()
  process.on('message', (request: ChildRequest) => {
    if (request.cmd === 'pauses') {
      send({ id: request.id, pauses: gcPauses.since(request.since) })
      return
    }
    if (request.cmd === 'gc') {
      const gc = (globalThis as { gc?: () => void }).gc
      gc?.()
      gc?.()
    }
    if (request.cmd === 'stop') {
      server.close().then(
        () => {
          send({ id: request.id })
          process.exit(0)
        },
        (err: unknown) => {
          send({ id: request.id, error: String(err) })
          process.exit(1)
        },
      )
      return
    }
    send({ id: request.id, usage: processUsage() })
  })
  process.on('disconnect', () => process.exit(0))
  send({ ready: true, port: server.port })
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
