import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { startTestServer, type TestServer } from '../helpers/server'
import { articleLabels, contextFor, launchBrowser, trackErrors } from '../helpers/browser'
import { setupAdmin } from '../helpers/accounts'

const SAVED = '[data-testid="sync-status"][data-state="saved"]'

interface Copied {
  text: string
  html: string
}

/** Selects from the start of article `first`'s heading to the end of article `last` (0-based), as a drag would. */
async function selectArticles(page: Page, first: number, last: number): Promise<void> {
  await page.locator('.legal-text article.article').nth(first).locator('.article-heading').click()
  await page.evaluate(([a, b]) => {
    const articles = document.querySelectorAll('.legal-text article.article')
    const start = articles[a].querySelector('.article-heading')!.firstChild!
    const end = articles[b].lastElementChild!.lastChild!
    const range = document.createRange()
    range.setStart(start, 0)
    range.setEnd(end, end.textContent!.length)
    getSelection()!.removeAllRanges()
    getSelection()!.addRange(range)
  }, [first, last])
  // ProseMirror reads the selection on the browser's selectionchange, a task later.
  await page.waitForTimeout(100)
}

/** What Ctrl+C puts on the clipboard, read from the copy event ProseMirror fills. */
function copy(page: Page): Promise<Copied> {
  return page.evaluate(() => {
    const data = new DataTransfer()
    document.querySelector('.legal-text')!.dispatchEvent(new ClipboardEvent('copy', { clipboardData: data, bubbles: true, cancelable: true }))
    return { text: data.getData('text/plain'), html: data.getData('text/html') }
  })
}

/** What Ctrl+X puts on the clipboard; ProseMirror then deletes the selection. */
function cut(page: Page): Promise<Copied> {
  return page.evaluate(() => {
    const data = new DataTransfer()
    document.querySelector('.legal-text')!.dispatchEvent(new ClipboardEvent('cut', { clipboardData: data, bubbles: true, cancelable: true }))
    return { text: data.getData('text/plain'), html: data.getData('text/html') }
  })
}

function paste(page: Page, copied: Copied): Promise<void> {
  return page.evaluate(({ text, html }) => {
    const data = new DataTransfer()
    data.setData('text/html', html)
    data.setData('text/plain', text)
    document.querySelector('.legal-text[contenteditable="true"]')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
  }, copied)
}

/**
 * Copying articles out of the editor: the numbers shown on screen (drawn by CSS) go with the
 * words, in plain text and in HTML, for Word or a mail; pasted back into Accord, the numbers are
 * dropped and the copy numbered by its place; the paste is one undo step. Cut and pasted, an
 * article is moved, with its id.
 */
describe('copying articles with their numbers', () => {
  let server: TestServer
  let browser: Browser
  let page: Page
  let errors: string[]

  beforeAll(async () => {
    server = await startTestServer({ seed: true })
    const owner = await setupAdmin(server.url)
    browser = await launchBrowser()
    const context = await contextFor(browser, server.url, owner)
    context.setDefaultTimeout(10_000)
    page = await context.newPage()
    errors = trackErrors(page)
    const [sample] = await owner.json<{ id: string }[]>('/api/documents')
    await page.goto(`${server.url}/d/${sample.id}`)
    await page.waitForSelector(SAVED)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('copies the numbers of articles, paragraphs and points with their words', async () => {
    const articles = await articleLabels(page)
    // The first article with points, and the one after it.
    const n = await page.$$eval('.legal-text article.article', (all) => all.findIndex((a) => a.querySelector('.point')))
    expect(n).toBeGreaterThanOrEqual(0)
    await selectArticles(page, n, n + 1)
    const copied = await copy(page)
    const lines = copied.text.split('\n\n')
    expect(lines[0]).toBe(`${articles[n].label} ${articles[n].heading}`)
    expect(lines).toContain(`${articles[n + 1].label} ${articles[n + 1].heading}`)
    expect(lines.filter((l) => /^\d+\) \S/.test(l)).length).toBeGreaterThan(1)
    expect(lines.find((l) => /^\d+\) /.test(l))).toMatch(/^1\) /)
    expect(copied.html).toContain(`<span class="accord-label">${articles[n].label} </span>${articles[n].heading}`)
    expect(copied.html).toContain('<span class="accord-label">1) </span>')
  })

  it('a block begun part-way is copied without its number', async () => {
    await page.locator('.legal-text article.article').nth(1).locator('.article-heading').click()
    await page.evaluate(() => {
      const heading = document.querySelectorAll('.legal-text article.article')[1].querySelector('.article-heading')!.firstChild!
      const range = document.createRange()
      range.setStart(heading, 2)
      range.setEnd(heading, heading.textContent!.length)
      getSelection()!.removeAllRanges()
      getSelection()!.addRange(range)
    })
    await page.waitForTimeout(100)
    const { text, html } = await copy(page)
    expect(text).not.toMatch(/Article/)
    expect(html).not.toContain('accord-label')
  })

  it('pasted back, the copy is numbered by its place, not by the numbers it carries, and one Ctrl+Z takes it away', async () => {
    const before = await articleLabels(page)
    await selectArticles(page, 1, 1)
    const copied = await copy(page)
    // Paste after the last article's last block.
    const lastBlock = page.locator('.legal-text article.article').last().locator('p').last()
    await lastBlock.click()
    await page.keyboard.press('Control+End')
    await page.waitForTimeout(100)
    await paste(page, copied)
    const after = await articleLabels(page)
    expect(after).toHaveLength(before.length + 1)
    const pasted = after.at(-1)!
    expect(pasted.heading).toBe(before[1].heading)
    expect(pasted.label).toBe(`Article ${before.length + 1}.`)
    expect(pasted.id).not.toBe(before[1].id)
    expect(new Set(after.map((a) => a.id)).size).toBe(after.length)
    await page.waitForSelector(SAVED)

    await page.keyboard.press('Control+z')
    await expect.poll(async () => (await articleLabels(page)).map((a) => a.id)).toEqual(before.map((a) => a.id))
  })

  it('an article cut whole and pasted elsewhere is moved: no empty shell is left, and it keeps its id', async () => {
    const before = await articleLabels(page)
    await selectArticles(page, 1, 1)
    const moved = await cut(page)
    await expect.poll(async () => (await articleLabels(page)).map((a) => a.id)).toEqual(before.filter((_, i) => i !== 1).map((a) => a.id))
    await page.locator('.legal-text article.article').last().locator('p').last().click()
    await page.keyboard.press('Control+End')
    await page.waitForTimeout(100)
    await paste(page, moved)
    const after = await articleLabels(page)
    expect(after.map((a) => a.id)).toEqual([...before.filter((_, i) => i !== 1).map((a) => a.id), before[1].id])
    expect(after.at(-1)).toMatchObject({ heading: before[1].heading, label: `Article ${before.length}.` })
    expect(errors).toEqual([])
  })
})
