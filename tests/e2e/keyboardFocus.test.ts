import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Locator, Page } from 'playwright-core'
import { startTestServer, type TestServer } from '../helpers/server'
import { contextFor, launchBrowser, trackErrors } from '../helpers/browser'
import { createDocument, setupAdmin } from '../helpers/accounts'

/** Whether `locator`'s element has the focus. */
const hasFocus = (locator: Locator) => locator.evaluate((el) => el === document.activeElement)

/** Whether the focus is inside the open dialog (not on <body>, not behind the backdrop). */
const focusInDialog = (page: Page) => page.evaluate(() => !!document.activeElement?.closest('[role="dialog"][aria-modal="true"]'))

/**
 * What a keyboard user of the Russian interface relies on: each dialog opened from a button
 * keeps Tab inside, closes with Escape and gives the focus back to that button; cancelling a
 * comment gives it back to where the comment was started, and a thread's forms and cards keep
 * it in the panel; the comparison's tabs move with the arrow keys; the text has a Russian name
 * and a "skip to text" link ahead of the header's and toolbar's stops; the outline is one stop, moved through with the arrows.
 */
describe('keyboard focus in the Russian interface', () => {
  let server: TestServer
  let browser: Browser
  let page: Page
  let errors: string[]
  let draftId: string

  beforeAll(async () => {
    server = await startTestServer()
    const admin = await setupAdmin(server.url, { displayName: 'Айгуль' })
    draftId = (await createDocument(admin, { title: 'Типовой закон', language: 'ru', template: 'sample' })).id
    browser = await launchBrowser()
    const context = await contextFor(browser, server.url, admin)
    await context.addInitScript(() => localStorage.setItem('accord.uiLanguage', 'ru'))
    page = await context.newPage()
    errors = trackErrors(page)
    await page.goto(server.url)
    await page.getByTestId('document-row').first().waitFor()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it.each([
    { name: 'Новый проект', opener: () => page.getByTestId('new-document') },
    { name: 'Переименовать проект', opener: () => page.getByRole('button', { name: 'Переименовать', exact: true }) },
    { name: 'Импорт проекта', opener: () => page.getByTestId('import-document') },
  ])('start page: $name is a named modal dialog that keeps Tab inside, closes with Escape and gives focus back', async ({ name, opener }) => {
    await opener().focus()
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog', { name, exact: true })
    await dialog.waitFor()
    expect(await dialog.getAttribute('aria-modal')).toBe('true')
    await expect.poll(() => focusInDialog(page)).toBe(true)

    // From its last control Tab goes round to the first, and Shift+Tab from there back to the last.
    const last = dialog.locator('button:not([disabled])').last()
    await last.focus()
    await page.keyboard.press('Tab')
    expect(await focusInDialog(page)).toBe(true)
    await page.keyboard.press('Shift+Tab')
    expect(await hasFocus(last)).toBe(true)

    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    await expect.poll(() => hasFocus(opener())).toBe(true)
  })

  it('language switch: named by the word it shows', async () => {
    // WCAG 2.5.3: a speech user says what they see, "English".
    expect(await page.getByRole('button', { name: 'English', exact: true }).count()).toBe(1)
    expect(await page.getByTestId('ui-language').locator('[lang="en"]').textContent()).toBe('English')
  })

  it('opening a draft from the list by keyboard starts at the top of its page: «Перейти к тексту» is the first Tab stop there too', async () => {
    await page.goto(server.url)
    const link = page.getByTestId('document-row').first().locator('a[href^="/d/"]').first()
    await link.focus()
    await page.keyboard.press('Enter')
    await page.waitForSelector('[data-testid="sync-status"][data-state="saved"]')
    await page.keyboard.press('Tab')
    expect(await hasFocus(page.getByRole('link', { name: 'Перейти к тексту' }))).toBe(true)
    // And back to the list with the browser's Back: its first stop, not one from the middle of the draft.
    await page.goBack()
    await page.getByTestId('document-row').first().waitFor()
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.closest('header, .app-bar') !== null || document.activeElement?.classList.contains('skip-link'))).toBe(true)
  })

  it('draft: "Skip to text" is the first Tab stop, shows itself, and puts the focus in the text, which is named in Russian', async () => {
    await page.goto(`${server.url}/d/${draftId}`)
    await page.waitForSelector('[data-testid="sync-status"][data-state="saved"]')
    expect(await page.locator('.legal-text').getAttribute('aria-label')).toBe('Текст проекта')
    await page.keyboard.press('Tab')
    const skip = page.getByRole('link', { name: 'Перейти к тексту' })
    expect(await hasFocus(skip)).toBe(true)
    const box = (await skip.boundingBox())!
    expect(box.y).toBeGreaterThanOrEqual(0) // on screen while focused
    await page.keyboard.press('Enter')
    expect(await hasFocus(page.locator('.legal-text'))).toBe(true)
  })

  it('draft: working in the text, Tab stays in it where the level cannot change; Escape, then Tab, leaves it; arriving by Tab, Tab passes through', async () => {
    const inText = () => page.evaluate(() => !!document.activeElement?.closest('.legal-text'))
    const heading = page.locator('.legal-text h3.article-heading').first()
    const before = await heading.textContent()
    for (const [where, key] of [[heading, 'Tab'], [page.locator('.legal-text .preamble p').first(), 'Shift+Tab'], [page.locator('.legal-text h1.law-title'), 'Tab']] as const) {
      await where.click()
      await page.keyboard.press(key)
      expect(await inText(), `${key} in ${await where.evaluate((el) => el.className)}`).toBe(true)
    }
    // What is typed next goes into the text, not to a button the focus would have reached.
    await heading.click()
    await page.keyboard.press('End')
    await page.keyboard.press('Tab')
    await page.keyboard.type('!')
    expect(await heading.textContent()).toBe(`${before}!`)
    await page.keyboard.press('Backspace')

    await page.keyboard.press('Escape')
    await page.keyboard.press('Tab')
    expect(await inText()).toBe(false)
    await page.locator('.legal-text .preamble p').first().click()
    await page.keyboard.press('Escape')
    await page.keyboard.press('Shift+Tab')
    expect(await inText()).toBe(false)
    expect(await hasFocus(page.getByRole('link', { name: 'Перейти к тексту' }))).toBe(false)

    // Arriving by Tab, Tab passes through and changes nothing, even on a paragraph that could become a point.
    const clause = page.locator('.legal-text p.clause').first()
    await clause.click()
    await page.keyboard.press('Escape')
    await page.keyboard.press('Shift+Tab')
    expect(await inText()).toBe(false)
    await page.keyboard.press('Tab')
    expect(await inText()).toBe(true)
    await page.keyboard.press('Tab')
    expect(await inText()).toBe(false)
    expect(await page.locator('.legal-text p.clause').first().evaluate((el, id) => el.getAttribute('data-id') === id, await clause.getAttribute('data-id'))).toBe(true)

    await page.getByRole('button', { name: 'Сочетания клавиш' }).click()
    const dialog = page.getByRole('dialog', { name: 'Сочетания клавиш' })
    expect(await dialog.getByRole('row').filter({ hasText: 'Выйти из текста' }).textContent()).toContain('Escape, Tab')
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
  })

  it('draft: "Keyboard shortcuts" gives focus back to its button after Escape and after "Close"', async () => {
    const button = page.getByRole('button', { name: 'Сочетания клавиш' })
    const dialog = page.getByRole('dialog', { name: 'Сочетания клавиш' })
    for (const close of ['Escape', 'Enter']) {
      await button.focus()
      await page.keyboard.press('Enter')
      await dialog.waitFor()
      await page.keyboard.press('Tab') // its only control: Tab stays on it
      expect(await hasFocus(dialog.getByRole('button', { name: 'Закрыть' }))).toBe(true)
      await page.keyboard.press(close)
      await dialog.waitFor({ state: 'detached' })
      await expect.poll(() => hasFocus(button)).toBe(true)
    }
  })

  it('draft: "Keyboard shortcuts" fits a laptop\'s short window, scrolling inside, and says what typing does', async () => {
    const size = page.viewportSize()!
    await page.setViewportSize({ width: 1280, height: 600 })
    const dialog = page.getByRole('dialog', { name: 'Сочетания клавиш' })
    try {
      await page.getByRole('button', { name: 'Сочетания клавиш' }).click()
      await dialog.waitFor()
      const box = (await dialog.boundingBox())!
      expect(box.y).toBeGreaterThanOrEqual(0)
      expect(box.y + box.height).toBeLessThanOrEqual(600)
      expect(await dialog.getByRole('heading', { name: 'При наборе' }).count()).toBe(1)
      // Its top scrolls back into view; before, a dialog taller than the window was cut at both ends.
      await dialog.evaluate((el) => el.scrollTo(0, 0))
      expect(await dialog.getByRole('heading', { name: 'Сочетания клавиш' }).isVisible()).toBe(true)
    } finally {
      if (await dialog.count()) await page.keyboard.press('Escape')
      await dialog.waitFor({ state: 'detached' })
      await page.setViewportSize(size)
    }
  })

  it('draft: "Access" keeps Tab inside and gives focus back to its button', async () => {
    const button = page.getByTestId('share')
    await button.focus()
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog', { name: 'У кого есть доступ' })
    await dialog.waitFor()
    // The owner's organization, given access too, was the last one without it: said in words, not an empty list.
    const who = dialog.getByRole('combobox', { name: 'Организация или участник' })
    await expect.poll(async () => (await who.locator('option').allTextContents()).length).toBe(2)
    await who.selectOption({ index: 1 })
    await dialog.getByRole('button', { name: 'Дать доступ' }).focus()
    await page.keyboard.press('Enter')
    const everyone = dialog.getByTestId('share-everyone')
    await expect
      .poll(() => everyone.textContent())
      .toBe('Доступ уже открыт всем организациям и участникам. Новых добавляет администратор в разделе «Администрирование».')
    expect(await who.count()).toBe(0)
    // The button pressed is gone with its form: the focus is on the words that say why, in the dialog.
    await expect.poll(() => hasFocus(everyone)).toBe(true)
    await dialog.getByRole('button', { name: 'Закрыть' }).focus()
    await page.keyboard.press('Tab')
    expect(await focusInDialog(page)).toBe(true)
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    await expect.poll(() => hasFocus(button)).toBe(true)
  })

  it('draft: the export menu opens on its first item, arrow keys move through it, Escape gives focus back to its button', async () => {
    const button = page.getByTestId('export')
    await button.focus()
    await page.keyboard.press('ArrowDown')
    const items = page.getByRole('menu').locator('[role="menuitem"], [role="menuitemcheckbox"]')
    await expect.poll(() => hasFocus(items.first())).toBe(true)
    await page.keyboard.press('ArrowDown')
    expect(await hasFocus(items.nth(1))).toBe(true)
    await page.keyboard.press('End')
    expect(await hasFocus(items.last())).toBe(true)
    await page.keyboard.press('ArrowDown') // round to the first
    expect(await hasFocus(items.first())).toBe(true)
    await page.keyboard.press('ArrowUp')
    expect(await hasFocus(items.last())).toBe(true)
    await page.keyboard.press('Escape')
    await page.getByRole('menu').waitFor({ state: 'detached' })
    expect(await hasFocus(button)).toBe(true)
  })

  it('draft: cancelling a comment started from the outline gives focus back to its "+"; words written are asked about first', async () => {
    const plus = page.getByRole('button', { name: 'Прокомментировать: Статья 4.' })
    await plus.focus()
    await page.keyboard.press('Enter')
    const box = page.getByRole('textbox', { name: 'Ваше замечание' })
    await expect.poll(() => hasFocus(box)).toBe(true)
    await page.keyboard.press('Escape')
    await box.waitFor({ state: 'detached' })
    expect(await hasFocus(plus)).toBe(true)
    // With words written, one Escape only asks: the words stay until a second one.
    await page.keyboard.press('Enter')
    await expect.poll(() => hasFocus(box)).toBe(true)
    await page.keyboard.type('Долгое замечание')
    await page.keyboard.press('Escape')
    expect(await page.getByTestId('escape-again').textContent()).toBe('Нажмите Escape ещё раз, чтобы удалить написанное.')
    expect(await box.inputValue()).toBe('Долгое замечание')
    await page.keyboard.type('.')
    expect(await page.getByTestId('escape-again').count()).toBe(0)
    await page.keyboard.press('Escape')
    await page.keyboard.press('Escape')
    await box.waitFor({ state: 'detached' })
    expect(await hasFocus(plus)).toBe(true)
  })

  it('draft: the outline is one Tab stop; ↑ ↓ Home End move through it, → reaches an article\'s "+" and ← comes back', async () => {
    const outline = page.getByRole('navigation', { name: 'Структура' })
    const entry = (name: string) => outline.getByRole('button', { name, exact: true })
    const inOutline = () => outline.evaluate((nav) => nav.contains(document.activeElement))
    // A law's outline is one stop on the way through the page, not one per chapter, article and "+".
    expect(await outline.locator('button[tabindex="0"]').count()).toBe(1)
    await page.getByRole('button', { name: 'Комментировать', exact: true }).focus()
    await page.keyboard.press('Tab')
    expect(await inOutline()).toBe(true)
    await page.keyboard.press('Home')
    expect(await hasFocus(entry('Глава 1. Общие положения'))).toBe(true)
    await page.keyboard.press('ArrowDown')
    const article1 = outline.locator('li').nth(1).locator('button').first()
    expect(await hasFocus(article1)).toBe(true)
    expect(await article1.textContent()).toMatch(/^Статья 1\. /)
    await page.keyboard.press('ArrowRight')
    expect(await hasFocus(page.getByRole('button', { name: 'Прокомментировать: Статья 1.' }))).toBe(true)
    await page.keyboard.press('ArrowLeft')
    expect(await hasFocus(article1)).toBe(true)
    await page.keyboard.press('ArrowUp')
    expect(await hasFocus(entry('Глава 1. Общие положения'))).toBe(true)
    await page.keyboard.press('End')
    const last = outline.locator('li').last().locator('button').first()
    expect(await hasFocus(last)).toBe(true)
    // Tab leaves the outline; Shift+Tab comes back to the entry last focused.
    await page.keyboard.press('Tab')
    expect(await inOutline()).toBe(false)
    await page.keyboard.press('Shift+Tab')
    expect(await hasFocus(last)).toBe(true)
    expect(await outline.locator('button[tabindex="0"]').count()).toBe(1)
  })

  it('draft: cancelling a comment started in the text with Ctrl+Alt+M gives focus back to the text with its selection', async () => {
    await page.locator('.legal-text p.clause').nth(2).click()
    await page.keyboard.press('Home')
    await page.keyboard.press('Shift+End')
    const selected = await page.evaluate(() => document.getSelection()!.toString())
    expect(selected.length).toBeGreaterThan(3)
    await page.keyboard.press('Control+Alt+KeyM')
    const box = page.getByRole('textbox', { name: 'Ваше замечание' })
    await expect.poll(() => hasFocus(box)).toBe(true)
    await page.keyboard.press('Escape')
    await box.waitFor({ state: 'detached' })
    expect(await hasFocus(page.locator('.legal-text'))).toBe(true)
    await expect.poll(() => page.evaluate(() => document.getSelection()!.toString())).toBe(selected)
    expect(errors).toEqual([])
  })

  it('draft: a thread\'s reply, edit and delete give the focus back to their buttons; a resolved thread hands it to the next card, then to the heading', async () => {
    const comment = async (article: string, body: string) => {
      await page.getByRole('button', { name: `Прокомментировать: ${article}`, exact: true }).focus()
      await page.keyboard.press('Enter')
      await expect.poll(() => hasFocus(page.getByRole('textbox', { name: 'Ваше замечание' }))).toBe(true)
      await page.keyboard.type(body)
      await page.keyboard.press('Control+Enter')
      await page.getByTestId('thread').filter({ hasText: body }).waitFor()
    }
    await comment('Статья 2.', 'Первое замечание')
    await comment('Статья 3.', 'Второе замечание')
    const first = page.getByTestId('thread').filter({ hasText: 'Первое замечание' })
    const second = page.getByTestId('thread').filter({ hasText: 'Второе замечание' })

    // Reply: sent with Ctrl+Enter, and given up with Escape.
    const reply = first.getByRole('button', { name: 'Ответить' })
    await reply.focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => hasFocus(first.getByRole('textbox', { name: 'Ваш ответ' }))).toBe(true)
    await page.keyboard.type('Ответ')
    await page.keyboard.press('Control+Enter')
    await first.getByTestId('comment-body').filter({ hasText: 'Ответ' }).waitFor()
    await expect.poll(() => hasFocus(reply)).toBe(true)
    await page.keyboard.press('Enter')
    await expect.poll(() => hasFocus(first.getByRole('textbox', { name: 'Ваш ответ' }))).toBe(true)
    await page.keyboard.press('Escape')
    await expect.poll(() => hasFocus(reply)).toBe(true)

    // Edit, given up with Escape and saved with Ctrl+Enter.
    const edit = first.getByRole('button', { name: 'Изменить' }).first()
    for (const key of ['Escape', 'Control+Enter']) {
      await edit.focus()
      await page.keyboard.press('Enter')
      await expect.poll(() => hasFocus(first.getByRole('textbox', { name: 'Изменить комментарий' }))).toBe(true)
      if (key !== 'Escape') {
        await page.keyboard.press('Control+End')
        await page.keyboard.type(' (уточнено)')
      }
      await page.keyboard.press(key)
      await expect.poll(() => hasFocus(edit)).toBe(true)
    }
    await first.getByText('Первое замечание (уточнено)').waitFor()

    // Delete, then "Cancel" at the confirmation.
    const remove = first.getByRole('button', { name: 'Удалить' }).first()
    await remove.focus()
    await page.keyboard.press('Enter')
    await first.getByRole('button', { name: 'Отмена' }).focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => hasFocus(remove)).toBe(true)

    // Resolved under "Open", the card leaves the list: the next card takes the focus, and after
    // the last one the panel's heading.
    const resolve = (card: Locator) => card.getByTestId('thread-resolve')
    await resolve(first).focus()
    await page.keyboard.press('Enter')
    await first.waitFor({ state: 'detached' })
    await expect.poll(() => hasFocus(second)).toBe(true)
    await resolve(second).focus()
    await page.keyboard.press('Enter')
    await second.waitFor({ state: 'detached' })
    await expect.poll(() => hasFocus(page.getByRole('heading', { name: 'Замечания' }))).toBe(true)
    expect(errors).toEqual([])
  })

  it('comparison: its two tabs are one Tab stop, and the arrow keys, Home and End switch between them', async () => {
    await page.getByTestId('history').click()
    await page.getByLabel('Название').fill('Редакция 1')
    await page.keyboard.press('Enter')
    await page.getByRole('button', { name: 'Сравнить с текущим' }).first().click()
    const view = page.getByRole('dialog', { name: 'Сравнение редакций' })
    const changes = view.getByRole('tab', { name: 'Изменения по статьям' })
    const table = view.getByRole('tab', { name: 'Сравнительная таблица' })
    await changes.waitFor()
    expect(await table.getAttribute('tabindex')).toBe('-1')
    await changes.focus()
    await page.keyboard.press('ArrowRight')
    expect(await hasFocus(table)).toBe(true)
    expect(await table.getAttribute('aria-selected')).toBe('true')
    await view.getByTestId('comparative-table').waitFor()
    await page.keyboard.press('ArrowRight') // round to the first
    expect(await hasFocus(changes)).toBe(true)
    expect(await changes.getAttribute('aria-selected')).toBe('true')
    await page.keyboard.press('End')
    expect(await hasFocus(table)).toBe(true)
    await page.keyboard.press('Home')
    expect(await hasFocus(changes)).toBe(true)
    expect(await changes.getAttribute('tabindex')).toBe('0')
    await page.keyboard.press('Escape')
    await view.waitFor({ state: 'detached' })
    expect(errors).toEqual([])
  })
})
