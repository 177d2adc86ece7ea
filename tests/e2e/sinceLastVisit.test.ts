import { setTimeout as pause } from 'node:timers/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import * as Y from 'yjs'
import type { ThreadView } from '../../shared/api'
import { startTestServer, type TestServer } from '../helpers/server'
import { contextFor, launchBrowser, trackErrors } from '../helpers/browser'
import { createCast, createDocument, shareWithCast, type Cast } from '../helpers/accounts'
import { connectClient, nthElement, waitSaved, waitSynced } from '../helpers/clients'

/** The server's VISIT_GAP_MS here: a draft left longer than this is a new visit when opened again. */
const GAP_MS = 2500

/**
 * In the browser, in the Russian interface: a reviewer comes back to a draft that a ministry's
 * drafter changed and commented on meanwhile, and is told so above the text.
 */
describe('since your last visit, in the browser', () => {
  let server: TestServer
  let browser: Browser
  let context: BrowserContext
  let cast: Cast
  let docId: string
  let errors: string[]

  beforeAll(async () => {
    server = await startTestServer({ config: { visitGapMs: GAP_MS } })
    cast = await createCast(server.url)
    docId = (await createDocument(cast.owner, { title: 'Модельный закон', template: 'sample', language: 'ru' })).id
    await shareWithCast(cast, docId)
    browser = await launchBrowser()
    context = await contextFor(browser, server.url, cast.reviewer)
    await context.addInitScript(() => localStorage.setItem('accord.uiLanguage', 'ru'))
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  async function open(): Promise<Page> {
    const page = await context.newPage()
    // Low enough that Article 3 starts below the window.
    await page.setViewportSize({ width: 1280, height: 500 })
    page.context().setDefaultTimeout(10_000)
    errors = trackErrors(page)
    await page.goto(`${server.url}/d/${docId}`)
    await page.getByTestId('read-only-banner').waitFor()
    await page.locator('.legal-text article.article').nth(2).waitFor()
    return page
  }

  it('says nothing on a first visit; back after others’ changes, names the places, the ministry and the new comments', async () => {
    let page = await open()
    await page.waitForTimeout(500)
    expect(await page.getByTestId('since-last-visit').count()).toBe(0)
    // A version saved before the reviewer leaves: the one to compare the text with on return.
    const saved = await cast.owner.json<{ id: string }>(`/api/documents/${docId}/versions`, { method: 'POST', body: JSON.stringify({ name: 'Перед совещанием' }) })
    // A remark of the reviewer's, for the ministry to decide on while they are away.
    const article1 = await page.locator('.legal-text article.article').first().getAttribute('data-id')
    const remark = await cast.reviewer.json<ThreadView>(`/api/documents/${docId}/threads`, { method: 'POST', body: JSON.stringify({ articleId: article1, body: 'Цель сформулировать уже.' }) })
    await page.close()
    await pause(GAP_MS + 200)

    // Meanwhile the Ministry of Justice's drafter amends Article 3's heading and comments on it.
    const drafter = connectClient(server.wsUrl, docId, { cookie: cast.drafter.cookie })
    try {
      await waitSynced(drafter)
      ;(nthElement(drafter.ydoc, 'articleHeading', 2).get(0) as Y.XmlText).insert(0, 'Новые ')
      await waitSaved(drafter)
      const article3 = nthElement(drafter.ydoc, 'article', 2).getAttribute('id') as string
      await cast.drafter.json<ThreadView>(`/api/documents/${docId}/threads`, { method: 'POST', body: JSON.stringify({ articleId: article3, body: 'Заголовок уточнён.' }) })
      await cast.drafter.json<ThreadView>(`/api/documents/${docId}/threads/${remark.id}`, { method: 'PATCH', body: JSON.stringify({ status: 'resolved' }) })
      // And the version is proposed for agreement; the Ministry of Justice agrees.
      const proposal = await cast.owner.json<{ id: string }>(`/api/documents/${docId}/agreement/proposals`, { method: 'POST', body: JSON.stringify({ versionId: saved.id, organizationIds: [cast.justice.id, cast.interior.id] }) })
      await cast.drafter.json(`/api/documents/${docId}/agreement/proposals/${proposal.id}/positions`, { method: 'POST', body: JSON.stringify({ position: 'agree' }) })
    } finally {
      drafter.destroy()
    }

    // The drafts list says so first.
    const list = await context.newPage()
    await list.goto(server.url)
    const row = list.locator(`[data-testid="document-row"][data-doc-id="${docId}"]`)
    expect(await row.getByTestId('document-news').textContent()).toBe('изменён другими с вашего последнего посещения · новых комментариев: 1 · решений по вашим замечаниям: 1')
    await list.close()

    page = await open()
    const notice = page.getByTestId('since-last-visit')
    await notice.waitFor()
    expect(await notice.getByTestId('visit-places').textContent()).toBe('изменено (MoJ): Статья 3.')
    expect(await notice.getByTestId('visit-comments').textContent()).toBe('Новых комментариев: 1.')
    expect(await notice.getByTestId('visit-decided').textContent()).toBe('Решений по вашим замечаниям: 1.')
    expect(await notice.getByTestId('visit-agreement').textContent()).toBe('Согласование: внесена версия «Перед совещанием»; позиции представили: MoJ.')
    expect(await notice.textContent()).toMatch(/^С вашего последнего посещения \(\d{1,2} дек\. 2026 г\., \d{2}:\d{2}\):/)

    // Marked in the outline too, for screen readers in words.
    expect(await page.getByTestId('outline-changed').count()).toBe(1)
    expect(await page.locator('.outline-article').nth(2).textContent()).toMatch(/\(изменено с вашего последнего посещения\)/)

    // The place is a button to it: Article 3 comes to the top of the window.
    const article3 = page.locator('.legal-text article.article').nth(2)
    const top = () => article3.evaluate((el) => Math.round(el.getBoundingClientRect().top))
    expect(await top()).toBeGreaterThan(await page.evaluate(() => innerHeight))
    await notice.getByRole('button', { name: 'Статья 3' }).click()
    await expect.poll(top).toBeLessThan(50)
    expect(await top()).toBeGreaterThanOrEqual(0)

    // The new comment and the remark resolved: marked in the panel, which shows them on asking.
    const panel = page.getByTestId('comments-panel')
    await notice.getByRole('button', { name: 'Показать новые комментарии' }).click()
    // The panel opens, then takes the filter it was asked for: looked at until it has.
    await expect.poll(() => panel.getByLabel('Показать').inputValue()).toBe('new')
    await expect.poll(() => panel.getByTestId('thread').count()).toBe(2)
    expect(await panel.getByTestId('comment-new').allTextContents()).toEqual(['новый'])
    const decided = panel.locator(`[data-testid="thread"][data-thread-id="${remark.id}"]`)
    expect(await decided.getAttribute('data-status')).toBe('resolved')
    expect(await decided.getByTestId('thread-decided').count()).toBe(1)
    expect(await decided.getByTestId('thread-event').textContent()).toMatch(/^Закрыл\(а\): Boris Drafter, /)
    // Asked once: the panel closed and opened again shows the open threads, as it does by default.
    await page.getByTestId('toggle-comments').click()
    await page.getByTestId('toggle-comments').click()
    expect(await panel.getByLabel('Показать').inputValue()).toBe('open')

    // Word by word: the version saved by then against the text now, Article 3 the one changed.
    expect(await notice.getByTestId('visit-compare').textContent()).toMatch(/^Сравнить с версией «Перед совещанием» \(\d{1,2} дек\. 2026 г\., \d{2}:\d{2}\)$/)
    await notice.getByTestId('visit-compare').click()
    const compare = page.getByRole('dialog', { name: 'Сравнение редакций' })
    await expect.poll(() => compare.getByTestId('diff-article').count()).toBe(1)
    expect(await compare.getByTestId('diff-article').textContent()).toContain('Новые')
    await page.keyboard.press('Escape')
    expect(await compare.count()).toBe(0)

    // The agreement, from the line: the Ministry of Interior's position is still awaited.
    await notice.getByTestId('visit-show-agreement').click()
    const agreement = page.getByTestId('agreement-view')
    await agreement.waitFor()
    expect(await agreement.locator('[data-testid="position-row"][data-org="MoJ"]').getAttribute('data-position')).toBe('agree')
    await page.keyboard.press('Escape')
    await agreement.waitFor({ state: 'detached' })

    await notice.getByRole('button', { name: 'Закрыть' }).click()
    expect(await notice.count()).toBe(0)
    expect(errors).toEqual([])

    // Reloaded at once: the same visit, the same news.
    await page.reload()
    await page.getByTestId('since-last-visit').waitFor()
    expect(await page.getByTestId('visit-comments').textContent()).toBe('Новых комментариев: 1.')
    await page.close()
  })
})
