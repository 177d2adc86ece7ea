import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Locator, Page } from 'playwright-core'
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

/** Whether `locator`'s element has the focus, or holds it. */
const holdsFocus = (locator: Locator) => locator.evaluate((el) => el.contains(document.activeElement))

/** Whether the whole element is inside the window. */
const inWindow = (locator: Locator) =>
  locator.evaluate((el) => {
    const { top, bottom } = el.getBoundingClientRect()
    return top >= 0 && bottom <= window.innerHeight
  })

const scrollY = (page: Page) => page.evaluate(() => window.scrollY)

/**
 * The editor in narrower windows, in Russian. At 1,100 px, where the toolbar takes two rows,
 * nothing a drafter needs to read hides under it: the outline and the side panels stick below
 * it, an article chosen in the outline comes to rest below it, and a line typed into while
 * under it is scrolled out from under it. At 800 px nothing is out of the window. At 900 px, in
 * one column, the side panels open in the window (not 5,000 px down, after the text), and a
 * 200-character version name stays inside its panel.
 */
describe('the editor in a narrower window', () => {
  let server: TestServer
  let browser: Browser
  let page: Page
  let errors: string[]
  let draftPath = ''

  beforeAll(async () => {
    server = await startTestServer()
    const admin = await setupAdmin(server.url, { displayName: 'Айгуль' })
    const { id } = await createDocument(admin, { title: 'Типовой закон', language: 'ru', template: 'sample' })
    browser = await launchBrowser()
    const context = await contextFor(browser, server.url, admin)
    context.setDefaultTimeout(10_000)
    await context.addInitScript(() => localStorage.setItem('accord.uiLanguage', 'ru'))
    page = await context.newPage()
    await page.setViewportSize({ width: 1100, height: 800 })
    errors = trackErrors(page)
    draftPath = `/d/${id}`
    await page.goto(`${server.url}${draftPath}`)
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
  describe('in one column (900 px)', () => {
    const comments = () => page.getByTestId('comments-panel')
    const toggle = () => page.getByTestId('toggle-comments')
    const text = () => page.locator('.legal-text')

    beforeAll(async () => {
      await page.setViewportSize({ width: 900, height: 800 })
      // Opened in the wide window: start this part closed.
      if ((await toggle().getAttribute('aria-pressed')) === 'true') await toggle().click()
      await comments().waitFor({ state: 'detached' })
    })

    it('opens «Замечания» from its button in the window, with the focus in it; Escape closes it and gives the focus to the text', async () => {
      await page.evaluate(() => window.scrollTo(0, 0))
      await toggle().click()
      await expect.poll(() => inWindow(comments())).toBe(true)
      expect(await scrollY(page)).toBe(0)
      await expect.poll(() => holdsFocus(comments())).toBe(true)
      await page.keyboard.press('Escape')
      await comments().waitFor({ state: 'detached' })
      await expect.poll(() => holdsFocus(text())).toBe(true)
      expect(await toggle().getAttribute('aria-pressed')).toBe('false')
    })

    it('Ctrl+Alt+M on words far down the text opens the comment box in the window, the text staying where it was', async () => {
      const paragraph = page.locator('.legal-text article.article').nth(18).locator('.clause').first()
      await paragraph.scrollIntoViewIfNeeded()
      await paragraph.dblclick({ position: { x: 40, y: 8 } })
      const before = await scrollY(page)
      expect(before).toBeGreaterThan(2000)
      await page.keyboard.press('Control+Alt+KeyM')
      const box = page.getByRole('textbox', { name: 'Ваше замечание' })
      await expect.poll(() => holdsFocus(box)).toBe(true)
      expect(await inWindow(box)).toBe(true)
      // At most what keeps the words clear of the panel (it jumped 1,800 px and more, to the box after the text).
      expect(Math.abs((await scrollY(page)) - before)).toBeLessThan(400)
      await box.fill('Уточнить формулировку.')
      await page.keyboard.press('Control+Enter')
      await comments().getByTestId('thread').first().waitFor()
      // The sheet's "Закрыть" and the thread's resolve are two actions side by side: named apart.
      expect(await comments().getByRole('button', { name: 'Закрыть', exact: true }).count()).toBe(1)
      expect(await comments().getByTestId('thread').first().getByRole('button', { name: 'Закрыть обсуждение' }).count()).toBe(1)
    })

    it('a click on a highlight opens the panel with its thread in view and in focus, the highlight still visible', async () => {
      await comments().locator('.panel-header').getByRole('button', { name: 'Закрыть' }).click()
      await comments().waitFor({ state: 'detached' })
      await expect.poll(() => holdsFocus(text())).toBe(true)
      const highlight = page.locator('.legal-text .comment-highlight').first()
      // Low in the window, where an opened panel would cover it.
      await highlight.evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().top - window.innerHeight + 120))
      const before = await scrollY(page)
      await highlight.click()
      const card = comments().getByTestId('thread').first()
      await expect.poll(() => holdsFocus(card)).toBe(true)
      expect(await inWindow(card)).toBe(true)
      const panelTop = await comments().evaluate((el) => el.closest('aside')!.getBoundingClientRect().top)
      await expect.poll(() => highlight.evaluate((el) => el.getBoundingClientRect().bottom)).toBeLessThanOrEqual(panelTop)
      expect(Math.abs((await scrollY(page)) - before)).toBeLessThan(800) // moved only as far as needed
    })

    it('scrolls a line typed into, or moved to, out from under the open panel', async () => {
      const sheetTop = () => comments().evaluate((el) => el.closest('aside')!.getBoundingClientRect().top)
      const caretBottom = () => page.evaluate(() => document.getSelection()!.getRangeAt(0).getBoundingClientRect().bottom)
      const paragraph = page.locator('.legal-text article.article').nth(10).locator('.clause').first()
      await paragraph.scrollIntoViewIfNeeded()
      await paragraph.click({ position: { x: 2, y: 4 } })
      await page.keyboard.press('Home')
      // The caret's line just below the panel's upper edge: hidden, though inside the window.
      await page.evaluate((by) => window.scrollBy(0, by), (await caretBottom()) - (await sheetTop()) - 30)
      expect(await caretBottom()).toBeGreaterThan(await sheetTop())
      await page.keyboard.type('x')
      await expect.poll(async () => (await caretBottom()) <= (await sheetTop())).toBe(true)
      // And a caret moved down with the arrow keys stays above it too.
      for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowDown')
      await expect.poll(async () => (await caretBottom()) <= (await sheetTop())).toBe(true)
      await page.keyboard.press('Control+Z')
    })

    it('«История версий» opens in the window with the focus in its name field; a 200-character name stays inside', async () => {
      await page.evaluate(() => window.scrollTo(0, 0))
      await page.getByTestId('history').click()
      const history = page.getByTestId('history-panel')
      const name = history.getByLabel('Название')
      await expect.poll(() => holdsFocus(name)).toBe(true)
      expect(await inWindow(name)).toBe(true)
      const long = 'Редакция'.repeat(25)
      await name.fill(long)
      await history.getByRole('button', { name: 'Сохранить версию' }).click()
      const row = history.getByTestId('version-row').filter({ hasText: long.slice(0, 40) })
      await row.waitFor()
      // The emptied form's button keeps the focus (a disabled one drops it to <body>).
      expect(await holdsFocus(history.getByRole('button', { name: 'Сохранить версию' }))).toBe(true)
      const inside = async () => {
        const panel = await history.evaluate((el) => el.getBoundingClientRect().right)
        const words = await row.locator('strong').evaluate((el) => el.getBoundingClientRect().right)
        return words <= panel
      }
      expect(await inside()).toBe(true)
      await page.setViewportSize({ width: 1280, height: 800 })
      await expect.poll(inside).toBe(true)
      expect(await page.locator('.sidebar-right').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true)
      expect(errors).toEqual([])
    })
  })

  it('at a phone\'s width (380 px), pushes no page sideways: the top bar and the drafts list wrap', async () => {
    await page.setViewportSize({ width: 380, height: 800 })
    const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    for (const path of ['/', '/admin', draftPath]) {
      await page.goto(`${server.url}${path}`)
      await page.getByTestId('signed-in-as').waitFor()
      await page.locator(path === '/' ? '[data-testid="document-row"]' : path === '/admin' ? '#people-title' : '.legal-text .clause').first().waitFor()
      expect(await sideways(), path).toBe(0)
    }
    // The draft's sticky toolbar is one row of buttons that scrolls sideways, not a third of the screen.
    const buttons = page.locator('.toolbar-buttons')
    const [bar, button] = [await buttons.boundingBox(), await page.locator('.toolbar button').first().boundingBox()]
    expect(bar!.height).toBeLessThan(button!.height * 1.5)
    expect(await buttons.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true)
    // A draft's Rename and Delete stay inside the window, under its title.
    await page.goto(`${server.url}/`)
    const row = page.getByTestId('document-row').first()
    expect(await row.getByRole('button', { name: 'Удалить' }).evaluate((el) => el.getBoundingClientRect().right <= document.documentElement.clientWidth)).toBe(true)
    expect(errors).toEqual([])
  })

  it('at a phone\'s width, «Найти употребления» brings the first use to rest between the toolbar, grown by the find bar, and the panel', async () => {
    await page.setViewportSize({ width: 380, height: 800 })
    await page.goto(`${server.url}${draftPath}`)
    await page.locator('.legal-text .clause').first().waitFor()
    await page.getByRole('button', { name: 'Проверка' }).click()
    const glossary = page.getByTestId('glossary')
    await glossary.locator('summary').click()
    await glossary.getByTestId('glossary-term').filter({ hasText: 'жертва' }).getByTestId('glossary-find').click()
    const current = page.locator('.find-match.current')
    await current.waitFor()
    await page.waitForTimeout(300)
    const match = await edges(page, '.find-match.current')
    expect(match.top).toBeGreaterThanOrEqual(await toolbarBottom())
    expect(match.bottom).toBeLessThanOrEqual((await edges(page, '.sidebar-right')).top)
    expect(errors).toEqual([])
  })
})
