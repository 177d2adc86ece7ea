import { afterAll, afterEach, beforeAll } from 'vitest'
import { startTestServer, type TestServer, type TestServerOptions } from './server'
import { createCast, type Cast } from './accounts'
import { connectClient, type TestClient } from './clients'

/**
 * The usual suite around a cast: a real server and its people before the suite (handed to
 * `ready`), the test's sync clients destroyed after each test, the server closed at the end.
 * `connect` opens a sync client to the suite's server, destroyed with the others.
 */
export function castSuite(
  clients: TestClient[],
  ready: (server: TestServer, cast: Cast) => void,
  options?: TestServerOptions,
): { connect: (docId: string, cookie: string) => TestClient } {
  let server: TestServer | undefined
  beforeAll(async () => {
    server = await startTestServer(options)
    ready(server, await createCast(server.url))
  })
  afterEach(() => {
    clients.splice(0).forEach((c) => c.destroy())
  })
  afterAll(async () => {
    await server?.close()
  })
  return {
    connect(docId, cookie) {
      const client = connectClient(server!.wsUrl, docId, { cookie })
      clients.push(client)
      return client
    },
  }
}
