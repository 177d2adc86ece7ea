import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { startTestServer, type TestServer } from '../helpers/server'
import { articleLabels, contextFor, launchBrowser, trackErrors } from '../helpers/browser'
import { createCast, createDocument, grant, organization, type Account } from '../helpers/accounts'

const SAVED = '[data-testid="sync-status"][data-state="saved"]'

/** The headings of one kind of division as shown: label and words, in text order. */
function headings(page: Page, kind: 'part' | 'chapter' | 'section'): Promise<string[]> {
  return page.$$eval(`.legal-text h2.${kind}`, (found) =>
    found.map((h) => {
      const copy = h.cloneNode(true) as HTMLElement
      copy.querySelectorAll('.collaboration-carets__caret').forEach((c) => c.remove())
      return `${h.getAttribute('data-label')} ${copy.textContent?.replace(/\u2060/g, '') ?? ''}`.trim()
    }),
  )
}

const sections = (page: Page) => headings(page, 'section')
const parts = (page: Page) => headings(page, 'part')

function outline(page: Page): Promise<string[]> {
  return page.$$eval('.outline li', (items) => items.map((li) => `${li.className}: ${li.querySelector('button')?.textContent?.trim() ?? ''}`))
}

describe('sections inside chapters, for two people (a Russian draft, one interface in Russian)', () => {
  let server: TestServer
  let browser: Browser
  let pageA: Page
  let pageB: Page
  let errors: string[]
  let owner: Account
  let docId: string

  beforeAll(async () => {
    server = await startTestServer()
    const cast = await createCast(server.url)
    owner = cast.owner
    docId = (await createDocument(owner, { title: 'Модельный закон', language: 'ru', template: 'sample' })).id
    await grant(owner, docId, organization(cast.justice), 'drafter')
    browser = await launchBrowser()
    pageA = await (await contextFor(browser, server.url, owner, { language: 'ru' })).newPage()
    pageB = await (await contextFor(browser, server.url, cast.drafter)).newPage()
    errors = []
    trackErrors(pageA, errors)
    trackErrors(pageB, errors)
    for (const page of [pageA, pageB]) {
      await page.goto(`${server.url}/d/${docId}`)
      await page.waitForSelector(SAVED)
    }
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('adds a section after an article from the toolbar; both see «§ 1.» and it in the outline', async () => {
    const chapterOneArticles = await articleLabels(pageA)
    await pageA.locator('.legal-text article.article').first().locator('.clause').first().click()
    await pageA.getByTestId('add-section').click()
    expect(await pageA.getByTestId('add-section').textContent()).toContain('Параграф')
    await pageA.keyboard.type('Общие правила')
    for (const page of [pageA, pageB]) {
      await expect.poll(() => sections(page)).toEqual(['§ 1. Общие правила'])
      await expect.poll(() => outline(page)).toContain('outline-section: § 1. Общие правила')
    }
    // A section numbers nothing else: the articles keep their numbers and ids.
    expect(await articleLabels(pageB)).toEqual(chapterOneArticles)
  })

  it('Enter at the end of the heading starts the section\'s first article, renumbering the rest', async () => {
    const before = await articleLabels(pageA)
    await pageA.keyboard.press('Enter')
    await pageA.keyboard.type('Новая статья')
    for (const page of [pageA, pageB]) {
      await expect.poll(async () => (await articleLabels(page))[1]?.heading).toBe('Новая статья')
      const after = await articleLabels(page)
      expect(after[1].label).toBe('Статья 2.')
      expect(after.find((a) => a.id === before[1].id)?.label).toBe('Статья 3.')
    }
  })

  it('the other person adds a second section in the same chapter with Ctrl+Alt+7: § 2; one in the next chapter starts at § 1', async () => {
    await pageB.locator('.legal-text article.article').nth(2).locator('.article-heading').click()
    await pageB.keyboard.press('Control+Alt+7')
    await pageB.keyboard.type('Special rules')
    // Right after the second chapter's heading: the first section of that chapter.
    await pageB.locator('.legal-text h2.chapter').nth(1).click()
    await pageB.keyboard.press('End')
    await pageB.keyboard.press('Control+Alt+7')
    await pageB.keyboard.type('Second chapter section')
    for (const page of [pageA, pageB]) {
      await expect.poll(() => sections(page)).toEqual(['§ 1. Общие правила', '§ 2. Special rules', '§ 1. Second chapter section'])
    }
  })

  it('a cross-reference to a section shows its number and follows a section inserted before it', async () => {
    const firstClauseOfLast = pageA.locator('.legal-text article.article').last().locator('.clause').first()
    await firstClauseOfLast.click()
    await pageA.keyboard.press('End')
    await pageA.keyboard.type(' См. параграф ')
    await pageA.keyboard.press('Control+Alt+6')
    const dialog = pageA.getByTestId('xref-dialog')
    await dialog.waitFor()
    await pageA.keyboard.type('Special rules')
    await expect.poll(() => dialog.getByTestId('xref-option').first().textContent()).toMatch(/^Параграф 2 /)
    await pageA.keyboard.press('Enter')
    await dialog.waitFor({ state: 'detached' })
    const ref = firstClauseOfLast.locator('.xref')
    await expect.poll(() => ref.textContent()).toBe('2')
    // Boris adds a section before it (after the first article): the reference reads 3.
    await pageB.locator('.legal-text article.article').first().locator('.article-heading').click()
    await pageB.getByTestId('add-section').click()
    await pageB.keyboard.type('Inserted')
    await expect.poll(() => ref.textContent()).toBe('3')
    await expect.poll(() => sections(pageB)).toEqual(['§ 1. Inserted', '§ 2. Общие правила', '§ 3. Special rules', '§ 1. Second chapter section'])
  })

  it('keeps the sections through a reload and in the exports', async () => {
    await pageA.waitForSelector(SAVED)
    await pageB.waitForSelector(SAVED)
    await pageA.reload()
    await pageA.waitForSelector(SAVED)
    await expect.poll(() => sections(pageA)).toEqual(['§ 1. Inserted', '§ 2. Общие правила', '§ 3. Special rules', '§ 1. Second chapter section'])
    const markdown = await (await owner.api(`/api/documents/${docId}/export?format=md`)).text()
    expect(markdown).toMatch(/§ 3\. Special rules/)
    const akn = await (await owner.api(`/api/documents/${docId}/export?format=akn`)).text()
    expect(akn).toMatch(/<section eId="chp_1__sec_3"[^>]*>\s*<num>§ 3\.?<\/num>\s*<heading>Special rules<\/heading>/)
    expect(errors).toEqual([])
  })

  it('a passage pasted from another document brings its section heading and the article under it', async () => {
    const last = pageB.locator('.legal-text article.article').last().locator('.clause').last()
    await last.click()
    await pageB.keyboard.press('End')
    await pageB.evaluate((text) => {
      const data = new DataTransfer()
      data.setData('text/plain', text)
      document.querySelector('.legal-text[contenteditable="true"]')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
    }, '§ 4. Заключительные положения параграфа\nСтатья 40. Вступление в силу\nНастоящий параграф вступает в силу.')
    for (const page of [pageA, pageB]) {
      await expect.poll(async () => (await sections(page)).at(-1)).toMatch(/^§ \d\. Заключительные положения параграфа$/)
      await expect.poll(async () => (await articleLabels(page)).at(-1)?.heading).toBe('Вступление в силу')
    }
    await pageB.keyboard.press('Control+z')
    for (const page of [pageA, pageB]) await expect.poll(async () => (await sections(page)).at(-1)).toBe('§ 1. Second chapter section')
  })

  it('parts («Раздел») go above chapters: the first before chapter 1 from the preamble, numbered in Roman; chapters keep their numbers', async () => {
    const chapterLabels = () => pageB.$$eval('.legal-text h2.chapter', (hs) => hs.map((h) => h.getAttribute('data-label')))
    const chaptersBefore = await chapterLabels()
    await pageA.locator('.legal-text .preamble p').first().click()
    await pageA.keyboard.press('Control+Alt+8')
    await pageA.keyboard.type('Общая часть')
    await pageB.locator('.legal-text h2.chapter').nth(3).click()
    await pageB.getByTestId('add-part').click()
    await pageB.keyboard.type('Special part')
    for (const page of [pageA, pageB]) {
      await expect.poll(() => parts(page)).toEqual(['Раздел I. Общая часть', 'Раздел II. Special part'])
      await expect.poll(() => outline(page)).toEqual(expect.arrayContaining(['outline-part: Раздел I. Общая часть']))
    }
    expect(await chapterLabels()).toEqual(chaptersBefore)
    // The first thing after the preamble; the second above the chapter whose heading held the caret, which keeps its articles.
    expect(await pageA.evaluate(() => document.querySelector('.legal-text .preamble')?.nextElementSibling?.className)).toContain('part')
    expect(await pageA.evaluate(() => document.querySelectorAll('.legal-text h2.part')[1]?.nextElementSibling?.getAttribute('data-label'))).toBe(chaptersBefore[3])
    expect(await pageA.evaluate(() => document.querySelectorAll('.legal-text h2.chapter')[3]?.nextElementSibling?.matches('article.article, h2.section'))).toBe(true)
    await pageA.waitForSelector(SAVED)
    await pageB.waitForSelector(SAVED)
    const akn = await (await owner.api(`/api/documents/${docId}/export?format=akn`)).text()
    expect(akn).toMatch(/<part eId="part_1"[^>]*>\s*<num>Раздел I\.<\/num>\s*<heading>Общая часть<\/heading>\s*<chapter eId="part_1__chp_1"/)
    const markdown = await (await owner.api(`/api/documents/${docId}/export?format=md`)).text()
    expect(markdown).toContain('## Раздел II. Special part')
  })

  it('undo takes the section back out', async () => {
    await pageA.locator('.legal-text article.article').first().locator('.clause').first().click()
    await pageA.getByTestId('add-section').click()
    await pageA.keyboard.type('Undo me')
    // Right after the first article, so before the section Boris inserted there.
    await expect.poll(() => sections(pageB)).toContain('§ 1. Undo me')
    const expected = ['§ 1. Inserted', '§ 2. Общие правила', '§ 3. Special rules', '§ 1. Second chapter section']
    // The words typed and the heading may be two steps of the undo history: at most two undos.
    await pageA.keyboard.press('Control+z')
    await expect.poll(() => sections(pageA)).not.toContain('§ 1. Undo me')
    if ((await sections(pageA)).length > expected.length) await pageA.keyboard.press('Control+z')
    await expect.poll(() => sections(pageB)).toEqual(expected)
  })

  it('moves a chapter with its sections and articles: Alt+Shift+↑ in its heading; «Move down» in the other browser puts it back', async () => {
    const chapters = (page: Page) => headings(page, 'chapter')
    const before = await chapters(pageA)
    const articlesBefore = await articleLabels(pageA)
    // The articles of the first two chapters, by id, from the text's order.
    const idsIn = (page: Page, n: number) => page.locator('.legal-text h2.chapter').nth(n).evaluate((h) => {
      const ids: string[] = []
      for (let el = h.nextElementSibling; el && !el.matches('h2.chapter, h2.part'); el = el.nextElementSibling) {
        if (el.matches('article.article')) ids.push(el.getAttribute('data-id') ?? '')
      }
      return ids
    })
    const first = await idsIn(pageA, 0)
    const second = await idsIn(pageA, 1)
    expect(first.length).toBeGreaterThan(1)

    // The heading of part I comes first: nothing goes above it.
    await pageA.locator('.legal-text h2.part').first().click()
    await expect.poll(() => pageA.getByTestId('move-up').isDisabled()).toBe(true)
    expect(await pageA.getByTestId('move-down').isDisabled()).toBe(false)

    await pageA.locator('.legal-text h2.chapter').nth(1).click()
    await pageA.keyboard.press('Alt+Shift+ArrowUp')
    const swapped = [before[1].replace(/^Глава \d+\./, 'Глава 1.'), before[0].replace(/^Глава \d+\./, 'Глава 2.'), ...before.slice(2)]
    for (const page of [pageA, pageB]) {
      await expect.poll(() => chapters(page)).toEqual(swapped)
      const after = await articleLabels(page)
      // Its articles first, then the other chapter's with its sections; everything renumbered in order, no id lost.
      expect(after.slice(0, second.length + first.length).map((a) => a.id)).toEqual([...second, ...first])
      expect(after.map((a) => a.label)).toEqual(articlesBefore.map((a) => a.label))
      expect(new Set(after.map((a) => a.id))).toEqual(new Set(articlesBefore.map((a) => a.id)))
      // Sections go with their chapter and keep their numbers within it.
      await expect.poll(() => sections(page)).toEqual(['§ 1. Second chapter section', '§ 1. Inserted', '§ 2. Общие правила', '§ 3. Special rules'])
    }
    await expect.poll(async () => (await outline(pageB)).find((e) => e.startsWith('outline-chapter'))).toBe(`outline-chapter: ${swapped[0]}`)

    // The other person, from the toolbar: the caret in the moved chapter's heading, "Move down".
    await pageB.locator('.legal-text h2.chapter').first().click()
    await pageB.getByTestId('move-down').click()
    for (const page of [pageA, pageB]) await expect.poll(() => chapters(page)).toEqual(before)
    // The focus stays in the text, the caret in that heading: typing goes on there.
    await pageB.keyboard.press('End')
    await pageB.keyboard.type('!')
    await expect.poll(async () => (await chapters(pageA))[1]).toBe(`${before[1]}!`)
    await pageB.keyboard.press('Backspace')
    await expect.poll(() => chapters(pageA)).toEqual(before)
    expect(await articleLabels(pageB)).toEqual(articlesBefore)
    expect(errors).toEqual([])
  })

  it('Enter at the start of a chapter heading adds an empty chapter above it, not a part; Backspace in it takes it away', async () => {
    const chapters = (page: Page) => headings(page, 'chapter')
    const [chaptersBefore, partsBefore] = [await chapters(pageA), await parts(pageA)]
    await pageA.locator('.legal-text h2.chapter').nth(1).click()
    await pageA.keyboard.press('Home')
    await pageA.keyboard.press('Enter')
    const renumbered = (n: number) => chaptersBefore.slice(n).map((c) => c.replace(/^Глава (\d+)\./, (_, d: string) => `Глава ${Number(d) + 1}.`))
    for (const page of [pageA, pageB]) {
      await expect.poll(() => chapters(page)).toEqual([chaptersBefore[0], 'Глава 2.', ...renumbered(1)])
      expect(await parts(page)).toEqual(partsBefore)
    }
    // The caret stayed with the heading's words; the empty chapter is just above.
    await pageA.keyboard.press('ArrowUp')
    await pageA.keyboard.press('Backspace')
    for (const page of [pageA, pageB]) await expect.poll(() => chapters(page)).toEqual(chaptersBefore)
    expect(errors).toEqual([])
  })
})
