import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { startAccordServer, type AccordServer, type StartOptions } from '../../server/app'
import type { Config } from '../../server/config'
import type { LogSink } from '../../server/logger'

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

export interface TestServer {
  /** http://127.0.0.1:<port> */
  url: string
  /** ws://127.0.0.1:<port>/sync: the `serverUrl` for a WebsocketProvider. */
  wsUrl: string
  port: number
  dataDir: string
  server: AccordServer
  /** Stops the server; removes dataDir if this helper created it. */
  close(): Promise<void>
}

export interface TestServerOptions {
  /** Seed the sample document (off by default). */
  seed?: boolean
  /** Reuse a data directory (e.g. to restart on it); it is then not removed on close. */
  dataDir?: string
  /**
   * log2 of scrypt's N for password hashes. Tests default to TEST_PASSWORD_COST (fast); the
   * server's own default (15) is the sound one.
   */
  passwordCost?: number
  /** Any other server setting (compaction, idle unload, message size, TTLs…). */
  config?: Partial<Config>
  /** Receives every log line (JSON) instead of stdout, e.g. to check what is logged. */
  logSink?: LogSink
  /** Wraps the sync rooms' document store, e.g. in a SwitchableStore that can be made to fail. */
  wrapStore?: StartOptions['wrapStore']
}

/** Cheap password hashing for tests (the minimum the server accepts). */
export const TEST_PASSWORD_COST = 10

export async function tempDataDir(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), 'accord-test-'))
}

export async function removeDir(dir: string): Promise<void> {
  await fs.rm(dir, { recursive: true, force: true })
}

/** A real server on a free port with a temporary database, quiet logs. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const ownsDir = options.dataDir === undefined
  const dataDir = options.dataDir ?? (await tempDataDir())
  let server: AccordServer
  try {
    server = await startAccordServer(
      {
        port: 0,
        host: '127.0.0.1',
        dataDir,
        staticDir: path.join(REPO_ROOT, 'dist/client'),
        // Quiet by default; TEST_LOG_LEVEL=debug shows the server's log lines while debugging a test.
        logLevel: (process.env.TEST_LOG_LEVEL as Config['logLevel'] | undefined) ?? 'silent',
        seed: options.seed ?? false,
        passwordCost: options.passwordCost ?? TEST_PASSWORD_COST,
        ...options.config,
      },
      { logSink: options.logSink, wrapStore: options.wrapStore },
    )
  } catch (err) {
    if (ownsDir) await removeDir(dataDir)
    throw err
  }
  return {
    url: server.url,
    wsUrl: `ws://127.0.0.1:${server.port}/sync`,
    port: server.port,
    dataDir,
    server,
    close: async () => {
      await server.close()
      if (ownsDir) await removeDir(dataDir)
    },
  }
}
