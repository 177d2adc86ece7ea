import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { startTestServer, type TestServer } from '../helpers/server'
import { articleLabels, contextFor, launchBrowser, SYNC_SOCKET, trackErrors } from '../helpers/browser'
import { createDocument, setupAdmin, type Account } from '../helpers/accounts'

describe('managing drafts in the Russian interface', () => {
  let server: TestServer
  let browser: Browser
  let page: Page
  let errors: string[]
  let ivan: Account

  beforeAll(async () => {
    server = await startTestServer()
    ivan = await setupAdmin(server.url, { displayName: 'Иван', organization: { name: 'Министерство юстиции', shortName: 'Минюст', color: '#8a2be2' } })
    browser = await launchBrowser()
    const context = await contextFor(browser, server.url, ivan)
    await context.addInitScript(() => localStorage.setItem('accord.uiLanguage', 'ru'))
    page = await context.newPage()
    errors = trackErrors(page)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('shows an empty state, then creates a Russian draft numbered in Russian', async () => {
    await page.goto(server.url)
    await page.getByText('Проектов пока нет. Здесь появятся проекты, к которым откроют доступ вам или вашей организации; можно также начать новый или импортировать готовый.').waitFor()
    await page.getByTestId('new-document').click()
    await page.getByLabel('Название').fill('Закон <img src=x onerror=alert(1)>')
    await page.getByLabel('русский').check()
    await page.getByRole('button', { name: 'Создать проект' }).click()
    await page.waitForURL(/\/d\/[0-9a-z]{16}$/)
    await page.waitForSelector('[data-testid="sync-status"][data-state="saved"]')
    await expect.poll(async () => (await articleLabels(page)).map((a) => a.label)).toEqual(['Статья 1.'])
    // A title typed with markup is shown as text, not HTML.
    await expect.poll(() => page.locator('.doc-title').textContent()).toBe('Закон <img src=x onerror=alert(1)>')
    expect(await page.locator('.doc-title img').count()).toBe(0)

    // The empty block under the caret shows its hint on its own number's line, and the first
    // key typed takes the hint's place without the text below moving.
    const heading = page.locator('.article-heading')
    await heading.click()
    const oneLine = async (block: typeof heading, hint: string) => {
      await expect.poll(() => block.locator('.placeholder').getAttribute('data-placeholder')).toBe(hint)
      const [empty, shown] = [(await block.boundingBox())!, (await block.locator('.placeholder').boundingBox())!]
      expect(shown.y + shown.height).toBeLessThanOrEqual(empty.y + empty.height)
      return empty.height
    }
    const headingHeight = await oneLine(heading, 'Название статьи')
    await page.keyboard.type('Цель закона')
    expect((await heading.boundingBox())!.height).toBe(headingHeight)
    expect(await heading.locator('.placeholder').count()).toBe(0)
    await page.keyboard.press('Enter')
    const clause = page.locator('.legal-text .clause').first()
    const clauseHeight = await oneLine(clause, 'Текст')
    await page.keyboard.type('Первая часть.')
    expect((await clause.boundingBox())!.height).toBe(clauseHeight)
    await page.keyboard.press('Control+Alt+4')
    await page.keyboard.type('пункт')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Tab')
    await page.keyboard.type('подпункт')
    await page.keyboard.press('Enter')
    await page.keyboard.type('второй подпункт')
    const labels = () => page.$$eval('.legal-text article p', (ps) => ps.map((p) => `${p.className}:${p.getAttribute('data-label')}`))
    // A single paragraph shows no number; its points and sub-points do.
    await expect.poll(labels).toEqual(['clause:', 'point:1)', 'subpoint:а)', 'subpoint:б)'])
    await page.keyboard.press('Control+Alt+3')
    // Straight quotation marks and a hyphen between spaces, as a keyboard types them, are made the law's own, as Word makes them.
    await page.keyboard.type('Вторая часть "О свидетелях" - "ООО "Щит"".')
    await expect.poll(labels).toEqual(['clause:1.', 'point:1)', 'subpoint:а)', 'subpoint:б)', 'clause:2.'])
    await expect.poll(() => page.locator('.legal-text .clause').last().textContent()).toBe('Вторая часть «О свидетелях» — «ООО «Щит»».')
  })

  it('starts a new draft with a chapter in place of its empty first article, then the chapter\'s first article on Enter', async () => {
    const draft = await createDocument(ivan, { title: 'С главами', language: 'ru' })
    onTestFinished(() => ivan.json(`/api/documents/${draft.id}`, { method: 'DELETE' })) // the next tests count the list
    await page.goto(`${server.url}/d/${draft.id}`)
    await page.waitForSelector('[data-testid="sync-status"][data-state="saved"]')
    const outline = () => page.locator('nav.outline li').allTextContents()
    await page.locator('.article-heading').click()
    await page.getByRole('button', { name: 'Глава', exact: true }).click()
    await expect.poll(outline).toEqual([expect.stringMatching(/^Глава 1\./)])
    await page.keyboard.type('Общие положения')
    await page.keyboard.press('Enter')
    await page.keyboard.type('Предмет')
    await expect.poll(outline).toEqual([expect.stringMatching(/^Глава 1\. Общие положения/), expect.stringMatching(/^Статья 1\. Предмет/)])
    await page.waitForSelector('[data-testid="sync-status"][data-state="saved"]')
  })

  it('says the outline is loading while the text is on its way, not that the draft has no articles', async () => {
    const draft = await createDocument(ivan, { title: 'Медленная сеть', language: 'ru' })
    const held = await page.context().newPage()
    try {
      // The draft's connection opens, but nothing comes back from the server yet.
      await held.routeWebSocket(SYNC_SOCKET, () => {})
      await held.goto(`${server.url}/d/${draft.id}`)
      await held.waitForSelector('[data-testid="sync-status"][data-state="connecting"]')
      const outline = held.locator('nav.outline')
      await expect.poll(() => outline.locator('p').textContent()).toBe('Загрузка…')
      await held.waitForTimeout(300)
      expect(await outline.textContent()).not.toContain('Глав и статей пока нет.')
    } finally {
      await held.close()
    }
    await page.goto(`${server.url}/d/${draft.id}`)
    await page.waitForSelector('[data-testid="sync-status"][data-state="saved"]')
    await expect.poll(() => page.locator('nav.outline .outline-article').allTextContents()).toEqual([expect.stringContaining('Статья 1.')])
    await ivan.json(`/api/documents/${draft.id}`, { method: 'DELETE' }) // the next tests count the list
  })

  it('renames and deletes a draft from the list', async () => {
    await page.getByRole('link', { name: /Все проекты/ }).click()
    const row = page.getByTestId('document-row')
    await expect.poll(() => row.count()).toBe(1)
    await row.getByRole('button', { name: 'Переименовать' }).click()
    await page.getByLabel('Название').fill('Модельный закон')
    await page.getByRole('button', { name: 'Сохранить' }).click()
    await expect.poll(() => row.getByRole('link').textContent()).toBe('Модельный закон')
    // The app's own confirmation, not the browser's: Cancel has the focus, Escape gives it back.
    const deleteButton = row.getByRole('button', { name: 'Удалить' })
    await deleteButton.click()
    const confirm = page.getByRole('alertdialog', { name: 'Удалить «Модельный закон»?' })
    await confirm.getByText('Соавторы потеряют к нему доступ. Это действие нельзя отменить.').waitFor()
    await expect.poll(() => confirm.getByRole('button', { name: 'Отмена' }).evaluate((el) => el === document.activeElement)).toBe(true)
    await page.keyboard.press('Escape')
    await confirm.waitFor({ state: 'detached' })
    await expect.poll(() => deleteButton.evaluate((el) => el === document.activeElement)).toBe(true)
    expect(await row.count()).toBe(1)
    const deletedUrl = await row.getByRole('link').getAttribute('href')
    await deleteButton.click()
    await confirm.getByRole('button', { name: 'Удалить' }).click()
    await page.getByText('Проектов пока нет. Здесь появятся проекты, к которым откроют доступ вам или вашей организации; можно также начать новый или импортировать готовый.').waitFor()
    // The last draft gone, the focus is on the list's heading, not lost on the page.
    await expect.poll(() => page.getByRole('heading', { name: 'Проекты', level: 1 }).evaluate((el) => el === document.activeElement)).toBe(true)

    // Its old link says so once, in words: no connection status beside it for a draft that is not there.
    await page.goto(server.url + deletedUrl)
    await page.getByRole('alert').getByText('Этого проекта нет или он удалён.').waitFor()
    await page.waitForTimeout(500) // the sync socket's refusal has arrived by then
    expect(await page.getByTestId('sync-status').count()).toBe(0)
    expect(await page.locator('body').innerText()).not.toContain('Подключение отклонено')
    await page.getByRole('link', { name: /Все проекты/ }).click()
    await page.getByText('Проектов пока нет. Здесь появятся проекты, к которым откроют доступ вам или вашей организации; можно также начать новый или импортировать готовый.').waitFor()
    expect(errors).toEqual([])
  })

  it('lists every draft of a long list (rendered in pieces)', async () => {
    const titles = Array.from({ length: 120 }, (_, i) => `Проект № ${i + 1}`)
    for (const title of titles) await createDocument(ivan, { title, language: 'ru', template: 'empty' })
    await page.reload()
    const row = page.getByTestId('document-row')
    await expect.poll(() => row.count()).toBe(120)
    expect((await row.getByRole('link').allTextContents()).sort()).toEqual([...titles].sort())
    expect(errors).toEqual([])
  })

  it('finds a draft of a long list by title, "ё" or not, and orders them in the Russian alphabet', async () => {
    for (const title of ['Ёмкость хранилищ', 'апелляционный порядок', 'Бюджетный кодекс']) await createDocument(ivan, { title, language: 'ru', template: 'empty' })
    await page.reload()
    const links = page.getByTestId('document-row').getByRole('link')
    await page.getByLabel('Найти проект').fill('ЕМКОСТЬ')
    await expect.poll(() => links.allTextContents()).toEqual(['Ёмкость хранилищ'])
    await page.getByLabel('Найти проект').fill('проект № 11')
    await expect.poll(() => links.count()).toBe(11) // № 11, № 110–119
    await page.getByLabel('Найти проект').fill('')
    await page.getByLabel('Порядок').selectOption({ label: 'По названию' })
    await expect.poll(async () => (await links.allTextContents()).slice(0, 6)).toEqual([
      'апелляционный порядок', 'Бюджетный кодекс', 'Ёмкость хранилищ', 'Проект № 1', 'Проект № 2', 'Проект № 3',
    ])
    await page.getByLabel('Найти проект').fill('Нет такого')
    await page.getByText('Нет проектов, в названии которых есть «Нет такого».').waitFor()
    expect(await links.count()).toBe(0)
    expect(errors).toEqual([])
  })

  it('deleting a draft of the list gives the focus to the next draft', async () => {
    await page.getByLabel('Найти проект').fill('')
    const links = page.getByTestId('document-row').getByRole('link')
    await expect.poll(async () => (await links.allTextContents()).slice(0, 3)).toEqual(['апелляционный порядок', 'Бюджетный кодекс', 'Ёмкость хранилищ'])
    await page.getByTestId('document-row').filter({ hasText: 'Бюджетный кодекс' }).getByRole('button', { name: 'Удалить' }).click()
    await page.getByRole('alertdialog', { name: 'Удалить «Бюджетный кодекс»?' }).getByRole('button', { name: 'Удалить' }).click()
    await expect.poll(async () => (await links.allTextContents()).slice(0, 2)).toEqual(['апелляционный порядок', 'Ёмкость хранилищ'])
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Ёмкость хранилищ')
    expect(errors).toEqual([])
  })
})
