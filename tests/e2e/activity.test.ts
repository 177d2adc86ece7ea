import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { startTestServer, type TestServer } from '../helpers/server'
import { contextFor, launchBrowser, trackErrors } from '../helpers/browser'
import { createDocument, createMember, createOrganization, grant, person, setupAdmin, type Account } from '../helpers/accounts'
import { connectClient, insertText, waitSaved, waitSynced, type TestClient } from '../helpers/clients'

const SAVED = '[data-testid="sync-status"][data-state="saved"]'

/**
 * The activity panel ("История правок") showed the sessions of the moment it opened and no
 * others: a co-author's new session appeared only after closing and opening it again. It now
 * follows co-authors' changes (a few seconds later) and has a "Refresh" button.
 */
describe('the activity panel while it is open', () => {
  let server: TestServer
  let browser: Browser
  let owner: Account
  let drafter: Account
  let page: Page
  let errors: string[]
  let docId: string
  let client: TestClient | undefined

  beforeAll(async () => {
    server = await startTestServer()
    owner = await setupAdmin(server.url)
    drafter = await createMember(owner, (await createOrganization(owner, { name: 'Ministry of Labour', shortName: 'MOL' })).id, 'Dana Drafter')
    docId = (await createDocument(owner, { title: 'Live activity', template: 'sample' })).id
    await grant(owner, docId, person(drafter), 'drafter')
    browser = await launchBrowser()
    const context = await contextFor(browser, server.url, owner)
    context.setDefaultTimeout(10_000)
    page = await context.newPage()
    errors = trackErrors(page)
  })

  afterAll(async () => {
    client?.destroy()
    await browser?.close()
    await server?.close()
  })

  it("shows a co-author's new session without being opened again, and the reader's own on Refresh", async () => {
    await page.goto(`${server.url}/d/${docId}`)
    await page.locator('.legal-text .clause').first().waitFor()
    await page.getByRole('button', { name: 'Activity' }).click()
    const panel = page.locator('[data-panel="activity"]')
    await panel.getByText('No changes to the text yet.').waitFor()

    client = connectClient(server.wsUrl, docId, { cookie: drafter.cookie })
    await waitSynced(client)
    insertText(client.ydoc, ' Changed by Dana.')
    await waitSaved(client)
    const sessions = panel.getByTestId('activity-session')
    await expect.poll(() => sessions.filter({ hasText: 'Dana Drafter' }).count(), { timeout: 20_000 }).toBe(1)
    await expect.poll(() => sessions.filter({ hasText: 'Dana Drafter' }).textContent()).toContain('MOL')

    // The reader's own typing does not refetch (no work per keystroke); "Refresh" does.
    await page.locator('.legal-text .clause').first().click()
    await page.keyboard.press('End')
    await page.keyboard.type(' Mine.')
    await page.waitForSelector(SAVED)
    await panel.getByRole('button', { name: 'Refresh' }).click()
    await expect.poll(() => sessions.count(), { timeout: 10_000 }).toBe(2)
    expect(errors).toEqual([])
  }, 90_000)
})
