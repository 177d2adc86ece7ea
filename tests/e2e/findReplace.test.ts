import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { startTestServer, type TestServer } from '../helpers/server'
import { contextFor, launchBrowser, trackErrors } from '../helpers/browser'
import { createMember, createOrganization, grant, person, setupAdmin, type Account } from '../helpers/accounts'

const SAVED = '[data-testid="sync-status"][data-state="saved"]'

/** The law's words as a page shows them, without co-authors' caret labels. */
function lawText(page: Page): Promise<string> {
  return page.locator('.legal-text').evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement
    copy.querySelectorAll('.collaboration-carets__caret').forEach((c) => c.remove())
    return copy.textContent ?? ''
  })
}

const occurrences = (text: string, words: string) => text.toLowerCase().split(words.toLowerCase()).length - 1

describe('find and replace in the law', () => {
  let server: TestServer
  let browser: Browser
  let drafter: Page
  let coAuthor: Page
  let reviewer: Page
  const errors: string[] = []

  beforeAll(async () => {
    server = await startTestServer({ seed: true })
    const owner: Account = await setupAdmin(server.url, { displayName: 'Anna' })
    const justice = await createOrganization(owner, { name: 'Ministry of Justice', shortName: 'MoJ', color: '#8a2be2' })
    const boris = await createMember(owner, justice.id, 'Boris')
    const rita = await createMember(owner, justice.id, 'Rita')
    const [sample] = await owner.json<{ id: string }[]>('/api/documents')
    await grant(owner, sample.id, person(boris), 'drafter')
    await grant(owner, sample.id, person(rita), 'reviewer')
    browser = await launchBrowser()
    drafter = await (await contextFor(browser, server.url, owner)).newPage()
    coAuthor = await (await contextFor(browser, server.url, boris)).newPage()
    reviewer = await (await contextFor(browser, server.url, rita)).newPage()
    for (const page of [drafter, coAuthor, reviewer]) {
      page.context().setDefaultTimeout(10_000)
      trackErrors(page, errors)
      await page.goto(`${server.url}/d/${sample.id}`)
      await page.waitForSelector(SAVED)
    }
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('finds every match (Ctrl+F), steps through them, replaces all for everyone, and one Ctrl+Z takes it back', async () => {
    const before = await lawText(drafter)
    const total = occurrences(before, 'victim')
    expect(total).toBeGreaterThan(3)

    await drafter.locator('.legal-text .clause').first().click()
    await drafter.keyboard.press('Control+f')
    const bar = drafter.getByTestId('find-bar')
    await bar.waitFor()
    await drafter.keyboard.type('VICTIM')
    const count = bar.getByTestId('find-count')
    await expect.poll(() => count.textContent()).toMatch(new RegExp(`^\\d+ of ${total}$`))
    expect(await drafter.locator('.legal-text .find-match').count()).toBe(total)
    // Enter goes to the next match, Shift+Enter back; the current one is selected, drawn apart and in view.
    const at = Number((await count.textContent())!.split(' ')[0])
    await drafter.keyboard.press('Enter')
    await expect.poll(() => count.textContent()).toBe(`${(at % total) + 1} of ${total}`)
    await drafter.keyboard.press('Shift+Enter')
    await expect.poll(() => count.textContent()).toBe(`${at} of ${total}`)
    const current = drafter.locator('.legal-text .find-match.current')
    expect((await current.textContent())!.toLowerCase()).toBe('victim')
    expect(await current.evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight })).toBe(true)

    // On a Russian keyboard layout the same keys type «а» and «р»: the physical key opens the bar too.
    await drafter.keyboard.press('Escape')
    await bar.waitFor({ state: 'detached' })
    const russianLayout = (letter: string, code: string) =>
      drafter.locator('.legal-text').evaluate((el, [key, code]) => {
        const event = new KeyboardEvent('keydown', { key, code, ctrlKey: true, bubbles: true, cancelable: true })
        el.dispatchEvent(event)
        return event.defaultPrevented
      }, [letter, code] as const)
    expect(await russianLayout('а', 'KeyF')).toBe(true)
    await bar.waitFor()
    await bar.getByRole('searchbox').fill('VICTIM')
    await expect.poll(() => count.textContent()).toMatch(new RegExp(` of ${total}$`))

    // Whole words: "victims" is left out.
    await bar.getByLabel('Whole words').check()
    const whole = occurrences(before.replace(/victims/gi, ''), 'victim')
    await expect.poll(() => count.textContent()).toMatch(new RegExp(`^\\d+ of ${whole}$`))
    await bar.getByLabel('Whole words').uncheck()

    // A co-author's edit is looked at again: their new match is counted here once they pause.
    await coAuthor.locator('.legal-text .clause').first().click()
    await coAuthor.keyboard.press('End')
    await coAuthor.keyboard.type(' Each victim counts.')
    await expect.poll(() => count.textContent()).toMatch(new RegExp(` of ${total + 1}$`))
    await coAuthor.keyboard.press('Control+z')
    await expect.poll(() => count.textContent()).toMatch(new RegExp(` of ${total}$`))

    await bar.getByLabel('Replace with').fill('survivor')
    await bar.getByRole('button', { name: 'Replace all' }).click()
    await expect.poll(() => bar.getByTestId('find-said').textContent()).toBe(`Replaced: ${total}.`)
    await expect.poll(() => count.textContent()).toBe('No matches')
    // The co-author has it at once, as any edit.
    await expect.poll(async () => occurrences(await lawText(coAuthor), 'victim')).toBe(0)
    expect(occurrences(await lawText(coAuthor), 'survivor')).toBe(total + occurrences(before, 'survivor'))

    // Escape closes the bar and gives the text the focus; one undo takes the whole replacement back.
    await drafter.keyboard.press('Escape')
    await bar.waitFor({ state: 'detached' })
    expect(await drafter.locator('.legal-text .find-match').count()).toBe(0)
    await drafter.keyboard.press('Control+z')
    await expect.poll(() => lawText(drafter)).toBe(before)
    await expect.poll(async () => occurrences(await lawText(coAuthor), 'victim')).toBe(total)
    await drafter.waitForSelector(SAVED)
  })

  it('leaves Ctrl+F to the browser over a dialog or full-window view, and in another form’s field', async () => {
    // What became of the key once every handler had it: taken (ours) or left to the browser.
    await drafter.evaluate(() => {
      const w = window as unknown as { findTaken: boolean[] }
      w.findTaken = []
      window.addEventListener('keydown', (e) => {
        if (e.key === 'f' && e.ctrlKey) w.findTaken.push(e.defaultPrevented)
      })
    })
    const taken = () => drafter.evaluate(() => (window as unknown as { findTaken: boolean[] }).findTaken)
    await drafter.getByRole('button', { name: 'Keyboard shortcuts' }).click()
    const dialog = drafter.getByRole('dialog')
    await dialog.waitFor()
    await drafter.keyboard.press('Control+f')
    await expect.poll(taken).toEqual([false])
    expect(await drafter.getByTestId('find-bar').count()).toBe(0)
    await drafter.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    // In a field of another form (the comments' filter): the browser's too.
    await drafter.getByRole('combobox', { name: 'Show' }).focus()
    await drafter.keyboard.press('Control+f')
    await expect.poll(taken).toEqual([false, false])
    expect(await drafter.getByTestId('find-bar').count()).toBe(0)
    // Back in the text: Accord's bar.
    await drafter.locator('.legal-text .clause').first().click()
    await drafter.keyboard.press('Control+f')
    await drafter.getByTestId('find-bar').waitFor()
    await expect.poll(taken).toEqual([false, false, true])
    await drafter.keyboard.press('Escape')
  })

  it('replaces one match at a time and goes on to the next; the words around it are kept', async () => {
    await drafter.locator('.legal-text .clause').first().click()
    await drafter.keyboard.press('Control+h')
    const bar = drafter.getByTestId('find-bar')
    await drafter.keyboard.type('this Law')
    const count = bar.getByTestId('find-count')
    await expect.poll(() => count.textContent()).toMatch(/^\d+ of \d+$/)
    const total = Number((await count.textContent())!.split(' of ')[1])
    // Quotation marks typed into "Replace with" are the law's, as the editor makes them.
    await bar.getByLabel('Replace with').pressSequentially('this "Model" Law')
    expect(await bar.getByLabel('Replace with').inputValue()).toBe('this “Model” Law')
    await bar.getByLabel('Replace with').press('Enter')
    await expect.poll(() => count.textContent()).toMatch(new RegExp(` of ${total - 1}$`))
    expect(await bar.getByTestId('find-said').textContent()).toBe('Replaced: 1.')
    await expect.poll(async () => occurrences(await lawText(coAuthor), 'this “Model” Law')).toBe(1)
    await bar.getByRole('button', { name: 'Close' }).click()
    await drafter.keyboard.press('Control+z')
    await expect.poll(async () => occurrences(await lawText(coAuthor), 'this “Model” Law')).toBe(0)
  })

  it('finds a word in all its forms; replacing all those forms with one wording is explained, not done', async () => {
    await drafter.locator('.legal-text .clause').first().click()
    await drafter.keyboard.press('Control+h')
    const bar = drafter.getByTestId('find-bar')
    await drafter.keyboard.type('victims')
    const count = bar.getByTestId('find-count')
    const total = async () => Number((await count.textContent())!.split(' of ')[1])
    await expect.poll(() => count.textContent()).toMatch(/^\d+ of \d+$/)
    const plain = await total()
    const drawn = async () => new Set((await drafter.locator('.legal-text .find-match').allTextContents()).map((w) => w.toLowerCase()))
    expect(await drawn()).toEqual(new Set(['victims']))

    await bar.getByTestId('find-word-forms').check()
    await expect.poll(total).toBeGreaterThan(plain)
    // The singular and the possessive too, whole words only, whatever the case.
    expect(await drawn()).toEqual(new Set(['victims', 'victim', 'victim’s']))
    expect(await bar.getByLabel('Match case').isDisabled()).toBe(true)
    expect(await bar.getByLabel('Whole words').isChecked()).toBe(true)

    const before = await lawText(coAuthor)
    await bar.getByLabel('Replace with').fill('persons harmed')
    await bar.getByRole('button', { name: 'Replace all' }).click()
    expect(await bar.getByTestId('find-said').textContent()).toBe('The forms found differ: replace them one at a time')
    expect(await lawText(drafter)).toBe(before)
    await bar.getByRole('button', { name: 'Close' }).click()
    expect(errors).toEqual([])
  })

  it('lets a reviewer find, not replace, from the keyboard or their bar; in Russian too', async () => {
    await reviewer.locator('.legal-text .clause').first().click()
    await reviewer.keyboard.press('Control+f')
    const bar = reviewer.getByTestId('find-bar')
    await bar.waitFor()
    await reviewer.keyboard.press('Escape')
    await bar.waitFor({ state: 'detached' })
    await reviewer.getByRole('button', { name: 'Русский' }).click()
    await reviewer.getByRole('button', { name: 'Найти и заменить' }).click()
    await bar.getByLabel('Найти').fill('zzzz-nowhere')
    await expect.poll(() => bar.getByTestId('find-count').textContent()).toBe('Совпадений нет')
    await bar.getByLabel('Найти').fill('victim')
    await expect.poll(() => bar.getByTestId('find-count').textContent()).toMatch(/^\d+ из \d+$/)
    expect(await bar.getByLabel('Заменить на').count()).toBe(0)
    expect(errors).toEqual([])
  })
})
