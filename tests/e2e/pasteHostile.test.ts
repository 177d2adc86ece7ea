import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { docFromJSON, type DocJSON } from '../../shared/schema'
import { startTestServer, type TestServer } from '../helpers/server'
import { contextFor, launchBrowser, trackErrors } from '../helpers/browser'
import { createDocument, setupAdmin, type Account } from '../helpers/accounts'

const SAVED = '[data-testid="sync-status"][data-state="saved"]'

/** What a hostile page might put on the clipboard: scripts, handlers, javascript: links, frames, styles. */
const HOSTILE_HTML = [
  '<meta charset="utf-8"><style>body{display:none}</style>',
  '<p>Pasted <b onmouseover="window.__pwned=1">bold</b> <script>window.__pwned=2</script>',
  '<img src="x" onerror="window.__pwned=3"><a href="javascript:window.__pwned=4">a link</a>',
  '<span style="background:url(javascript:window.__pwned=5)">styled</span></p>',
  '<iframe src="javascript:window.__pwned=6"></iframe>',
  '<svg onload="window.__pwned=7"><text>svg text</text></svg>',
  '<form action="javascript:window.__pwned=8"><input value="field"></form>',
].join('')

/**
 * Pasted HTML is reduced to the legal schema: no element, attribute, link or style of it survives
 * in the editor or in what is stored, and nothing in it runs. (Paste from Word has its own tests.)
 */
describe('pasting hostile HTML into the editor', () => {
  let server: TestServer
  let browser: Browser
  let page: Page
  let errors: string[]
  let owner: Account
  let docId: string

  beforeAll(async () => {
    server = await startTestServer()
    owner = await setupAdmin(server.url)
    docId = (await createDocument(owner, { title: 'Paste target', template: 'sample' })).id
    browser = await launchBrowser()
    page = await (await contextFor(browser, server.url, owner)).newPage()
    errors = trackErrors(page)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('keeps only the words, as schema text', async () => {
    await page.goto(`${server.url}/d/${docId}`)
    await page.waitForSelector(SAVED)
    const clause = page.locator('.legal-text article.article').first().locator('.clause').first()
    await clause.click()
    await page.keyboard.press('End')
    const handled = await page.evaluate((html) => {
      const data = new DataTransfer()
      data.setData('text/html', html)
      data.setData('text/plain', 'plain fallback')
      const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })
      document.querySelector('.legal-text [contenteditable="true"], .legal-text[contenteditable="true"]')!.dispatchEvent(event)
      return event.defaultPrevented // the editor took it over
    }, HOSTILE_HTML)
    expect(handled).toBe(true)
    await expect.poll(() => clause.textContent()).toContain('a link')
    await page.waitForSelector(SAVED)
    await page.evaluate(() => new Promise((r) => setTimeout(r, 100)))

    const report = await page.evaluate(() => {
      const root = document.querySelector('.legal-text')!
      return {
        pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
        foreign: [...root.querySelectorAll('script, style, img, a, iframe, svg, form, input, b, span[style]')].map((el) => el.outerHTML.slice(0, 80)),
        handlers: [...root.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.toLowerCase().startsWith('on'))).length,
        javascriptUrls: root.innerHTML.includes('javascript:'),
        hidden: getComputedStyle(document.body).display === 'none',
      }
    })
    expect(report).toEqual({ pwned: null, foreign: [], handlers: 0, javascriptUrls: false, hidden: false })
    const text = (await clause.textContent()) ?? ''
    for (const words of ['Pasted', 'bold', 'a link', 'styled']) expect(text).toContain(words)
    expect(text).not.toContain('window.__pwned')

    // What was stored is a valid legal text with nothing but schema nodes and plain text.
    const stored = await owner.json<DocJSON>(`/api/documents/${docId}/content`)
    expect(() => docFromJSON(stored)).not.toThrow()
    const json = JSON.stringify(stored)
    expect(json).not.toMatch(/javascript:|onerror|onmouseover|<script|"marks"/)
    expect(errors).toEqual([])
  })
})
