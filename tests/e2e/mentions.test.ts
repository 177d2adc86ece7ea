import { setTimeout as pause } from 'node:timers/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { startTestServer, type TestServer } from '../helpers/server'
import { contextFor, launchBrowser, trackErrors } from '../helpers/browser'
import { createCast, createDocument, createMember, createOrganization, grant, person, shareWithCast, type Account, type Cast } from '../helpers/accounts'

/** The server's VISIT_GAP_MS here: a draft left longer than this is a new visit when opened again. */
const GAP_MS = 2000

/**
 * In the Russian interface: a ministry's drafter asks a reviewer by name in a comment («@Rita…»,
 * picked from the people who may open the draft), and the reviewer, coming back, is told so and
 * finds the thread with the panel's filter.
 */
describe('mentions, in the browser', () => {
  let server: TestServer
  let browser: Browser
  let cast: Cast
  let docId: string
  const errors: string[][] = []

  beforeAll(async () => {
    server = await startTestServer({ config: { visitGapMs: GAP_MS } })
    cast = await createCast(server.url)
    docId = (await createDocument(cast.owner, { title: 'Модельный закон', template: 'sample', language: 'ru' })).id
    await shareWithCast(cast, docId)
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  async function open(account: Account, path = `/d/${docId}`): Promise<Page> {
    const context = await contextFor(browser, server.url, account, { language: 'ru' })
    const page = await context.newPage()
    page.context().setDefaultTimeout(10_000)
    errors.push(trackErrors(page))
    await page.goto(`${server.url}${path}`)
    if (path !== '/') await page.locator('.legal-text article.article').first().waitFor()
    return page
  }

  it('offers the people of the draft under «@», writes the one picked, and tells them on their return', async () => {
    // The reviewer has been in the draft before: what follows is news to them.
    const first = await open(cast.reviewer)
    await first.context().close()
    await pause(GAP_MS + 200)

    const drafter = await open(cast.drafter)
    await drafter.locator('.outline-article').first().getByTestId('outline-comment').click()
    const composer = drafter.getByTestId('comment-composer')
    const box = composer.locator('textarea')
    await box.pressSequentially('Прошу @')
    // Everyone who may open the draft but oneself, by name, with their organization; then their organizations.
    const options = composer.getByTestId('mention-options').getByRole('option')
    const people = composer.getByTestId('mention-options').locator('[data-kind="person"]')
    await expect.poll(() => people.allTextContents()).toEqual(['Ada Admin ' + (await people.first().locator('span').textContent()), 'Oleg Observer MoI', 'Rita Reviewer MoI'])
    const organizations = composer.getByTestId('mention-options').locator('[data-kind="organization"]')
    expect((await organizations.allTextContents()).slice(1)).toEqual(['MoJ Ministry of Justice — вся организация', 'MoI Ministry of Interior — вся организация'])
    // Escape closes the list, not the box.
    await box.press('Escape')
    expect(await composer.getByTestId('mention-options').count()).toBe(0)
    expect(await composer.count()).toBe(1)
    // Narrowed as the name is typed; ↓ and Enter pick.
    await box.pressSequentially('r')
    await expect.poll(() => options.allTextContents()).toEqual(['Rita Reviewer MoI'])
    await box.press('ArrowDown')
    expect(await options.first().getAttribute('aria-selected')).toBe('true')
    await box.press('Enter')
    expect(await box.inputValue()).toBe('Прошу @Rita Reviewer ')
    expect(await composer.getByTestId('mention-options').count()).toBe(0)
    await box.pressSequentially('посмотреть цель закона. И @nobody')
    expect(await composer.getByTestId('mention-status').textContent()).toBe('Никто с таким именем не может открыть этот проект.')
    await box.pressSequentially(' тоже.')
    expect(await composer.getByTestId('mention-status').count()).toBe(0)
    await box.press('Control+Enter')
    const card = drafter.getByTestId('thread').filter({ hasText: 'посмотреть цель закона' })
    await expect.poll(() => card.getByTestId('mention').allTextContents()).toEqual(['@Rita Reviewer'])
    expect(await card.getByTestId('comment-body').textContent()).toBe('Прошу @Rita Reviewer посмотреть цель закона. И @nobody тоже.')

    // A reply picks with the mouse.
    await card.getByRole('button', { name: 'Ответить' }).click()
    const reply = card.locator('.thread-actions textarea')
    await reply.pressSequentially('@ol')
    await card.getByRole('option', { name: /Oleg Observer/ }).click()
    expect(await reply.inputValue()).toBe('@Oleg Observer ')
    await reply.pressSequentially('— для сведения.')
    await reply.press('Control+Enter')
    await expect.poll(() => card.getByTestId('mention').allTextContents()).toEqual(['@Rita Reviewer', '@Oleg Observer'])
    // Someone given access while the draft is open is offered in the next box, without a reload.
    const finance = await createOrganization(cast.owner, { name: 'Ministry of Finance', shortName: 'MoF', color: '#b8860b' })
    await grant(cast.owner, docId, person(await createMember(cast.owner, finance.id, 'Fatima Finance')), 'reviewer')
    await card.getByRole('button', { name: 'Ответить' }).click()
    await reply.pressSequentially('@fa')
    await expect.poll(() => card.getByTestId('mention-options').getByRole('option').allTextContents()).toEqual(['Fatima Finance MoF'])
    await reply.press('Escape')
    await reply.press('Escape')
    // And a remark for everyone, mentioning no one.
    const article2 = await drafter.locator('.legal-text article.article').nth(1).getAttribute('data-id')
    expect((await cast.drafter.api(`/api/documents/${docId}/threads`, { method: 'POST', body: JSON.stringify({ articleId: article2, body: 'Сфера действия — шире.' }) })).status).toBe(201)
    await drafter.context().close()

    // The reviewer: the drafts list, the line above the text, the panel's filter.
    const list = await open(cast.reviewer, '/')
    const row = list.locator(`[data-testid="document-row"][data-doc-id="${docId}"]`)
    await expect.poll(() => row.getByTestId('document-news').textContent()).toBe('новых комментариев: 3 · с упоминанием вас: 1')
    await list.context().close()
    const reviewer = await open(cast.reviewer)
    const notice = reviewer.getByTestId('since-last-visit')
    expect(await notice.getByTestId('visit-mentioned').textContent()).toBe('С упоминанием вас: 1.')
    await notice.getByRole('button', { name: 'Показать новые комментарии' }).click()
    const panel = reviewer.getByTestId('comments-panel')
    await expect.poll(() => panel.getByTestId('thread').count()).toBe(2)
    await panel.getByLabel('Организация').selectOption({ label: 'С упоминанием меня' })
    await expect.poll(() => panel.getByTestId('thread').count()).toBe(1)
    // One's own name is marked as such.
    expect(await panel.locator('.mention.is-me').allTextContents()).toEqual(['@Rita Reviewer'])
    for (const errs of errors) expect(errs).toEqual([])
  })

  it('tells someone mentioned while they are in the draft, and shows the thread on asking', async () => {
    const reviewer = await open(cast.reviewer)
    const articles = reviewer.locator('.legal-text article.article')
    const article3 = await articles.nth(2).getAttribute('data-id')
    const url = `/api/documents/${docId}/threads`
    const post = (body: unknown) => ({ method: 'POST', body: JSON.stringify(body) })
    // A comment mentioning someone else, then one's own mentioning oneself: nothing to tell.
    await cast.drafter.json(url, post({ articleId: article3, body: '@Oleg Observer?', mentions: [cast.observer.user.id] }))
    await cast.reviewer.json(url, post({ articleId: article3, body: 'Note to @Rita Reviewer', mentions: [cast.reviewer.user.id] }))
    const panel = reviewer.getByTestId('comments-panel')
    if ((await panel.count()) === 0) await reviewer.getByTestId('toggle-comments').click()
    await expect.poll(() => panel.getByTestId('thread').filter({ hasText: 'Note to' }).count()).toBe(1)
    expect(await panel.getByTestId('thread').filter({ hasText: '@Oleg Observer?' }).count()).toBe(1)
    expect(await reviewer.getByTestId('mentioned-now').count()).toBe(0)

    // The reviewer's ministry as a whole, then the reviewer by name.
    await cast.owner.json(url, post({ articleId: article3, body: '@MoI, your view?', mentionedOrganizations: [cast.interior.id] }))
    const notice = reviewer.getByTestId('mentioned-now')
    await expect.poll(() => notice.textContent()).toBe('Ada Admin упоминает вас в замечании: Статья 3. Основные принципы.ПоказатьЗакрыть')
    expect(await panel.getByTestId('thread').filter({ hasText: 'your view?' }).locator('.mention.is-me').textContent()).toBe('@MoI')
    const asked = await cast.drafter.json<{ id: string }>(url, post({ articleId: article3, body: '@Rita Reviewer, is Article 3 clear?', mentions: [cast.reviewer.user.id] }))
    await expect.poll(() => notice.textContent()).toBe('Boris Drafter упоминает вас в замечании: Статья 3. Основные принципы. И ещё упоминаний: 1.ПоказатьЗакрыть')
    await notice.getByRole('button', { name: 'Показать' }).click()
    expect(await notice.count()).toBe(0)
    const card = panel.locator(`[data-testid="thread"][data-thread-id="${asked.id}"]`)
    await expect.poll(() => card.getAttribute('aria-current')).toBe('true')
    expect(await card.isVisible()).toBe(true)
    for (const errs of errors) expect(errs).toEqual([])
  })
})
