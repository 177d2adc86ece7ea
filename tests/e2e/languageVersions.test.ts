import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { startTestServer, type TestServer } from '../helpers/server'
import { articleLabels, contextFor, launchBrowser, trackErrors } from '../helpers/browser'
import { createCast, createDocument, shareWithCast, type Cast } from '../helpers/accounts'
import { readZipEntry } from '../helpers/zip'

const SAVED = '[data-testid="sync-status"][data-state="saved"]'

/**
 * A Russian law gets its English version in the browser (the interface in Russian): made from
 * the Languages dialog, translated in part, then put side by side with the Russian text, which
 * says what is not translated yet and what the other version lacks.
 */
describe('language versions in the browser', () => {
  let server: TestServer
  let browser: Browser
  let cast: Cast
  let page: Page
  let errors: string[]
  let russianId: string
  let englishId: string

  beforeAll(async () => {
    server = await startTestServer()
    cast = await createCast(server.url)
    russianId = (await createDocument(cast.owner, { title: 'Модельный закон', language: 'ru', template: 'sample' })).id
    await shareWithCast(cast, russianId)
    browser = await launchBrowser()
    const context = await contextFor(browser, server.url, cast.owner, { language: 'ru' })
    context.setDefaultTimeout(10_000)
    page = await context.newPage()
    errors = trackErrors(page)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('says the law has no other language version, and makes the English one: the same articles, numbered in English', async () => {
    await page.goto(`${server.url}/d/${russianId}`)
    await page.waitForSelector(SAVED)
    const russianArticles = await articleLabels(page)
    await page.getByTestId('languages').click()
    const dialog = page.getByTestId('languages-dialog')
    await expect.poll(() => dialog.getByTestId('no-language-versions').textContent()).toBe('Других языковых версий у этого закона пока нет.')
    expect(await dialog.getByTestId('language-version').textContent()).toBe('Русский — Модельный закон (этот проект)')
    await dialog.getByLabel('Название нового проекта').fill('Model Law')
    await dialog.getByTestId('create-language-en').click()

    await page.waitForURL((url) => url.pathname !== `/d/${russianId}`)
    englishId = new URL(page.url()).pathname.split('/').pop()!
    await page.waitForSelector(SAVED)
    await expect.poll(() => page.locator('h1.doc-title').textContent()).toBe('Model Law')
    const englishArticles = await articleLabels(page)
    expect(englishArticles.map((a) => a.id)).toEqual(russianArticles.map((a) => a.id))
    expect(englishArticles.map((a) => a.heading)).toEqual(russianArticles.map((a) => a.heading))
    expect(englishArticles[0].label).toBe('Article 1.')
    expect(errors).toEqual([])
  })

  it('puts the two side by side: what is translated has no mark, what is not is marked and counted', async () => {
    // Translate the heading of Article 1.
    const heading = page.locator('.legal-text article.article').first().locator('.article-heading')
    await heading.click()
    await page.keyboard.press('End')
    await page.keyboard.press('Shift+Home')
    await page.keyboard.type('Purpose of this Law')
    const firstClause = page.locator('.legal-text article.article').first().locator('.clause').first()
    await firstClause.click()
    await page.keyboard.press('End')
    await page.keyboard.press('Shift+Home')
    await page.keyboard.type('This Law sets out measures against trafficking in persons.')
    await page.waitForSelector(SAVED)

    await page.getByTestId('languages').click()
    const dialog = page.getByTestId('languages-dialog')
    const russian = dialog.locator('[data-testid="language-version"][data-language="ru"]')
    await expect.poll(() => russian.textContent()).toContain('Русский — Модельный закон')
    await russian.getByTestId('side-by-side').click()

    const view = page.getByTestId('parallel-view')
    const rows = view.getByTestId('parallel-row')
    await expect.poll(() => rows.count()).toBeGreaterThan(10)
    const articleRow = (n: number) => view.locator('[data-testid="parallel-row"][data-kind="article"]').nth(n)
    // Article 1 has only its first paragraph translated, so the article is not the same words in both.
    expect(await articleRow(0).locator('td').first().textContent()).toContain('Article 1.')
    expect(await articleRow(0).locator('td').nth(1).textContent()).toContain('Статья 1.')
    expect(await articleRow(0).locator('td').first().textContent()).toContain('Purpose of this Law')
    // Rows without a number are named in each column's language, whatever the interface's.
    const preamble = view.locator('[data-testid="parallel-row"][data-kind="preamble"]').first()
    expect(await preamble.locator('td').first().textContent()).toMatch(/^Preamble/)
    expect(await preamble.locator('td').nth(1).textContent()).toMatch(/^Преамбула/)
    expect(await articleRow(0).evaluate((row) => row.classList.contains('has-issues'))).toBe(false)
    expect(await articleRow(1).evaluate((row) => row.previousElementSibling?.textContent)).toBe('Текст одинаков в обеих версиях: ещё не переведено')
    const summary = await view.getByTestId('parallel-summary').textContent()
    expect(summary).toMatch(/^не переведено: \d+$/)

    // Only what needs attention: Article 1 goes, Article 2 stays.
    const all = await rows.count()
    await view.getByTestId('only-issues').check()
    await expect.poll(() => rows.count()).toBeLessThan(all)
    expect(await view.locator(`[data-testid="parallel-row"][data-id="${(await articleLabels(page))[0].id}"]`).count()).toBe(0)

    // The two texts as a Word document, made in the browser, named after both.
    const [download] = await Promise.all([page.waitForEvent('download'), view.getByTestId('parallel-download').click()])
    expect(download.suggestedFilename()).toBe('Model Law — Модельный закон.docx')
    const xml = readZipEntry(new Uint8Array(await readFile((await download.path())!)), 'word/document.xml')
    for (const words of ['Параллельный текст', 'Английский — Model Law', 'Русский — Модельный закон', 'Purpose of this Law', 'Статья 1.', 'Article 1.']) expect(xml).toContain(words)

    // Escape closes the side-by-side view first, then the dialog.
    await page.keyboard.press('Escape')
    await view.waitFor({ state: 'detached' })
    await expect.poll(() => dialog.isVisible()).toBe(true)
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    expect(errors).toEqual([])
  })

  it('shows the Russian article at the caret beside the English text, following the caret from article to article', async () => {
    await page.getByTestId('languages').click()
    const dialog = page.getByTestId('languages-dialog')
    await dialog.locator('[data-testid="language-version"][data-language="ru"]').getByTestId('show-beside').click()
    await dialog.waitFor({ state: 'detached' })
    const panel = page.getByTestId('parallel-panel')
    await expect.poll(() => panel.locator('h2').textContent()).toBe('Русский')
    // The focus is back in the text.
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('ProseMirror'))).toBe(true)

    const articles = page.locator('.legal-text article.article')
    await articles.nth(1).locator('.clause').first().click()
    const shown = panel.getByTestId('parallel-article')
    await expect.poll(() => shown.locator('h3').textContent()).toMatch(/^Статья 2\. /)
    const russianText = (await shown.locator('p').first().textContent()) ?? ''
    expect(russianText).toBe((await articles.nth(1).locator('.clause').first().textContent())?.replace(/\u2060/g, ''))
    await articles.nth(2).locator('.article-heading').click()
    await expect.poll(() => shown.locator('h3').textContent()).toMatch(/^Статья 3\. /)
    // Article 1 as the Russian version has it, beside its translation.
    await articles.nth(0).locator('.article-heading').click()
    await expect.poll(() => shown.locator('h3').textContent()).toBe('Статья 1. Цель настоящего Закона')
    // Outside any article, a hint.
    await page.locator('.legal-text h2.chapter').first().click()
    await expect.poll(() => panel.getByTestId('parallel-hint').isVisible()).toBe(true)
    expect(errors).toEqual([])
  })

  it('an article the Russian original changed after its translation is marked; one added to it only is in one version only, and those after it numbered differently', async () => {
    await page.goto(`${server.url}/d/${russianId}`)
    await page.waitForSelector(SAVED)
    // Article 1, translated above, is changed in the Russian original afterwards.
    await page.locator('.legal-text article.article').first().locator('.clause').first().click()
    await page.keyboard.press('End')
    await page.keyboard.type(' Дополнение.')
    await page.locator('.legal-text article.article').first().locator('.clause').last().click()
    await page.keyboard.press('Control+Alt+2')
    await page.keyboard.type('Новая статья')
    await page.waitForSelector(SAVED)
    await page.getByTestId('languages').click()
    const dialog = page.getByTestId('languages-dialog')
    await dialog.locator('[data-testid="language-version"][data-language="en"]').getByTestId('side-by-side').click()
    const view = page.getByTestId('parallel-view')
    const second = view.locator('[data-testid="parallel-row"][data-kind="article"]').nth(1)
    await expect.poll(() => second.locator('td').nth(1).textContent()).toBe('Нет в этой версии')
    expect(await second.evaluate((row) => row.previousElementSibling?.textContent)).toBe('Только в одной версии')
    const third = view.locator('[data-testid="parallel-row"][data-kind="article"]').nth(2)
    expect(await third.evaluate((row) => row.previousElementSibling?.textContent)).toContain('Нумерация различается')
    expect(await view.getByTestId('parallel-summary').textContent()).toMatch(/изменено в исходной версии: 1 · только в одной версии: 1 · нумерация различается: \d+/)
    const first = view.locator('[data-testid="parallel-row"][data-kind="article"]').first()
    expect(await first.evaluate((row) => row.previousElementSibling?.textContent)).toBe('Изменено в исходной версии после последней правки перевода')
    expect(englishId).toBeTruthy()
    expect(errors).toEqual([])
  })
})
