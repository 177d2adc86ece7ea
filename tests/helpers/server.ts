import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { CreateDocumentInput, DocumentSummary } from '../../shared/api'
import { startAccordServer, type AccordServer } from '../../server/app'
import type { Config } from '../../server/config'

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
  /** Any other server setting (compaction, idle unload, message size…). */
  config?: Partial<Config>
}

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
    server = await startAccordServer({
      port: 0,
      host: '127.0.0.1',
      dataDir,
      staticDir: path.join(REPO_ROOT, 'dist/client'),
      // Quiet by default; TEST_LOG_LEVEL=debug shows the server's log lines while debugging a test.
      logLevel: (process.env.TEST_LOG_LEVEL as Config['logLevel'] | undefined) ?? 'silent',
      seed: options.seed ?? false,
      ...options.config,
    })
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

/** Creates a document through the HTTP API. */
export async function createDocument(
  baseUrl: string,
  input: Partial<CreateDocumentInput> = {},
): Promise<DocumentSummary> {
  const res = await fetch(`${baseUrl}/api/documents`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ title: 'Test law', ...input }),
  })
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`)
  return (await res.json()) as DocumentSummary
}
