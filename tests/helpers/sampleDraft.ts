import { afterAll, beforeAll } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { startTestServer, type TestServer } from './server'
import { contextFor, launchBrowser, trackErrors } from './browser'
import { setupAdmin, type Account } from './accounts'

const SAVED = '[data-testid="sync-status"][data-state="saved"]'

/** A server with the seeded sample law, its owner (the first administrator) and a page open on it. */
export interface SampleDraft {
  server: TestServer
  browser: Browser
  owner: Account
  page: Page
  /** The page's errors, as trackErrors collects them. */
  errors: string[]
  close(): Promise<void>
}

export async function openSampleDraft(): Promise<SampleDraft> {
  const server = await startTestServer({ seed: true })
  const owner = await setupAdmin(server.url) // owns the seeded sample law
  const browser = await launchBrowser()
  const context = await contextFor(browser, server.url, owner)
  context.setDefaultTimeout(10_000)
  const page = await context.newPage()
  const errors = trackErrors(page)
  const [sample] = await owner.json<{ id: string }[]>('/api/documents')
  await page.goto(`${server.url}/d/${sample.id}`)
  await page.waitForSelector(SAVED)
  return {
    server, browser, owner, page, errors,
    async close() {
      await browser.close()
      await server.close()
    },
  }
}

/** The sample draft opened before a suite's tests and closed after them: its fields are there once the tests run. */
export function withSampleDraft(): SampleDraft {
  const draft = {} as SampleDraft
  beforeAll(async () => {
    Object.assign(draft, await openSampleDraft())
  })
  afterAll(async () => {
    await draft.close?.()
  })
  return draft
}
