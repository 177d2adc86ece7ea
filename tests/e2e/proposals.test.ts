import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { startTestServer, type TestServer } from '../helpers/server'
import { contextFor, launchBrowser, trackErrors, selectWords } from '../helpers/browser'
import { createDocument, createMember, createOrganization, grant, organization, setupAdmin, type Account } from '../helpers/accounts'
import { readZipEntry } from '../helpers/zip'

const SAVED = '[data-testid="sync-status"][data-state="saved"]'
const WORDS = 'основываются на следующих принципах'
const PROPOSAL = 'исходят из следующих принципов'
const BEFORE = 'Меры, принимаемые в соответствии с настоящим Законом, основываются на следующих принципах:'
const AFTER = 'Меры, принимаемые в соответствии с настоящим Законом, исходят из следующих принципов:'

const firstClause = (page: Page) => page.locator('.legal-text article.article').nth(2).locator('.clause').first()

/**
 * A proposed wording in the browser, in Russian: a reviewer of one ministry selects words of
 * Article 3 and proposes new ones; the drafter of another, whose browser shows the proposal's
 * changes as they arrive, accepts it; both texts then read the new wording and the thread is
 * resolved, saying who accepted it. The comparative table since the version saved before gives
 * the reviewer's reason as the change's justification.
 */
