import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { startTestServer, type TestServer } from '../helpers/server'
import { contextFor, launchBrowser, trackErrors } from '../helpers/browser'
import { acceptInvitation, createDocument, createOrganization, grant, invite, organization, setupAdmin, type Account } from '../helpers/accounts'
import { connectClient, insertText, waitSaved, waitSynced } from '../helpers/clients'
import { createBuilders } from '../../shared/seed/builders'
import { toHtml } from '../../shared/export/html'
import { compareDocuments, comparativeTable, comparativeTableHtml } from '../../shared/diff'

/**
 * Text people type is shown as text, never run as HTML: a draft, an organization and a person all
 * named `<img src=x onerror=window.__pwned=1>`, seen on the documents list, the administration
 * page and in the editor (title, presence, caret labels, share dialog, activity), and the HTML
 * exports of such a draft loaded into a page of their own (no CSP there to save the day).
 */

const EVIL = '<img src=x onerror=window.__pwned=1>'
/** Short names are at most 30 characters. */
const EVIL_SHORT = '<svg/onload=window.__pwned=2>'
/** The member's organization: short names are unique, so a hostile one of its own. */
const MINISTRY_SHORT = '<svg/onload=window.__pwned=3>'
const SAVED = '[data-testid="sync-status"][data-state="saved"]'

/** Nothing was injected or run: no foreign elements, no event-handler attributes, no __pwned. */
async function expectInert(page: Page, where: string): Promise<void> {
  // Give any injected handler its chance to run first.
  await page.evaluate(() => new Promise((r) => setTimeout(r, 50)))
  const report = await page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
    injected: document.querySelectorAll('img[src="x"], svg[onload], iframe, script:not([src]), a[href^="javascript:"]').length,
    handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.toLowerCase().startsWith('on'))).map((el) => el.outerHTML.slice(0, 80)),
  }))
  expect(report, where).toEqual({ pwned: null, injected: 0, handlers: [] })
}

describe('typed text stays text in the browser', () => {
  let server: TestServer
  let browser: Browser
  let adminPage: Page
  let memberPage: Page
  let errors: string[]
  let admin: Account
  let docId: string

  beforeAll(async () => {
    server = await startTestServer()
    admin = await setupAdmin(server.url, { displayName: EVIL, organization: { name: EVIL, shortName: EVIL_SHORT, color: '#1f5fa8' } })
    const ministry = await createOrganization(admin, { name: `${EVIL} ministry`, shortName: MINISTRY_SHORT })
    const member = await acceptInvitation(server.url, await invite(admin, { organizationId: ministry.id }), { displayName: EVIL })
    await invite(admin, { organizationId: ministry.id }) // a pending invitation names the organization too
    docId = (await createDocument(admin, { title: EVIL, template: 'sample' })).id
    await grant(admin, docId, organization(ministry), 'drafter')
    // The text itself, typed through the sync protocol.
    const client = connectClient(server.wsUrl, docId, { cookie: admin.cookie })
    await waitSynced(client)
    insertText(client.ydoc, `${EVIL} `, { index: 0 })
    insertText(client.ydoc, EVIL, { name: 'articleHeading', index: 0 })
    await waitSaved(client)
    client.destroy()

    browser = await launchBrowser()
    adminPage = await (await contextFor(browser, server.url, admin)).newPage()
    memberPage = await (await contextFor(browser, server.url, member)).newPage()
    errors = []
    trackErrors(adminPage, errors)
    trackErrors(memberPage, errors)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('the documents list shows the title as text', async () => {
    await adminPage.goto(server.url)
    await adminPage.getByTestId('document-row').first().waitFor()
    expect(await adminPage.getByTestId('document-row').first().textContent()).toContain(EVIL)
    await expectInert(adminPage, 'documents list')
  })

  it('the administration page shows organization and person names as text', async () => {
    await adminPage.goto(`${server.url}/admin`)
    await adminPage.getByTestId('organization-row').first().waitFor()
    const body = (await adminPage.locator('body').textContent()) ?? ''
    expect(body).toContain(`${EVIL} ministry`)
    expect(body).toContain(EVIL_SHORT)
    expect(body.split(EVIL).length - 1).toBeGreaterThanOrEqual(4) // organizations, invitation, people
    await expectInert(adminPage, 'administration')
  })

  it('the editor shows title, text, presence, caret labels, sharing and activity as text', async () => {
    await adminPage.goto(`${server.url}/d/${docId}`)
    await adminPage.waitForSelector(SAVED)
    await memberPage.goto(`${server.url}/d/${docId}`)
    await memberPage.waitForSelector(SAVED)
    expect(await adminPage.locator('h1.doc-title').textContent()).toBe(EVIL)
    expect(await adminPage.title()).toBe(`${EVIL} — Accord`)
    expect(await adminPage.locator('.legal-text').textContent()).toContain(EVIL)

    // The member types: their caret label and presence entry reach the administrator.
    const clause = memberPage.locator('.legal-text article.article').first().locator('.clause').first()
    await clause.click()
    await memberPage.keyboard.press('End')
    await memberPage.keyboard.type(' typed')
    await expect.poll(() => adminPage.locator('.collaboration-carets__label').allTextContents()).toContain(`${EVIL} · ${MINISTRY_SHORT}`)
    await expect.poll(() => adminPage.getByTestId('present-person').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining(EVIL)]),
    )

    await adminPage.getByTestId('share').click()
    await expect.poll(async () => (await adminPage.locator('body').textContent())?.includes(`${EVIL} ministry`)).toBe(true)
    await adminPage.keyboard.press('Escape')
    await adminPage.getByRole('button', { name: 'Activity' }).click()
    await expect.poll(async () => (await adminPage.locator('.sidebar-right').textContent())?.includes(EVIL)).toBe(true)

    await expectInert(adminPage, 'editor (administrator)')
    await expectInert(memberPage, 'editor (member)')
    expect(errors).toEqual([])
  })

  it('HTML exports of such a draft are inert in a page of their own', async () => {
    const b = createBuilders('e')
    const law = (text: string) => b.law(text, [text], [b.chapter(text), b.article(text, [b.clause(text), b.point(text)])])
    const page = await browser.newPage() // about:blank: no Content-Security-Policy
    await page.setContent(
      toHtml(law(EVIL), {
        title: EVIL,
        language: 'en',
        status: 'draft',
        date: '2025-01-01',
        version: { name: EVIL, createdAt: '2025-01-01' },
        organizations: [{ name: EVIL, shortName: EVIL_SHORT }],
      }),
    )
    expect(await page.locator('body').textContent()).toContain(EVIL)
    await expectInert(page, 'HTML export')
    const rows = comparativeTable(compareDocuments(law(EVIL), law(`${EVIL} changed`), 'en'))
    await page.setContent(comparativeTableHtml(rows, { language: 'en', title: EVIL }))
    expect(await page.locator('body').textContent()).toContain(EVIL)
    await expectInert(page, 'comparative table')
    await page.close()
  })
})
