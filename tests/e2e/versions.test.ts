import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Locator, Page } from 'playwright-core'
import { startTestServer, type TestServer } from '../helpers/server'
import { articleLabels, caretAtEnd, contextFor, editorText, launchBrowser, trackErrors } from '../helpers/browser'
import { createMember, createOrganization, grant, person, setupAdmin, type Account } from '../helpers/accounts'
import { readZipEntry } from '../helpers/zip'
import { wordAt } from '../helpers/wordAt'

const SAVED = '[data-testid="sync-status"][data-state="saved"]'
const CHANGE = ' Including attempts to traffic.'

/** Whether `locator`'s element holds the focus. */
const holdsFocus = (locator: Locator) => locator.evaluate((el) => el.contains(document.activeElement))

/** Named versions, the comparison, the comparative table and a restore, in the browser. */
describe('versions and comparison in the browser', () => {
  let server: TestServer
  let browser: Browser
  let owner: Account
  let page: Page
  let errors: string[]
  let articlesBefore = 0

  const history = () => page.getByTestId('history-panel')
  async function saveVersion(name: string): Promise<void> {
    await history().getByLabel('Name').fill(name)
    await history().getByRole('button', { name: 'Save version' }).click()
    await history().getByTestId('version-row').filter({ hasText: name }).waitFor()
  }

  /** History → compare Round 1 with the current text; the comparison once its summary is shown. */
  async function compareRound1WithCurrent() {
    // A select's name ends with its chosen option: the automatic version's ("…before a restore") holds "to" too.
    await history().getByRole('combobox', { name: /^From/ }).selectOption({ label: (await optionLabel('Round 1')) })
    await history().getByRole('combobox', { name: /^To/ }).selectOption({ label: 'Current text' })
    await history().getByRole('button', { name: 'Compare', exact: true }).click()
    const view = page.getByTestId('compare-view')
    await view.getByTestId('compare-summary').waitFor()
    return view
  }

  beforeAll(async () => {
    server = await startTestServer({ seed: true })
    owner = await setupAdmin(server.url) // owns the seeded sample law
    browser = await launchBrowser()
    const context = await contextFor(browser, server.url, owner)
    context.setDefaultTimeout(10_000)
    page = await context.newPage()
    errors = trackErrors(page)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('tells a reviewer (Russian) with no versions yet who saves them, not to save one', async () => {
    const [sample] = await owner.json<{ id: string }[]>('/api/documents')
    const reviewer = await createMember(owner, (await createOrganization(owner)).id, 'Reviewer')
    await grant(owner, sample.id, person(reviewer), 'reviewer')
    const context = await contextFor(browser, server.url, reviewer)
    await context.addInitScript(() => localStorage.setItem('accord.uiLanguage', 'ru'))
    const theirs = await context.newPage()
    const theirErrors = trackErrors(theirs)
    try {
      await theirs.goto(`${server.url}/d/${sample.id}`)
      await theirs.getByTestId('read-only-banner').waitFor()
      await theirs.getByTestId('history').click()
      const panel = theirs.getByTestId('history-panel')
      await panel.getByText('Версий пока нет.', { exact: false }).waitFor()
      const text = await panel.textContent()
      expect(text).toContain('Они появятся здесь, когда владелец или разработчик сохранит версию')
      expect(text).toContain('могут владельцы и разработчики')
      expect(text).not.toContain('Сохраните версию')
      expect(theirErrors).toEqual([])
    } finally {
      await context.close()
    }
  })

  it('saves “Round 1”, edits Article 2, inserts a new Article 1 and saves “Round 2”', async () => {
    const [sample] = await owner.json<{ id: string }[]>('/api/documents')
    await page.goto(`${server.url}/d/${sample.id}`)
    await page.waitForSelector(SAVED)
    articlesBefore = (await articleLabels(page)).length
    expect(articlesBefore).toBeGreaterThan(10)

    await page.getByTestId('history').click()
    await history().getByText('No versions yet.', { exact: false }).waitFor()
    // Opened from its button, the panel takes the focus: the name field, not 80 Tabs away.
    await expect.poll(() => holdsFocus(history().getByLabel('Name'))).toBe(true)
    await saveVersion('Round 1')
    await expect.poll(() => history().getByTestId('versions-notice').textContent()).toBe('Saved “Round 1”.')

    // Article 2: a sentence more at the end of its first paragraph.
    await page.locator('.legal-text article.article').nth(1).locator('.clause').first().click()
    await page.keyboard.press('End')
    await page.keyboard.type(CHANGE)
    // A new Article 1, right after the first chapter heading.
    await page.locator('.legal-text .chapter').first().click()
    await page.keyboard.press('End')
    await page.getByTestId('add-article').click()
    await page.keyboard.type('Definitions')
    await page.keyboard.press('Enter')
    await page.keyboard.type('For the purposes of this Law the following terms are used.')
    await expect.poll(async () => (await articleLabels(page))[0]?.heading).toBe('Definitions')
    await page.waitForSelector(SAVED)

    await saveVersion('Round 2')
    expect(await history().getByTestId('version-row').allInnerTexts()).toEqual([
      expect.stringContaining('Round 2'),
      expect.stringContaining('Round 1'),
    ])
    // The version just saved is what a comparison starts from: Compare shows what changed since.
    expect(await history().getByLabel('From').locator('option:checked').textContent()).toBe(await optionLabel('Round 2'))
    expect(await history().getByLabel('To').locator('option:checked').textContent()).toBe('Current text')
  })

  it('compares Round 1 with Round 2: one added, one changed, the rest renumbered', async () => {
    await history().getByLabel('From').selectOption({ label: (await optionLabel('Round 1')) })
    await history().getByLabel('To').selectOption({ label: (await optionLabel('Round 2')) })
    await history().getByRole('button', { name: 'Compare', exact: true }).click()
    const view = page.getByTestId('compare-view')
    await view.getByTestId('compare-summary').waitFor()
    expect(await view.getByTestId('compare-sides').textContent()).toMatch(/^Round 1 \(.+\) → Round 2 \(.+\)$/)
    expect(await view.getByTestId('summary-added').textContent()).toContain('added: 1')
    expect(await view.getByTestId('summary-changed').textContent()).toContain('changed: 1')
    expect(await view.getByTestId('summary-renumbered').textContent()).toContain(`renumbered: ${articlesBefore - 1}`)
    expect(await view.getByTestId('summary-deleted').textContent()).toContain('deleted: 0')
    expect(await view.getByTestId('summary-unchanged').textContent()).toContain('unchanged: 0')

    // Only changed articles by default: the new Article 1 and the old Article 2.
    const cards = view.getByTestId('diff-article')
    await expect.poll(() => cards.count()).toBe(2)
    // Each article reads as a page, centred, not in lines across the whole overlay (~150 characters).
    const card = (await cards.nth(0).boundingBox())!
    const overlay = (await view.boundingBox())!
    expect(card.width).toBeLessThanOrEqual(860)
    expect(Math.abs(card.x - overlay.x - (overlay.x + overlay.width - (card.x + card.width)))).toBeLessThan(24)
    expect(await cards.nth(0).getAttribute('data-status')).toBe('added')
    expect(await cards.nth(0).locator('h3').textContent()).toBe('Article 1. Definitions (added)')
    const changed = cards.nth(1)
    expect(await changed.locator('h3').textContent()).toMatch(/^Article 2\. → Article 3\. .+ \(changed\)$/)
    expect(await changed.locator('ins').allTextContents()).toEqual([CHANGE])
    expect(await changed.getByTestId('diff-orgs').textContent()).toContain('SEC')

    // All articles when the toggle is off; renumbered ones say so.
    await view.getByTestId('only-changed').uncheck()
    await expect.poll(() => cards.count()).toBe(articlesBefore + 1)
    expect(await cards.nth(1).locator('[data-testid="diff-labels"]').textContent()).toBe('Article 1. → Article 2.')
    expect(await cards.nth(1).getAttribute('data-status')).toBe('unchanged')
    await view.getByTestId('only-changed').check()

    // Next / previous change, from the keyboard.
    await page.keyboard.press('n')
    await expect.poll(() => view.getByTestId('change-position').textContent()).toBe('Change 1 of 2')
    await page.keyboard.press('n')
    await expect.poll(() => view.getByTestId('change-position').textContent()).toBe('Change 2 of 2')
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-status'))).toBe('changed')
    await view.getByRole('button', { name: 'Previous change' }).click()
    await expect.poll(() => view.getByTestId('change-position').textContent()).toBe('Change 1 of 2')
    // On a Russian layout the same keys type «т» and «з».
    const press = (key: string, code: string) =>
      page.evaluate(([key, code]) => (document.activeElement ?? document.body).dispatchEvent(new KeyboardEvent('keydown', { key, code, bubbles: true })), [key, code])
    await press('т', 'KeyN')
    await expect.poll(() => view.getByTestId('change-position').textContent()).toBe('Change 2 of 2')
    await press('з', 'KeyP')
    await expect.poll(() => view.getByTestId('change-position').textContent()).toBe('Change 1 of 2')
  })

  it('shows the comparative table with the changed wording, and downloads it as a valid DOCX', async () => {
    const view = page.getByTestId('compare-view')
    await view.getByRole('tab', { name: 'Comparative table' }).click()
    const table = view.getByTestId('comparative-table')
    expect(await table.locator('th').allTextContents()).toEqual(['Previous wording', 'New wording', 'Proposed by'])
    const rows = table.getByTestId('comparative-row')
    await expect.poll(() => rows.count()).toBe(2)
    // The tab counts its own rows (it showed the changes' count), and says where the renumbered articles went.
    expect(await view.getByTestId('change-position').textContent()).toBe('Rows in the table: 2')
    expect(await view.getByTestId('table-rowless').textContent()).toBe(
      `Articles, chapters and sections only moved or renumbered (same text) have no row here — ${articlesBefore - 1} of them; they are listed on the “Changes by article” tab.`,
    )
    const [before, after] = await rows.nth(1).locator('td').all()
    expect(await after.locator('ins').allTextContents()).toEqual([CHANGE])
    expect(await before.textContent()).not.toContain('Including attempts')
    expect(await after.textContent()).toContain('Article 2. → Article 3.')
    // Who proposed the change: the organization that edited Article 2 (the owner's), its full name on hover.
    const proposer = rows.nth(1).getByTestId('proposed-by').locator('.org-chip')
    expect(await proposer.allTextContents()).toEqual(['SEC'])
    expect(await proposer.getAttribute('title')).toBe('Secretariat')

    // The Justification column on request, on screen as in the download: empty, nothing having been proposed.
    const docxLink = view.getByTestId('download-docx')
    expect(await docxLink.getAttribute('href')).not.toContain('justification')
    await view.getByLabel('Add a Justification column').check()
    expect(await docxLink.getAttribute('href')).toMatch(/&justification=1$/)
    expect(await view.getByTestId('download-html').getAttribute('href')).toMatch(/&justification=1$/)
    expect(await table.locator('th').allTextContents()).toEqual(['Previous wording', 'New wording', 'Proposed by', 'Justification'])
    expect(await rows.nth(1).getByTestId('justification').textContent()).toBe('')
    expect(await view.getByTestId('justification-note').isVisible()).toBe(true)

    const [download] = await Promise.all([page.waitForEvent('download'), view.getByTestId('download-docx').click()])
    expect(download.suggestedFilename()).toBe('Model Law On Combating Human Trafficking — comparative table Round 1 – Round 2.docx')
    const bytes = new Uint8Array(await readFile((await download.path())!))
    const xml = readZipEntry(bytes, 'word/document.xml')
    expect(xml).toContain('<w:tbl>')
    expect(xml).toContain(CHANGE.trim())
    expect(xml).toContain('Definitions')
    expect(xml).toContain('Previous wording')
    expect(xml).toMatch(/<w:t[^>]*>Proposed by<\/w:t>[\s\S]*<w:t[^>]*>Justification<\/w:t>/)
    expect(xml).toMatch(/<w:t[^>]*>SEC<\/w:t>/)

    const [html] = await Promise.all([page.waitForEvent('download'), view.getByTestId('download-html').click()])
    const text = await readFile((await html.path())!, 'utf8')
    expect(text).toContain(`<ins>${CHANGE}</ins>`)
  })

  it('keeps Tab inside the comparison, closes it with Escape wherever the focus is, and gives the focus back', async () => {
    const view = page.getByTestId('compare-view')
    // More Tabs than the view has controls: each one stays inside, forwards and backwards.
    await view.getByRole('button', { name: 'Close' }).focus()
    for (const key of [...Array(14).fill('Tab'), ...Array(14).fill('Shift+Tab')]) {
      await page.keyboard.press(key)
      expect(await holdsFocus(view)).toBe(true)
    }
    // Focus lost to <body> (a control gone or disabled): Escape still closes the view.
    await page.evaluate(() => (document.activeElement as HTMLElement).blur())
    await page.keyboard.press('Escape')
    await view.waitFor({ state: 'detached' })
    expect(await holdsFocus(history().getByRole('button', { name: 'Compare', exact: true }))).toBe(true)
  })

  it('compares the current text back to Round 1: “Current text” stays chosen as “From”', async () => {
    const from = history().getByLabel('From')
    await from.selectOption({ label: 'Current text' })
    await history().getByLabel('To').selectOption({ label: (await optionLabel('Round 1')) })
    await history().getByRole('button', { name: 'Compare', exact: true }).click()
    const view = page.getByTestId('compare-view')
    await view.getByTestId('compare-summary').waitFor()
    expect(await view.getByTestId('compare-sides').textContent()).toMatch(/^Current text → Round 1 \(.+\)$/)
    // Backwards, the article added since Round 1 is a deletion.
    expect(await view.getByTestId('summary-deleted').textContent()).toContain('deleted: 1')
    expect(await view.getByTestId('summary-added').textContent()).toContain('added: 0')
    await page.keyboard.press('Escape')
    await view.waitFor({ state: 'detached' })
    expect(await from.locator('option:checked').textContent()).toBe('Current text')
  })

  it('opens Round 1 read-only and restores it after a confirmation', async () => {
    await history().getByTestId('version-row').filter({ hasText: 'Round 1' }).getByRole('button', { name: 'Open' }).click()
    const view = page.getByTestId('version-view')
    const text = view.getByTestId('version-text')
    await expect.poll(() => text.locator('article.article').count()).toBe(articlesBefore)
    expect(await text.locator('.legal-text').getAttribute('contenteditable')).toBe('false')
    expect(await text.locator('.article-heading').first().getAttribute('data-label')).toBe('Article 1.')
    expect(await text.textContent()).not.toContain('Including attempts')
    // A page of text, centred, not lines as wide as the window: the measure the editor gives.
    const paper = (await text.boundingBox())!
    const overlay = (await view.boundingBox())!
    expect(paper.width).toBeLessThanOrEqual(860)
    const [left, right] = [paper.x - overlay.x, overlay.x + overlay.width - (paper.x + paper.width)]
    expect(Math.abs(left - right)).toBeLessThan(24)
    // A defined term's definition at hand in the version too, above its overlay.
    const victims = await wordAt(page, '[data-testid="version-text"] .clause', 0, 'victims')
    await page.mouse.move(victims.x, victims.y)
    const card = page.getByTestId('term-peek')
    await expect.poll(() => card.getByTestId('term-peek-term').textContent()).toBe('“victim”')
    expect(await card.getByTestId('term-peek-words').textContent()).toMatch(/^“victim” means /)
    expect(await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('[data-testid="term-peek"]') !== null, { x: (await card.boundingBox())!.x + 10, y: (await card.boundingBox())!.y + 10 })).toBe(true)
    await page.mouse.move(0, 0)
    await expect.poll(() => card.count()).toBe(0)

    await view.getByRole('button', { name: 'Restore' }).click()
    const dialog = page.getByTestId('restore-dialog')
    await dialog.getByText('Nothing is lost', { exact: false }).waitFor()
    // The dialog over the view: Tab stays in it, Escape closes it and not the view.
    await expect.poll(() => holdsFocus(dialog.getByRole('button', { name: 'Cancel' }))).toBe(true)
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Tab')
      expect(await holdsFocus(dialog)).toBe(true)
    }
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    expect(await holdsFocus(view.getByRole('button', { name: 'Restore' }))).toBe(true)
    await view.getByRole('button', { name: 'Restore' }).click()
    await dialog.getByRole('button', { name: 'Restore' }).click()
    await view.waitFor({ state: 'detached' })
    await expect.poll(async () => (await articleLabels(page)).length).toBe(articlesBefore)
    expect(await editorText(page)).not.toContain('Including attempts')
    // Nothing erased: the replaced text is Round 2 (nothing changed since it, so no new checkpoint was needed).
    await expect.poll(() => history().getByTestId('versions-notice').textContent()).toMatch(/^Restored “Round 1”\. The text it replaced is kept as “Round 2” \(.+\)\.$/)
    expect(await history().getByTestId('version-row').count()).toBe(2)
    // Undo by restoring Round 2.
    await history().getByTestId('version-row').filter({ hasText: 'Round 2' }).getByRole('button', { name: 'Restore' }).click()
    await page.getByTestId('restore-dialog').getByRole('button', { name: 'Restore' }).click()
    await expect.poll(async () => (await articleLabels(page))[0]?.heading).toBe('Definitions')
    await expect.poll(() => editorText(page)).toContain('Including attempts')
    // The text that restore replaced is Round 1's own: still no new version.
    await expect.poll(() => history().getByTestId('versions-notice').textContent()).toMatch(/^Restored “Round 2”\. The text it replaced is kept as “Round 1”/)
    expect(await history().getByTestId('version-row').count()).toBe(2)
    // Restoring over unsaved-as-version edits keeps them first, as an automatic version.
    await page.locator('.legal-text article.article').first().locator('.clause').first().click()
    await page.keyboard.press('End')
    await page.keyboard.type(' Unsaved words.')
    await page.waitForSelector(SAVED)
    await history().getByTestId('version-row').filter({ hasText: 'Round 1' }).getByRole('button', { name: 'Restore' }).click()
    await page.getByTestId('restore-dialog').getByRole('button', { name: 'Restore' }).click()
    const rows = history().getByTestId('version-row')
    await expect.poll(() => rows.count()).toBe(3)
    expect(await rows.first().getAttribute('data-kind')).toBe('auto')
    expect(await rows.first().textContent()).toContain('Automatic: before a restore')
    expect(await rows.first().textContent()).toContain('Text replaced by restoring “Round 1”')
    await expect.poll(() => editorText(page)).not.toContain('Unsaved words')
    await page.waitForSelector(SAVED)
    expect(errors).toEqual([])
  })

  it('compares Round 1 with the text after a section heading was added: the section is a change of its own', async () => {
    // The text is Round 1 again (restored above). A section opens the first chapter.
    await page.locator('.legal-text .chapter').first().click()
    await page.keyboard.press('End')
    await page.getByTestId('add-section').click()
    await page.keyboard.type('Scope')
    await expect.poll(() => page.locator('.legal-text .section').first().textContent()).toBe('Scope')
    await page.waitForSelector(SAVED)

    const view = await compareRound1WithCurrent()
    expect(await view.getByTestId('summary-sections').textContent()).toBe('Sections: added: 1 · deleted: 0 · changed: 0 · moved: 0')
    const heading = view.getByTestId('diff-section')
    expect(await heading.locator('h3').textContent()).toBe('Section 1. Scope (added)')
    // Who wrote it, as for an article (a heading, the title and the preamble said nobody).
    expect(await heading.getByTestId('diff-orgs').textContent()).toBe('Edited by: SEC')
    // The articles after it, up to the next chapter, are one change: now in the section, same text.
    const regrouped = view.getByTestId('diff-regrouped')
    expect(await regrouped.count()).toBe(1)
    expect(await regrouped.locator('h3').textContent()).toBe('Now in Section 1. Scope')
    const inFirstChapter = await page.locator('.legal-text h2.chapter').first().evaluate((h) => {
      let n = 0
      for (let el = h.nextElementSibling; el && !el.matches('h2.chapter'); el = el.nextElementSibling) if (el.matches('article.article')) n++
      return n
    })
    expect(await regrouped.locator('li').count()).toBe(inFirstChapter)
    expect(await view.getByTestId('diff-article').count()).toBe(0)
    // "Next change" stands on the section heading first.
    await page.keyboard.press('n')
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('diff-section')
    await view.getByRole('tab', { name: 'Comparative table' }).click()
    const rows = view.getByTestId('comparative-row')
    await expect.poll(() => rows.count()).toBe(1)
    expect(await rows.first().locator('td').nth(1).textContent()).toBe('Section 1. Scope')
    await page.keyboard.press('Escape')
    await view.waitFor({ state: 'detached' })
    expect(errors).toEqual([])
  })

  it('compares Round 1 with the text after a part heading was added at the end: a part card, a «Parts» line, a row', async () => {
    // The text still has the section added above; a part closes the law, after its last article.
    await page.locator('.legal-text article.article').last().locator('.clause').last().click()
    await page.keyboard.press('End')
    await page.getByTestId('add-part').click()
    await page.keyboard.type('Final provisions')
    await expect.poll(() => page.locator('.legal-text .part').first().textContent()).toBe('Final provisions')
    await page.waitForSelector(SAVED)

    const view = await compareRound1WithCurrent()
    expect(await view.getByTestId('summary-parts').textContent()).toBe('Parts: added: 1 · deleted: 0 · changed: 0 · moved: 0')
    const heading = view.getByTestId('diff-part')
    expect(await heading.getAttribute('class')).toContain('diff-part')
    expect(await heading.locator('h3').textContent()).toBe('Part I. Final provisions (added)')
    await view.getByRole('tab', { name: 'Comparative table' }).click()
    const rows = view.getByTestId('comparative-row')
    await expect.poll(() => rows.count()).toBe(2)
    expect(await rows.last().locator('td').nth(1).textContent()).toBe('Part I. Final provisions')
    await page.keyboard.press('Escape')
    await view.waitFor({ state: 'detached' })
    expect(errors).toEqual([])
  })

  it('compares Round 1 with the text after a chapter was moved up with its articles (Alt+Shift+↑): one move, the chapter’s', async () => {
    const chapters = () => page.locator('.legal-text h2.chapter').allTextContents()
    const before = await chapters()
    const third = page.locator('.legal-text h2.chapter').nth(2)
    await third.click()
    await page.keyboard.press('Alt+Shift+ArrowUp')
    await expect.poll(chapters).toEqual([before[0], before[2], before[1], ...before.slice(3)])
    await page.waitForSelector(SAVED)

    const view = await compareRound1WithCurrent()
    expect(await view.getByTestId('summary-chapters').textContent()).toBe('Chapters: added: 0 · deleted: 0 · changed: 0 · moved: 1')
    // Its articles went with it: renumbered, not moved, still in it.
    expect(await view.getByTestId('summary-moved').textContent()).toContain('moved: 0')
    const moved = view.locator('[data-testid="diff-chapter"]')
    await expect.poll(() => moved.count()).toBe(1)
    expect(await moved.locator('h3').textContent()).toBe(`Chapter III. → Chapter II. ${before[2]} (moved)`)
    await page.keyboard.press('Escape')
    await view.waitFor({ state: 'detached' })
    expect(errors).toEqual([])
  })

  it('compares after an article was moved one place down (Alt+Shift+↓): that article moved, edited by its mover, not the one it passed', async () => {
    const before = await articleLabels(page)
    // An article followed by another of its chapter (past a chapter's heading it would only change chapter).
    const n = await page.$$eval('.legal-text article.article', (all) => all.findIndex((a, i) => i > 2 && a.nextElementSibling?.matches('article.article')))
    await page.locator(`.legal-text article.article[data-id="${before[n].id}"] .clause`).first().click()
    await page.keyboard.press('Alt+Shift+ArrowDown')
    await expect.poll(async () => (await articleLabels(page)).map((a) => a.id).slice(n, n + 2)).toEqual([before[n + 1].id, before[n].id])
    await page.waitForSelector(SAVED)

    const view = await compareRound1WithCurrent()
    expect(await view.getByTestId('summary-moved').textContent()).toContain('moved: 1')
    const moved = view.getByTestId('diff-article').filter({ hasText: '(moved)' })
    await expect.poll(() => moved.count()).toBe(1)
    expect(await moved.locator('h3').textContent()).toMatch(new RegExp(`^Article \\d+\\. → ${before[n + 1].label.replace('.', '\\.')} ${before[n].heading} \\(moved\\)$`))
    expect(await moved.getByTestId('diff-orgs').textContent()).toContain('SEC')
    await page.keyboard.press('Escape')
    await view.waitFor({ state: 'detached' })
    expect(errors).toEqual([])
  })

  it('names the terms whose definitions were reworded above the articles', async () => {
    expect(await (await compareRound1WithCurrent()).getByTestId('summary-definitions').count()).toBe(0)
    await page.keyboard.press('Escape')
    // “child” now means someone under eighteen or treated as such.
    const child = page.locator('.legal-text .point').filter({ hasText: /^“child” means/ })
    await child.click()
    await page.keyboard.press('End')
    await page.keyboard.press('ArrowLeft')
    await page.keyboard.type(', or presumed to be so')
    await page.waitForSelector(SAVED)
    const view = await compareRound1WithCurrent()
    expect(await view.getByTestId('summary-definitions').textContent()).toBe('Definitions: reworded: “child”')
    await page.keyboard.press('Escape')
    await view.waitFor({ state: 'detached' })

    // A provision introduces a term: its sentence is its definition, named as added.
    await caretAtEnd(page, page.locator('.legal-text .clause').first())
    await page.keyboard.type(' A national rapporteur (hereinafter “the Rapporteur”) reports on it every year.')
    await page.waitForSelector(SAVED)
    const again = await compareRound1WithCurrent()
    expect(await again.getByTestId('summary-definitions').textContent()).toBe('Definitions: reworded: “child” · added: “Rapporteur”')
    await page.keyboard.press('Escape')
    await again.waitFor({ state: 'detached' })
    expect(errors).toEqual([])
  })

  /** The visible label of a version in the compare selects ("Round 1 — 12 Mar 2025, 10:04"). */
  async function optionLabel(name: string): Promise<string> {
    const labels = await history().getByLabel('From').locator('option').allTextContents()
    const label = labels.find((l) => l.startsWith(`${name} — `))
    if (!label) throw new Error(`no option for ${name} in ${JSON.stringify(labels)}`)
    return label
  }
})
