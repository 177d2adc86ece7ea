import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { startTestServer, type TestServer } from '../helpers/server'
import { contextFor, launchBrowser, selectWords, trackErrors } from '../helpers/browser'
import { createCast, shareWithCast, type Cast } from '../helpers/accounts'
import { generateLaw } from '../../shared/diff/testing/generateLaw'
import { textOf } from '../../shared/diff/flatten'
import type { ImportCreated } from '../../shared/api'
import type { DocJSON } from '../../shared/schema'

/** A card's place: whether Chromium renders it (not skipped by `content-visibility`) and shows it in the panel's box. */
function cardState(page: Page, threadId: string) {
  return page.evaluate((id) => {
    const card = document.querySelector(`[data-testid="thread"][data-thread-id="${CSS.escape(id)}"]`)
    const box = card?.closest('.sidebar')
    if (!card || !box) return null
    const c = card.getBoundingClientRect()
    const b = box.getBoundingClientRect()
    return { rendered: card.checkVisibility({ contentVisibilityAuto: true }), inView: c.top >= b.top - 1 && c.bottom <= b.bottom + 1, focused: document.activeElement === card }
  }, threadId)
}

describe('a long draft under review', () => {
  let server: TestServer
  let browser: Browser
  let cast: Cast
  let page: Page
  let errors: string[]
  let docId: string
  let content: DocJSON

  beforeAll(async () => {
    server = await startTestServer()
    cast = await createCast(server.url)
    const created = await cast.owner.json<ImportCreated>('/api/documents/import', { method: 'POST', body: JSON.stringify({ title: 'A long code', language: 'en', doc: generateLaw({ articles: 100 }) }) })
    docId = created.document.id
    await shareWithCast(cast, docId)
    content = await cast.owner.json<DocJSON>(`/api/documents/${docId}/content`)
    const articleIds = content.content!.filter((n) => n.type === 'article').map((n) => n.attrs!.id as string)
    // Forty threads on the first forty articles, as two people leave them.
    for (const [i, articleId] of articleIds.slice(0, 40).entries()) {
      await (i < 20 ? cast.reviewer : cast.drafter).json(`/api/documents/${docId}/threads`, { method: 'POST', body: JSON.stringify({ articleId, body: `Note ${i + 1}` }) })
    }
    browser = await launchBrowser()
    page = await (await contextFor(browser, server.url, cast.reviewer)).newPage()
    page.context().setDefaultTimeout(10_000)
    errors = trackErrors(page)
    await page.goto(`${server.url}/d/${docId}`)
    await page.getByTestId('read-only-banner').waitFor()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('shows a card far down the panel, which Chromium had not laid out, when its words are clicked', async () => {
    await expect.poll(() => page.getByTestId('thread').count()).toBe(40)
    // Words of Article 90: its card comes after the forty others.
    const article = content.content!.filter((n) => n.type === 'article')[89]
    const words = textOf(article.content![1]).split(' ').slice(0, 3).join(' ')
    await selectWords(page, 89, words)
    await page.locator('button[data-testid="comment"]').click()
    const composer = page.getByTestId('comment-composer')
    await expect.poll(() => composer.locator('blockquote').textContent()).toBe(words)
    await composer.getByLabel('Your comment').fill('Far down the list')
    await composer.getByRole('button', { name: 'Comment' }).click()
    const card = page.getByTestId('thread').filter({ hasText: 'Far down the list' })
    await expect.poll(() => card.count()).toBe(1)
    const threadId = (await card.getAttribute('data-thread-id'))!

    // Back at the top of the panel, the card's part of the list is not rendered.
    await page.evaluate(() => document.querySelector('[data-testid="comments-panel"]')!.closest('.sidebar')!.scrollTo(0, 0))
    await expect.poll(async () => (await cardState(page, threadId))?.rendered).toBe(false)

    await page.locator(`.legal-text .comment-highlight[data-thread-id="${threadId}"]`).first().click()
    await expect.poll(() => cardState(page, threadId)).toEqual({ rendered: true, inView: true, focused: true })
    expect(await card.getAttribute('aria-current')).toBe('true')
    expect(errors).toEqual([])
  })
})
