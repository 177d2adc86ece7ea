import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { startTestServer, type TestServer } from '../helpers/server'
import { contextFor, launchBrowser } from '../helpers/browser'
import { createDocument, setupAdmin } from '../helpers/accounts'

/**
 * An upgrade without a session cookie is refused as plain HTTP 401, which a browser cannot tell
 * from a network failure. A browser whose cookie is gone (expired in the browser itself) must
 * still end up on the sign-in page rather than "Offline" for ever.
 */
describe('a browser that lost its session cookie', () => {
  let server: TestServer
  let browser: Browser

  beforeAll(async () => {
    server = await startTestServer()
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('goes to the sign-in page when its editor reconnects', async () => {
    const owner = await setupAdmin(server.url)
    const { id } = await createDocument(owner)
    const context = await contextFor(browser, server.url, owner)
    const page = await context.newPage()
    await page.goto(`${server.url}/d/${id}`)
    await page.waitForSelector('[data-testid="sync-status"][data-state="saved"]')

    await context.clearCookies()
    // The connection drops and comes back (the browser went offline for a moment).
    await page.evaluate(() => {
      window.dispatchEvent(new Event('offline'))
      window.dispatchEvent(new Event('online'))
    })
    await page.getByRole('button', { name: 'Sign in' }).waitFor({ timeout: 20_000 })
    expect(page.url()).toContain(`/d/${id}`) // signing in again brings the draft back
  })
})
