import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { startTestServer, type TestServer } from '../helpers/server'
import { articleLabels, contextFor, launchBrowser, selectWords, trackErrors } from '../helpers/browser'
import { createCast, createDocument, grant, organization, person } from '../helpers/accounts'

const SAVED = '[data-testid="sync-status"][data-state="saved"]'
const ADOPTED = 'Принят на тридцать первом пленарном заседании Межпарламентской Ассамблеи'

/** The top-level blocks of the text in order, as their kind: "article", "chapter", "conclusions"… */
function topLevel(page: Page): Promise<string[]> {
  return page.$$eval('.legal-text > *', (nodes) => nodes.map((n) => (n.classList.contains('article') ? 'article' : [...n.classList].find((c) => c !== 'has-caret') ?? n.tagName)))
}

const conclusionsText = (page: Page) => page.locator('.legal-text .conclusions').evaluate((el) => {
  const copy = el.cloneNode(true) as HTMLElement
  copy.querySelectorAll('.collaboration-carets__caret, .placeholder').forEach((c) => c.remove())
  return copy.textContent ?? ''
})

describe('the closing formula after the last article (a Russian draft; the owner in Russian, a reviewer in English)', () => {
  let server: TestServer
  let browser: Browser
  let owner: Page
  let reviewer: Page
  let errors: string[]

  beforeAll(async () => {
    server = await startTestServer()
    const cast = await createCast(server.url)
    const docId = (await createDocument(cast.owner, { title: 'Модельный закон', language: 'ru', template: 'sample' })).id
    await grant(cast.owner, docId, organization(cast.justice), 'drafter')
    await grant(cast.owner, docId, person(cast.reviewer), 'reviewer')
    // A version without the conclusions, to compare with.
    await cast.owner.json(`/api/documents/${docId}/versions`, { method: 'POST', body: JSON.stringify({ name: 'Round 1' }) })
    browser = await launchBrowser()
    owner = await (await contextFor(browser, server.url, cast.owner, { language: 'ru' })).newPage()
    reviewer = await (await contextFor(browser, server.url, cast.reviewer)).newPage()
    errors = []
    trackErrors(owner, errors)
    trackErrors(reviewer, errors)
    for (const page of [owner, reviewer]) {
      await page.goto(`${server.url}/d/${docId}`)
      await page.waitForSelector(SAVED)
    }
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('«Реквизиты» in the toolbar adds them after the last article, with a hint; what is typed there reaches the reviewer', async () => {
    expect(await owner.locator('.legal-text .conclusions').count()).toBe(0)
    await owner.locator('.legal-text article.article').first().locator('p.clause').first().click()
    await owner.getByTestId('conclusions').click()
    await expect.poll(() => owner.locator('.legal-text .conclusions .placeholder').getAttribute('data-placeholder')).toBe('Реквизиты: отметка о принятии, подпись, место и дата (необязательно)')
    expect((await topLevel(owner)).at(-1)).toBe('conclusions')
    await owner.keyboard.type(ADOPTED)
    await owner.waitForSelector(SAVED)
    await expect.poll(() => conclusionsText(reviewer)).toBe(ADOPTED)
    expect((await topLevel(reviewer)).at(-1)).toBe('conclusions')
    // Its title says what the button does, with its key.
    expect(await owner.getByTestId('conclusions').getAttribute('title')).toBe('Реквизиты (Ctrl+Alt+9)')
  })

  it('an article added with the caret in them goes before them, numbered as the last article', async () => {
    const before = await articleLabels(owner)
    await owner.keyboard.press('Control+Alt+Digit2')
    await owner.keyboard.type('Вступление в силу')
    await owner.waitForSelector(SAVED)
    await expect.poll(async () => (await articleLabels(reviewer)).length).toBe(before.length + 1)
    const after = await articleLabels(reviewer)
    expect(after.at(-1)).toMatchObject({ label: `Статья ${before.length + 1}.`, heading: 'Вступление в силу' })
    expect((await topLevel(reviewer)).slice(-2)).toEqual(['article', 'conclusions'])
    expect(await conclusionsText(reviewer)).toBe(ADOPTED)
  })

  it('the reviewer comments on words of them; the thread is listed last, under «Реквизиты»', async () => {
    await selectWords(reviewer, '.legal-text .conclusions', 'пленарном заседании')
    await reviewer.keyboard.press('Control+Alt+KeyM')
    const composer = reviewer.getByTestId('comment-composer')
    await expect.poll(() => composer.getByTestId('composer-title').textContent()).toBe('New comment on words in the closing formula')
    await composer.getByLabel('Your comment').fill('Leave the session\'s number blank until it is adopted.')
    await composer.getByRole('button', { name: 'Comment' }).click()
    await expect.poll(() => composer.count()).toBe(0)
    const groups = () => owner.getByTestId('thread-group').evaluateAll((els) => els.map((el) => el.querySelector('h3')?.textContent?.trim()))
    await expect.poll(async () => (await groups()).at(-1)).toBe('Реквизиты')
    await expect.poll(() => owner.locator('.legal-text .conclusions .comment-highlight').allTextContents().then((parts) => parts.join(''))).toBe('пленарном заседании')
  })

  it('a model law pasted into the import dialog (Russian interface): its adoption note is the closing formula, not a paragraph of the last article', async () => {
    await owner.goto(server.url)
    await owner.getByTestId('import-document').click()
    await owner.getByTestId('import-text').fill(['МОДЕЛЬНЫЙ ЗАКОН', 'О защите свидетелей', '', 'Статья 1. Предмет', 'Настоящий Закон определяет меры защиты.', '', 'Статья 2. Вступление в силу', 'Настоящий Закон вступает в силу со дня его опубликования.', '', `${ADOPTED} (постановление № 31-11 от 3 апреля 2008 года)`].join('\n'))
    await owner.getByRole('button', { name: 'Распознать структуру' }).click()
    const preview = owner.getByTestId('preview-conclusions')
    await preview.waitFor()
    expect(await preview.locator('h3').textContent()).toBe('Реквизиты')
    expect(await preview.locator('p').allTextContents()).toEqual([`${ADOPTED} (постановление № 31-11 от 3 апреля 2008 года)`])
    await owner.getByTestId('import-confirm').click()
    await owner.waitForURL(/\/d\/[0-9a-z]{16}$/)
    await owner.waitForSelector(SAVED)
    await expect.poll(() => conclusionsText(owner)).toBe(`${ADOPTED} (постановление № 31-11 от 3 апреля 2008 года)`)
    // The last article keeps its one paragraph, unnumbered.
    expect(await owner.locator('.legal-text article.article').last().locator('p.clause').evaluateAll((ps) => ps.map((p) => `${p.getAttribute('data-label') ?? ''}|${p.textContent}`))).toEqual(['|Настоящий Закон вступает в силу со дня его опубликования.'])
  })

  it('the reviewer compares Round 1 with the current text: the closing formula is the last change, and the table\'s last row', async () => {
    await reviewer.getByTestId('history').click()
    const history = reviewer.getByTestId('history-panel')
    await history.getByRole('combobox', { name: /^From/ }).selectOption({ index: 0 })
    await history.getByRole('combobox', { name: /^To/ }).selectOption({ label: 'Current text' })
    await history.getByRole('button', { name: 'Compare', exact: true }).click()
    const view = reviewer.getByTestId('compare-view')
    await view.getByTestId('compare-summary').waitFor()
    expect(await view.getByTestId('compare-summary').textContent()).toContain('The closing formula changed.')
    const card = view.getByTestId('diff-text').last()
    expect(await card.locator('h3').textContent()).toContain('Closing formula')
    expect(await card.locator('ins').allTextContents().then((parts) => parts.join(''))).toBe(ADOPTED)
    expect(await card.textContent()).toContain('Edited by')
    await view.getByRole('tab', { name: 'Comparative table' }).click()
    const last = view.getByTestId('comparative-row').last()
    await expect.poll(() => last.locator('td').nth(1).textContent()).toBe(`Реквизиты ${ADOPTED}`)
    await reviewer.keyboard.press('Escape')
    await view.waitFor({ state: 'detached' })
    expect(errors).toEqual([])
  })
})
