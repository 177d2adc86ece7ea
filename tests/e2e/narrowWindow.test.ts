import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { startTestServer, type TestServer } from '../helpers/server'
import { contextFor, launchBrowser, trackErrors } from '../helpers/browser'
import { createDocument, setupAdmin } from '../helpers/accounts'

/** Top and bottom of the first element matching `selector`, in the window (px). */
async function edges(page: Page, selector: string): Promise<{ top: number; bottom: number }> {
  return page.locator(selector).first().evaluate((el) => {
    const { top, bottom } = el.getBoundingClientRect()
    return { top, bottom }
  })
}

/**
 * The editor in narrower windows, in Russian. At 1,100 px, where the toolbar takes two rows,
 * nothing a drafter needs to read hides under it: the outline and the side panels stick below
 * it, an article chosen in the outline comes to rest below it, and a line typed into while
 * under it is scrolled out from under it. At 800 px nothing is out of the window.
 */
describe('the editor in a narrower window', () => {
  let server: TestServer
  let browser: Browser
  let page: Page
  let errors: string[]

  beforeAll(async () => {
    server = await startTestServer()
    const admin = await setupAdmin(server.url, { displayName: 'Айгуль' })
    const { id } = await createDocument(admin, { title: 'Типовой закон', language: 'ru', template: 'sample' })
    browser = await launchBrowser()
    const context = await contextFor(browser, server.url, admin)
    await context.addInitScript(() => localStorage.setItem('accord.uiLanguage', 'ru'))
    page = await context.newPage()
    await page.setViewportSize({ width: 1100, height: 800 })
    errors = trackErrors(page)
    await page.goto(`${server.url}/d/${id}`)
    await page.waitForSelector('[data-testid="sync-status"][data-state="saved"]')
    await page.locator('nav.outline .outline-article').nth(10).waitFor()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  const toolbarBottom = async () => (await edges(page, '.toolbar')).bottom

  it('wraps at this width (else this test would not test anything)', async () => {
    const button = await edges(page, '.toolbar button')
    expect(await toolbarBottom()).toBeGreaterThan(button.bottom + (button.bottom - button.top))
  })

  it('keeps the outline and the side panels below it once the text is scrolled', async () => {
    await page.mouse.move(550, 500)
    await page.mouse.wheel(0, 2500)
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(1000)
    const bottom = await toolbarBottom()
    expect(bottom).toBeLessThan(150) // stuck at the top of the window
    for (const sidebar of await page.locator('.sidebar').all()) {
      const top = await sidebar.evaluate((el) => el.getBoundingClientRect().top)
      expect(top).toBeGreaterThanOrEqual(bottom - 1)
    }
  })

  it('brings an article chosen in the outline to rest below it', async () => {
    const ninth = page.locator('nav.outline .outline-article button:not([data-testid="outline-comment"])').nth(8)
    expect(await ninth.textContent()).toContain('Статья 9.')
    await ninth.click()
    await page.waitForTimeout(200)
    const heading = await page.locator('.legal-text .article-heading').nth(8).evaluate((el) => el.getBoundingClientRect())
    const bottom = await toolbarBottom()
    expect(heading.top).toBeGreaterThanOrEqual(bottom)
    expect(heading.top).toBeLessThan(bottom + 80)
  })

  it('scrolls a line typed into out from under it', async () => {
    const paragraph = page.locator('.legal-text p.clause').nth(20)
    // At the start of its first line: the typed character stays on that line.
    await paragraph.click({ position: { x: 2, y: 4 } })
    await page.keyboard.press('Home')
    // The caret's line just under the toolbar: hidden, though inside the window.
    const caretTop = () => page.evaluate(() => document.getSelection()!.getRangeAt(0).getBoundingClientRect().top)
    const bottom = await toolbarBottom()
    await page.evaluate((by) => window.scrollBy(0, by), (await caretTop()) - bottom + 10)
    expect(await caretTop()).toBeLessThan(bottom)
    // A key of the harness's (US) layout, so that it comes as a keypress, as a keyboard's keys do.
    await page.keyboard.type('x')
    await expect.poll(caretTop).toBeGreaterThanOrEqual(bottom)
    expect(errors).toEqual([])
  })

  it('in an 800 px window keeps every action of the draft inside the window, the title readable and the text within reach', async () => {
    await page.setViewportSize({ width: 800, height: 800 })
    await page.evaluate(() => window.scrollTo(0, 0))
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(800)
    for (const button of await page.locator('.editor-header button').all()) {
      const { right } = await button.evaluate((el) => el.getBoundingClientRect())
      expect(right).toBeLessThanOrEqual(800)
    }
    const status = await edges(page, '[data-testid="sync-status"]')
    expect(status.bottom).toBeGreaterThan(0)
    expect(await page.locator('.doc-title').evaluate((el) => el.getBoundingClientRect().width)).toBeGreaterThan(100)
    // One column: the outline scrolls in a box of its own, and the text starts within the first screen and a half.
    expect((await edges(page, '.legal-text')).top).toBeLessThan(1200)
  })
})
