import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import type { DocJSON } from '../../shared/schema'
import { startTestServer, type TestServer } from '../helpers/server'
import { contextFor, launchBrowser, trackErrors } from '../helpers/browser'
import { createDocument, setupAdmin, type Account } from '../helpers/accounts'
import { SwitchableStore } from '../helpers/switchableStore'

const STATUS = '[data-testid="sync-status"]'

/** The browser's side of a storage fault: it says so, keeps the text, and saves it once storage is back. */
describe('when the server cannot store changes, the browser says so', () => {
  let server: TestServer
  let store: SwitchableStore | undefined
  let browser: Browser
  let page: Page
  let errors: string[]
  let owner: Account
  let docId: string

  beforeAll(async () => {
    server = await startTestServer({ wrapStore: (inner) => (store = new SwitchableStore(inner)) })
    owner = await setupAdmin(server.url)
    docId = (await createDocument(owner, { title: 'Full disk', template: 'sample' })).id
    browser = await launchBrowser()
    page = await (await contextFor(browser, server.url, owner)).newPage()
    errors = trackErrors(page)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('shows "cannot store changes — kept in this browser", then "Saved" once storage is back', async () => {
    await page.goto(`${server.url}/d/${docId}`)
    await page.waitForSelector(`${STATUS}[data-state="saved"]`)

    store!.failing.add(docId)
    const clause = page.locator('.legal-text article.article').first().locator('.clause').first()
    await clause.click()
    await page.keyboard.press('End')
    await page.keyboard.type(' Typed while the disk is full.')
    const status = page.locator(`${STATUS}[data-state="storage"]`)
    await status.waitFor()
    expect(await status.textContent()).toContain('The server cannot store changes right now — your changes are kept in this browser')
    expect(await clause.textContent()).toContain('Typed while the disk is full.')
    const stored = async () => JSON.stringify(await owner.json<DocJSON>(`/api/documents/${docId}/content`))
    expect(await stored()).not.toContain('Typed while the disk is full.')

    store!.failing.delete(docId)
    await page.waitForSelector(`${STATUS}[data-state="saved"]`, { timeout: 20_000 })
    expect(await stored()).toContain('Typed while the disk is full.')
    expect(errors).toEqual([])
  })
})
