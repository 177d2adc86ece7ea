import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { SCHEMA_VERSION } from '../../shared/schema/version'
import { startTestServer, type TestServer } from '../helpers/server'
import { contextFor, launchBrowser } from '../helpers/browser'
import { createDocument, setupAdmin, type Account } from '../helpers/accounts'

const SAVED = '[data-testid="sync-status"][data-state="saved"]'

/**
 * A page opened before Accord was upgraded to a new schema of the legal text (here: one that
 * says an older version in its sync URL) is refused by the server before it can delete, for
 * everyone, the nodes it cannot read; it says so in words and offers a reload.
 */
describe('an editor page older than the server', () => {
  let server: TestServer
  let browser: Browser
  let owner: Account
  let docId: string

  beforeAll(async () => {
    server = await startTestServer()
    owner = await setupAdmin(server.url)
    docId = (await createDocument(owner, { title: 'Модельный закон', language: 'ru', template: 'sample' })).id
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('is told to reload (in Russian), read-only, and a reload brings the current editor back', async () => {
    const context = await contextFor(browser, server.url, owner, { language: 'ru' })
    // The first load plays the old page: its sync URL says the previous schema version.
    await context.addInitScript(({ current, old }) => {
      if (sessionStorage.getItem('played-old')) return
      sessionStorage.setItem('played-old', '1')
      const Native = window.WebSocket
      window.WebSocket = class extends Native {
        constructor(url: string | URL, protocols?: string | string[]) {
          super(String(url).replace(`schema=${current}`, `schema=${old}`), protocols)
        }
      }
    }, { current: SCHEMA_VERSION, old: SCHEMA_VERSION - 1 })
    const page = await context.newPage()
    await page.goto(`${server.url}/d/${docId}`)
    const banner = page.getByTestId('access-ended')
    await expect.poll(() => banner.textContent()).toContain('Пока страница была открыта, Accord обновился. Перезагрузите страницу')
    expect(await page.getByTestId('add-section').count()).toBe(0) // no toolbar: nothing to edit
    expect(await page.getByTestId('sync-status').textContent()).toContain('Accord обновился — перезагрузите страницу')
    await page.getByRole('button', { name: 'Перезагрузить страницу' }).click()
    await page.waitForSelector(SAVED)
    expect(await page.getByTestId('access-ended').count()).toBe(0)
    expect(await page.locator('.legal-text').getAttribute('contenteditable')).toBe('true')
    await context.close()
  })
})
