import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { startTestServer, type TestServer } from '../helpers/server'
import { contextFor, editorText, launchBrowser, SYNC_SOCKET, trackErrors } from '../helpers/browser'
import { createMember, grant, person, setupAdmin, type Account } from '../helpers/accounts'

const SAVED = '[data-testid="sync-status"][data-state="saved"]'
const OFFLINE = '[data-testid="sync-status"][data-state="offline"]'

/** Updates `account`'s browser copy of `docId` holds (y-indexeddb's store), 0 if there is no copy. */
function copiedUpdates(page: Page, account: Account, docId: string): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open(name)
        open.onupgradeneeded = () => open.transaction?.abort() // not there: do not create it
        open.onerror = () => resolve(0)
        open.onsuccess = () => {
          const db = open.result
          if (!db.objectStoreNames.contains('updates')) return resolve(0)
          const count = db.transaction('updates').objectStore('updates').count()
          count.onsuccess = () => {
            resolve(count.result)
            db.close()
          }
        }
      }),
    `accord:${account.user.id}:${docId}`,
  )
}

/** A tab of `context` whose sync connections the "server" closes at once: it cannot be reached. */
async function cutOffTab(context: BrowserContext): Promise<Page> {
  const page = await context.newPage()
  await page.routeWebSocket(SYNC_SOCKET, (ws) => ws.close())
  return page
}

/**
 * The browser keeps a copy of each draft it opened (IndexedDB). The page opens it only after the
 * first sync when this browser never kept one (nothing in it to show), at once when it has: a
 * draft opened before shows its text from the copy while the server cannot be reached.
 */
describe('the copy of a draft kept in the browser', () => {
  let server: TestServer
  let browser: Browser
  let owner: Account
  let docUrl: string
  let docId: string

  beforeAll(async () => {
    server = await startTestServer({ seed: true })
    owner = await setupAdmin(server.url)
    const [sample] = await owner.json<{ id: string }[]>('/api/documents')
    docId = sample.id
    docUrl = `${server.url}/d/${docId}`
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  /** A tab that cannot reach the server shows `text` from the copy, "Offline". */
  async function opensFromCopy(context: BrowserContext, text: string, errors: string[]): Promise<Page> {
    const page = await cutOffTab(context)
    trackErrors(page, errors)
    await page.goto(docUrl)
    await page.waitForSelector(OFFLINE)
    await expect.poll(() => editorText(page)).toBe(text)
    return page
  }

  it('shows a draft opened before while the server cannot be reached, with or without the note that a copy exists', async () => {
    const context = await contextFor(browser, server.url, owner)
    const errors: string[] = []
    const first = await context.newPage()
    trackErrors(first, errors)
    await first.goto(docUrl)
    await first.waitForSelector(SAVED)
    const text = await editorText(first)
    expect(text).toContain('Article 1')
    await expect.poll(() => copiedUpdates(first, owner, docId), { timeout: 10_000 }).toBeGreaterThan(0)
    await first.close()

    // The note says there is a copy: opened at once.
    const noted = await opensFromCopy(context, text, errors)
    await noted.evaluate((key) => localStorage.removeItem(key), `accord:copy:${owner.user.id}:${docId}`)
    await noted.close()
    // A copy without the note (kept by an earlier version): opened once the connection fails.
    await opensFromCopy(context, text, errors)
    await context.close()
    expect(errors).toEqual([])
  })

  it('does not create the copy of a draft opened for the first time before its text has arrived', async () => {
    const context = await contextFor(browser, server.url, owner)
    const page = await context.newPage()
    // Held back: the first sync cannot arrive, so nothing may have opened the copy.
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    await page.routeWebSocket(SYNC_SOCKET, async (ws) => {
      const server = ws.connectToServer()
      server.onMessage(async (message) => {
        await held
        ws.send(message)
      })
    })
    await page.goto(docUrl)
    await page.locator('.legal-text').waitFor()
    await page.waitForTimeout(500)
    expect(await page.evaluate(() => indexedDB.databases().then((dbs) => dbs.map((db) => db.name)))).not.toContain(`accord:${owner.user.id}:${docId}`)
    release()
    await page.waitForSelector(SAVED)
    await expect.poll(() => copiedUpdates(page, owner, docId), { timeout: 10_000 }).toBeGreaterThan(0)
    await context.close()
  })

  it('keeps one person’s offline words theirs: someone else signing in on the same browser does not send them', async () => {
    const other = await createMember(owner, owner.user.organization.id, 'Boris')
    await grant(owner, docId, person(other), 'drafter')
    const context = await contextFor(browser, server.url, owner)
    const page = await context.newPage()
    await page.goto(docUrl)
    await page.waitForSelector(SAVED)
    const before = await copiedUpdates(page, owner, docId)
    await context.setOffline(true)
    await page.locator('.legal-text .clause').first().click()
    await page.keyboard.press('End')
    await page.keyboard.type(' words typed offline by the owner')
    await expect.poll(() => copiedUpdates(page, owner, docId), { timeout: 10_000 }).toBeGreaterThan(before)
    await page.close()
    await context.setOffline(false)
    const content = async () => JSON.stringify(await owner.json(`/api/documents/${docId}/content`))
    // Boris, on the same browser: his own copy, not the owner's; nothing of hers goes out under his name.
    const signInAs = async (account: Account) => {
      await context.clearCookies()
      const [name, value] = account.cookie.split('=')
      await context.addCookies([{ name, value, url: server.url, httpOnly: true, sameSite: 'Lax' }])
      const tab = await context.newPage()
      await tab.goto(docUrl)
      await tab.waitForSelector(SAVED)
      return tab
    }
    const boris = await signInAs(other)
    await boris.waitForTimeout(500)
    expect(await editorText(boris)).not.toContain('words typed offline by the owner')
    expect(await content()).not.toContain('words typed offline by the owner')
    await boris.close()
    // The owner back on it: her words go out from her copy.
    const back = await signInAs(owner)
    await expect.poll(content).toContain('words typed offline by the owner')
    await back.close()
    await context.close()
  })
})
