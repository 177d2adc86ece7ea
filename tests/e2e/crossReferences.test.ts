import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Locator, Page } from 'playwright-core'
import { startTestServer, type TestServer } from '../helpers/server'
import { articleLabels, contextFor, launchBrowser, trackErrors } from '../helpers/browser'
import { createMember, createOrganization, grant, organization, setupAdmin, type Account } from '../helpers/accounts'
import { copyOrCut, paste } from '../helpers/clipboard'

const SAVED = '[data-testid="sync-status"][data-state="saved"]'

/** The first numbered paragraph of the `article`th article (0-based). */
function firstClause(page: Page, article: number): Locator {
  return page.locator('.legal-text article.article').nth(article).locator('.clause').first()
}

/** A block's text without co-authors' caret labels. */
function textOf(element: Locator): Promise<string | null> {
  return element.evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement
    copy.querySelectorAll('.collaboration-carets__caret').forEach((c) => c.remove())
    return copy.textContent?.replace(/\u2060/g, '') ?? null
  })
}


describe('cross-references follow renumbering for two people', () => {
  let server: TestServer
  let browser: Browser
  let pageA: Page
  let pageB: Page
  let errors: string[]
  let owner: Account
  let docId: string
  /** Stable id of the article that is Article 2 when the test starts. */
  let targetId: string

  beforeAll(async () => {
    server = await startTestServer({ seed: true })
    owner = await setupAdmin(server.url, { email: 'anna@secretariat.example', displayName: 'Anna', organization: { name: 'Secretariat', shortName: 'Secretariat', color: '#1f5fa8' } })
    const justice = await createOrganization(owner, { name: 'Ministry of Justice', shortName: 'Ministry of Justice', color: '#8a2be2' })
    const boris = await createMember(owner, justice.id, 'Boris')
    const [sample] = await owner.json<{ id: string }[]>('/api/documents')
    docId = sample.id
    await grant(owner, docId, organization(justice), 'drafter')
    browser = await launchBrowser()
    pageA = await (await contextFor(browser, server.url, owner)).newPage()
    pageB = await (await contextFor(browser, server.url, boris)).newPage()
    errors = []
    trackErrors(pageA, errors)
    trackErrors(pageB, errors)
    for (const page of [pageA, pageB]) {
      await page.goto(`${server.url}/d/${docId}`)
      await page.waitForSelector(SAVED)
    }
    targetId = (await articleLabels(pageA))[1].id
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('inserts a reference to Article 2 from the keyboard: shortcut, search, Enter', async () => {
    await firstClause(pageA, 2).click()
    await pageA.keyboard.press('End')
    await pageA.keyboard.type(' See Article ')
    await pageA.keyboard.press('Control+Alt+6')
    const dialog = pageA.getByTestId('xref-dialog')
    await dialog.waitFor()
    await pageA.keyboard.type('2')
    await expect.poll(() => dialog.getByTestId('xref-option').first().textContent()).toMatch(/^Article 2 /)
    await pageA.keyboard.press('Enter')
    await dialog.waitFor({ state: 'detached' })
    // Focus is back in the text, after the reference: typing goes on there.
    await pageA.keyboard.type(' for details.')
    for (const page of [pageA, pageB]) {
      const ref = firstClause(page, 2).locator('.xref')
      await expect.poll(() => ref.count()).toBe(1)
      expect(await ref.getAttribute('data-target')).toBe(targetId)
      await expect.poll(() => textOf(firstClause(page, 2))).toMatch(/ See Article 2 for details\.$/)
    }
  })

  it('Escape closes the dialog and gives the focus back to the text', async () => {
    await pageA.keyboard.press('Control+Alt+6')
    await pageA.getByTestId('xref-dialog').waitFor()
    await pageA.keyboard.press('Escape')
    await pageA.getByTestId('xref-dialog').waitFor({ state: 'detached' })
    expect(await pageA.evaluate(() => !!document.activeElement?.closest('.legal-text'))).toBe(true)
  })

  it('closes on an Escape pressed as soon as the dialog shows, or in the same moment as the shortcut', async () => {
    type Watched = Window & { xrefClosed?: Promise<boolean> }
    // Watching before the key is pressed: Escape goes in as soon as the dialog is drawn.
    await pageA.evaluate(() => {
      ;(window as Watched).xrefClosed = new Promise<boolean>((resolve) => {
        const shown = new MutationObserver(() => {
          if (!document.querySelector('[data-testid="xref-dialog"]')) return
          shown.disconnect()
          // The commit that drew the dialog is done; its passive effects may not be.
          document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }))
          // Two frames and a task: whatever React had left to do is done.
          requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => resolve(!document.querySelector('[data-testid="xref-dialog"]')))))
        })
        shown.observe(document.body, { childList: true, subtree: true })
      })
    })
    await pageA.keyboard.press('Control+Alt+6')
    expect(await pageA.evaluate(() => (window as Watched).xrefClosed)).toBe(true)
    expect(await pageA.evaluate(() => !!document.activeElement?.closest('.legal-text'))).toBe(true)

    // Both keys in one task (a fast typist, a key repeated): the dialog is there for the Escape.
    expect(await pageA.evaluate(() => new Promise<boolean>((resolve) => {
      const key = (init: KeyboardEventInit) => document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }))
      key({ key: '6', code: 'Digit6', keyCode: 54, ctrlKey: true, altKey: true })
      const opened = !!document.querySelector('[data-testid="xref-dialog"]')
      key({ key: 'Escape' })
      requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => resolve(opened && !document.querySelector('[data-testid="xref-dialog"]')))))
    }))).toBe(true)
    expect(await pageA.evaluate(() => !!document.activeElement?.closest('.legal-text'))).toBe(true)
  })

  it('shows Article 3 in both browsers once the other person inserts an article before it', async () => {
    await pageB.locator('.legal-text article.article').first().locator('.article-heading').click()
    await pageB.getByTestId('add-article').click()
    await pageB.keyboard.type('Inserted by Boris')
    for (const page of [pageA, pageB]) {
      await expect.poll(async () => (await articleLabels(page)).find((a) => a.id === targetId)?.label).toBe('Article 3.')
      await expect.poll(() => textOf(firstClause(page, 3))).toMatch(/ See Article 3 for details\.$/)
    }
  })

  it('exports the current number, and keeps the reference through a reload', async () => {
    await pageA.waitForSelector(SAVED)
    await pageB.waitForSelector(SAVED)
    const markdown = await (await owner.api(`/api/documents/${docId}/export?format=md`)).text()
    expect(markdown).toContain('See Article 3 for details.')
    const akn = await (await owner.api(`/api/documents/${docId}/export?format=akn`)).text()
    expect(akn).toMatch(/See Article <ref href="#[a-z0-9_]*art_3">3<\/ref> for details\./)
    await pageA.reload()
    await pageA.waitForSelector(SAVED)
    await expect.poll(() => textOf(firstClause(pageA, 3))).toMatch(/ See Article 3 for details\.$/)
    expect(await firstClause(pageA, 3).locator('.xref').getAttribute('data-target')).toBe(targetId)
  })

  it('goes to the target on Ctrl+click, and on Enter when the reference is selected', async () => {
    const caretArticle = () => pageA.evaluate(() => document.getSelection()?.anchorNode?.parentElement?.closest('article')?.getAttribute('data-id') ?? null)
    const ref = firstClause(pageA, 3).locator('.xref')
    await ref.click({ modifiers: ['Control'] })
    await expect.poll(caretArticle).toBe(targetId)
    await ref.click() // selects the reference
    await pageA.keyboard.press('Enter')
    await expect.poll(caretArticle).toBe(targetId)
    // Enter went to the target: no paragraph was split.
    await expect.poll(() => textOf(firstClause(pageA, 3))).toMatch(/ See Article 3 for details\.$/)
  })

  it('copies a reference as its number, in plain text and in HTML (with its id for pasting back)', async () => {
    const ref = firstClause(pageA, 3).locator('.xref')
    await ref.click() // the reference alone is selected
    const copied = await copyOrCut(pageA, 'copy')
    expect(copied.text).toBe('3')
    expect(copied.html).toMatch(new RegExp(`<span class="xref" data-target="${targetId}"[^>]*>3</span>`))
  })

  it('shows a broken marker, in words for screen readers, when the target is deleted', async () => {
    await pageB.locator('.legal-text article.article').nth(2).locator('.article-heading').click()
    await pageB.getByTestId('delete-block').click()
    for (const page of [pageA, pageB]) {
      const ref = page.locator('.legal-text .xref').first()
      await expect.poll(() => ref.textContent()).toBe('[?]')
      expect(await ref.getAttribute('class')).toContain('broken')
      expect(await ref.getAttribute('aria-label')).toMatch(/deleted/)
    }
    // The one who deleted is told, with where the reference stands (it may be far off screen).
    const notice = pageB.getByTestId('lost-references')
    const holder = await pageB.locator('.legal-text article.article').filter({ has: pageB.locator('.xref.broken') }).first().getAttribute('data-id')
    const where = (await articleLabels(pageB)).find((a) => a.id === holder)!.label.replace(/\.$/, '')
    await expect.poll(() => notice.locator('span').textContent()).toBe(`You deleted what the text refers to (${where}): those references now show [?].`)
    expect(await pageA.getByTestId('lost-references').count()).toBe(0)
    // Its Undo brings the article back, and the notice goes with the broken reference.
    await notice.getByRole('button', { name: 'Undo' }).click()
    await expect.poll(() => pageA.locator('.legal-text .xref').first().textContent()).toBe('3')
    await expect.poll(() => notice.count()).toBe(0)

    // Deleted again and the notice closed: it stays closed, and Ctrl+Z brings the article back.
    await pageB.locator('.legal-text article.article').nth(2).locator('.article-heading').click()
    await pageB.getByTestId('delete-block').click()
    await notice.getByRole('button', { name: 'Close' }).click()
    expect(await notice.count()).toBe(0)
    // Closing gives the focus back to the text.
    expect(await pageB.evaluate(() => document.activeElement?.id)).toBe('draft-text')
    await pageB.keyboard.press('Control+z')
    await expect.poll(() => pageA.locator('.legal-text .xref').first().textContent()).toBe('3')
    expect(await notice.count()).toBe(0)
  })

  it('reads a pasted reference only by a well-formed id, and never as markup', async () => {
    await firstClause(pageA, 0).click()
    await pageA.keyboard.press('End')
    const before = await pageA.locator('.legal-text .xref').count()
    await paste(pageA, { html: '<p>x <span class="xref" data-target="&lt;img src=x onerror=window.__pwned=1&gt;">bad</span> y</p>', text: 'plain fallback' })
    await paste(pageA, { html: `<p> z <span class="xref" data-target="${targetId}">99</span></p>`, text: 'plain fallback' })
    await expect.poll(() => pageA.locator('.legal-text .xref').count()).toBe(before + 1)
    // ProseMirror's own separator after an inline node at a line's end aside.
    expect(await pageA.locator('.legal-text img:not(.ProseMirror-separator)').count()).toBe(0)
    expect(await pageA.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined()
    // The foreign span's own text ("99") is not kept: the reference shows the target's number.
    const num = (await articleLabels(pageA)).find((a) => a.id === targetId)!.label.replace(/\D/g, '')
    await expect.poll(() => textOf(firstClause(pageA, 0))).toContain(`x bad y`)
    expect(await textOf(firstClause(pageA, 0))).toMatch(new RegExp(`z ${num}(?!\\d)`))
  })

  it('raised no page errors', () => {
    expect(errors).toEqual([])
  })
})
