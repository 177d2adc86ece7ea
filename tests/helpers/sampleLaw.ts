import { afterAll, afterEach, beforeAll } from 'vitest'
import { startTestServer, type TestServer } from './server'
import { createCast, createDocument, shareWithCast, type Account, type Cast } from './accounts'
import { connectClient, type ConnectOptions, type TestClient } from './clients'

/** What onSampleLaw() sets up; read its fields in tests and in hooks registered after it. */
export interface SampleLaw {
  server: TestServer
  cast: Cast
  /** The sample law, owned by cast.owner and shared with the cast (see shareWithCast). */
  docId: string
  /** Clients destroyed after each test. */
  clients: TestClient[]
  /** A stock client on the sample law as `account`, destroyed after the test. */
  connect(account: Account, options?: Omit<ConnectOptions, 'cookie'>): TestClient
}

/**
 * For a describe block: a server of its own with a cast (see createCast) and the sample law
 * shared with it, closed after the block; clients connected through it end with each test.
 */
export function onSampleLaw(): SampleLaw {
  const law = {
    clients: [] as TestClient[],
    connect(account: Account, options: Omit<ConnectOptions, 'cookie'> = {}) {
      const client = connectClient(law.server.wsUrl, law.docId, { ...options, cookie: account.cookie })
      law.clients.push(client)
      return client
    },
  } as SampleLaw
  beforeAll(async () => {
    law.server = await startTestServer()
    law.cast = await createCast(law.server.url)
    law.docId = (await createDocument(law.cast.owner, { title: 'Sample law', template: 'sample' })).id
    await shareWithCast(law.cast, law.docId)
  })
  afterEach(() => {
    law.clients.splice(0).forEach((c) => c.destroy())
  })
  afterAll(async () => {
    await law.server?.close()
  })
  return law
}