describe('proposed wordings in the browser', () => {
  let server: TestServer
  let browser: Browser
  let reviewer: Page
  let drafter: Page
  const errors: string[][] = []

  async function openDraft(account: Account, docId: string): Promise<Page> {
    const context = await contextFor(browser, server.url, account, { language: 'ru' })
    context.setDefaultTimeout(10_000)
    const page = await context.newPage()
    errors.push(trackErrors(page))
    await page.goto(`${server.url}/d/${docId}`)
    await page.locator('.legal-text article.article').nth(2).waitFor()
    return page
  }

  beforeAll(async () => {
    server = await startTestServer()
    const owner = await setupAdmin(server.url, { displayName: 'Ada Owner', organization: { name: 'Secretariat', shortName: 'SEC', color: '#1f5fa8' } })
    const justice = await createOrganization(owner, { name: 'Ministry of Justice', shortName: 'MoJ', color: '#8a2be2' })
    const interior = await createOrganization(owner, { name: 'Ministry of Interior', shortName: 'MoI', color: '#2a7d4f' })
    const drafterAccount = await createMember(owner, justice.id, 'Boris Drafter')
    const reviewerAccount = await createMember(owner, interior.id, 'Rita Reviewer')
    const { id } = await createDocument(owner, { title: 'Типовой закон', language: 'ru', template: 'sample' })
    await grant(owner, id, organization(justice), 'drafter')
    await grant(owner, id, organization(interior), 'reviewer')
    expect((await owner.api(`/api/documents/${id}/versions`, { method: 'POST', body: JSON.stringify({ name: 'Первое чтение' }) })).status).toBe(201)
    browser = await launchBrowser()
    drafter = await openDraft(drafterAccount, id)
    await drafter.waitForSelector(SAVED)
    reviewer = await openDraft(reviewerAccount, id)
    await reviewer.getByTestId('read-only-banner').waitFor()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('lets a reviewer propose new words for selected words, the changes shown as they are typed', async () => {
    await reviewer.getByTestId('comments-empty').waitFor()
    await selectWords(reviewer, 2, WORDS)
    await reviewer.getByRole('button', { name: 'Комментировать', exact: true }).click()
    const composer = reviewer.getByTestId('comment-composer')
    await expect.poll(() => composer.locator('blockquote').textContent()).toBe(WORDS)
    await composer.getByLabel('Предложить редакцию', { exact: true }).check()
    const wording = composer.getByLabel('Предложенная редакция', { exact: true })
    expect(await wording.inputValue()).toBe(WORDS)
    // Unchanged, there is nothing to propose yet.
    await composer.getByLabel('Ваше замечание (обоснование)').fill('Так точнее.')
    expect(await composer.getByRole('button', { name: 'Предложить', exact: true }).isDisabled()).toBe(true)
    // Quotation marks and a dash typed into it are the law's, as the editor makes them: words, not marks, differ.
    await wording.press('End')
    await wording.pressSequentially(' "Щит" - да')
    expect(await wording.inputValue()).toBe(`${WORDS} «Щит» — да`)
    await wording.fill(PROPOSAL)
    await expect.poll(() => composer.getByTestId('proposal-preview').locator('ins').allTextContents()).toEqual(['исходят из', 'принципов'])
    await composer.getByRole('button', { name: 'Предложить', exact: true }).click()

    const card = reviewer.getByTestId('thread')
    await expect.poll(() => card.count()).toBe(1)
    const proposal = card.getByTestId('thread-proposal')
    await expect.poll(() => proposal.getByTestId('proposal-state').textContent()).toBe('Ожидает решения')
    expect(await proposal.locator('del').allTextContents()).toEqual(['основываются на', 'принципах'])
    expect(await proposal.locator('ins').allTextContents()).toEqual(['исходят из', 'принципов'])
    // A reviewer proposes; only editors decide.
    expect(await proposal.getByRole('button', { name: 'Принять' }).count()).toBe(0)
    expect(await firstClause(reviewer).textContent()).toBe(BEFORE)

    // Awaiting a decision, it is a row of the table of amendments, for the meeting that decides.
    const [download] = await Promise.all([reviewer.waitForEvent('download'), reviewer.getByTestId('amendments-docx').click()])
    expect(download.suggestedFilename()).toBe('Типовой закон — таблица поправок.docx')
    const xml = readZipEntry(new Uint8Array(await readFile((await download.path())!)), 'word/document.xml')
    for (const words of ['Таблица поправок', 'Текст проекта', 'Предлагаемая редакция', 'Кем предложено', 'Обоснование', 'MoI: ', 'Так точнее.', 'Статья 3. ']) {
      expect(xml).toContain(`>${words}</w:t>`)
    }
    expect(xml).toMatch(/<w:strike\/>[\s\S]*?>основываются на<\/w:t>/)
  })

  it('shows the proposal to the drafter live; «Принять» puts the words into both texts and resolves the thread', async () => {
    const card = drafter.getByTestId('thread')
    const proposal = card.getByTestId('thread-proposal')
    await expect.poll(() => proposal.locator('del').allTextContents()).toEqual(['основываются на', 'принципах'])
    expect(await proposal.locator('ins').allTextContents()).toEqual(['исходят из', 'принципов'])
    // From the keyboard: focus the button and press Enter.
    await proposal.getByRole('button', { name: 'Принять' }).focus()
    await drafter.keyboard.press('Enter')

    for (const page of [drafter, reviewer]) await expect.poll(() => firstClause(page).textContent()).toBe(AFTER)
    // The card left the drafter's "Open" list; the focus stayed in the panel, not on the page's <body>.
    await expect.poll(() => card.count()).toBe(0)
    expect(await drafter.evaluate(() => document.activeElement !== document.body && document.activeElement !== null)).toBe(true)
    // Resolved: gone from "Open" in both panels; listed under "All", saying who accepted it. The
    // drafter gets there from the words that say the list is empty, the reviewer from the filter.
    for (const page of [drafter, reviewer]) {
      await expect.poll(() => page.getByTestId('thread').count()).toBe(0)
      const noMatch = page.getByTestId('comments-no-match')
      expect(await noMatch.textContent()).toBe('Нет обсуждений, подходящих под фильтры. Показать все обсуждения (1)')
      if (page === drafter) {
        // From the keyboard: the button goes with the words, and the focus to the filter it changed.
        await noMatch.getByRole('button', { name: 'Показать все обсуждения (1)' }).focus()
        await page.keyboard.press('Enter')
        await expect.poll(() => page.getByLabel('Показать').evaluate((el) => el === document.activeElement)).toBe(true)
      } else await page.getByLabel('Показать').selectOption('all')
      expect(await page.getByLabel('Показать').inputValue()).toBe('all')
      const resolved = page.getByTestId('thread')
      await expect.poll(() => resolved.getAttribute('data-status')).toBe('resolved')
      expect(await resolved.getByTestId('proposal-state').textContent()).toMatch(/^Принято: Boris Drafter, /)
      expect(await resolved.getByTestId('thread-event').textContent()).toMatch(/^Закрыл\(а\): Boris Drafter, /)
      expect(await resolved.getByRole('button', { name: 'Принять' }).count()).toBe(0)
    }
    await drafter.waitForSelector(SAVED)
  })

  it('says in the card, in words, why «Принять» is refused once the words changed; «Отклонить» keeps the thread open and the focus on its card', async () => {
    await selectWords(reviewer, 2, 'наилучших интересов')
    await reviewer.keyboard.press('Control+Alt+KeyM')
    const composer = reviewer.getByTestId('comment-composer')
    await expect.poll(() => composer.locator('blockquote').textContent()).toBe('наилучших интересов')
    await composer.getByLabel('Предложить редакцию', { exact: true }).check()
    await composer.getByLabel('Предложенная редакция', { exact: true }).fill('высших интересов')
    await composer.getByLabel('Ваше замечание (обоснование)').fill('Термин конвенции.')
    await composer.getByRole('button', { name: 'Предложить', exact: true }).click()

    const card = drafter.getByTestId('thread').filter({ hasText: 'Термин конвенции.' })
    await expect.poll(() => card.getByTestId('proposal-state').textContent()).toBe('Ожидает решения')
    // The drafter types inside the words meanwhile.
    await selectWords(drafter, 2, 'интересов')
    await drafter.keyboard.press('ArrowLeft')
    await drafter.keyboard.type('законных ')
    await drafter.waitForSelector(SAVED)
    await card.getByRole('button', { name: 'Принять' }).click()
    await expect.poll(() => card.getByRole('alert').textContent()).toBe('Слова изменились после того, как редакция была предложена; внесите правку в текст вручную.')
    expect(await card.getByTestId('proposal-state').textContent()).toBe('Ожидает решения')
    const point = drafter.locator('.legal-text article.article').nth(2).locator('.point').nth(1)
    expect(await point.textContent()).toBe('приоритет наилучших законных интересов ребенка;')

    await card.getByRole('button', { name: 'Отклонить' }).focus()
    await drafter.keyboard.press('Enter')
    await expect.poll(() => card.getByTestId('proposal-state').textContent()).toMatch(/^Отклонено: Boris Drafter, /)
    expect(await card.getAttribute('data-status')).toBe('open')
    expect(await card.getByRole('alert').count()).toBe(0)
    const threadId = await card.getAttribute('data-thread-id')
    await expect.poll(() => drafter.evaluate(() => document.activeElement?.getAttribute('data-thread-id') ?? document.activeElement?.tagName)).toBe(threadId)
    await expect.poll(() => reviewer.getByTestId('thread').filter({ hasText: 'Термин конвенции.' }).getByTestId('proposal-state').textContent()).toMatch(/^Отклонено: /)
    expect(await point.textContent()).toBe('приоритет наилучших законных интересов ребенка;')
    expect(errors.flat()).toEqual([])
  })

  it('gives the reason the wording was proposed with as its «Обоснование» in the comparative table, on screen and in the Word file', async () => {
    await drafter.getByTestId('history').click()
    const history = drafter.getByTestId('history-panel')
    await history.getByTestId('version-row').filter({ hasText: 'Первое чтение' }).getByRole('button', { name: 'Сравнить с текущим' }).click()
    const view = drafter.getByTestId('compare-view')
    // The article's change says why, under who edited it.
    const change = view.getByTestId('diff-article').filter({ hasText: 'исходят из' })
    await expect.poll(() => change.getByTestId('diff-reason').allTextContents()).toEqual(['Обоснование: MoI Так точнее.'])
    expect(await change.getByTestId('diff-orgs').textContent()).toBe('Правки внесли: MoIMoJ')
    await view.getByRole('tab', { name: 'Сравнительная таблица' }).click()
    const table = view.getByTestId('comparative-table')
    await expect.poll(() => table.locator('th').allTextContents()).toEqual(['Прежняя редакция', 'Новая редакция', 'Кем предложено'])
    await view.getByLabel('Добавить графу «Обоснование»').check()
    expect(await table.locator('th').allTextContents()).toEqual(['Прежняя редакция', 'Новая редакция', 'Кем предложено', 'Обоснование'])
    expect(await view.getByTestId('justification-note').textContent()).toBe(
      'В графе «Обоснование» — обоснования предложенных редакций, принятых между двумя текстами; остальное разработчики впишут в скачанный файл.',
    )
    const row = table.getByTestId('comparative-row').filter({ hasText: 'исходят из' })
    const reason = row.getByTestId('justification').locator('.ct-reason')
    expect(await reason.count()).toBe(1)
    expect(await reason.locator('.org-chip').textContent()).toBe('MoI')
    expect(await reason.locator('.org-chip').getAttribute('title')).toBe('Ministry of Interior')
    expect(await reason.textContent()).toBe('MoI Так точнее.')

    const [download] = await Promise.all([drafter.waitForEvent('download'), view.getByTestId('download-docx').click()])
    const xml = readZipEntry(new Uint8Array(await readFile((await download.path())!)), 'word/document.xml')
    expect(xml).toMatch(/<w:t[^>]*>Обоснование<\/w:t>/)
    expect(xml).toMatch(/<w:t[^>]*>MoI: <\/w:t>[\s\S]*?<w:t[^>]*>Так точнее\.<\/w:t>/)
    expect(errors.flat()).toEqual([])
  })
})
