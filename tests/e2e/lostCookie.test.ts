import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { startTestServer, type TestServer } from '../helpers/server'
import { contextFor, launchBrowser } from '../helpers/browser'
import { createDocument, setupAdmin, signIn, signOut, TEST_PASSWORD, type Account } from '../helpers/accounts'

/**
 * An upgrade without a session cookie is refused as plain HTTP 401, which a browser cannot tell
 * from a network failure. A browser whose cookie is gone (expired in the browser itself) must
 * still end up on the sign-in page rather than "Offline" for ever.
 */
describe('a browser that lost its session cookie', () => {
  let server: TestServer
  let browser: Browser
  let owner: Account

  beforeAll(async () => {
    server = await startTestServer()
    owner = await setupAdmin(server.url)
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('goes to the sign-in page when its editor reconnects', async () => {
    const { id } = await createDocument(owner)
    const context = await contextFor(browser, server.url, owner)
    const page = await context.newPage()
    await page.goto(`${server.url}/d/${id}`)
    await page.waitForSelector('[data-testid="sync-status"][data-state="saved"]')

    await context.clearCookies()
    // The connection drops and comes back (the browser went offline for a moment).
    await page.evaluate(() => {
      window.dispatchEvent(new Event('offline'))
      window.dispatchEvent(new Event('online'))
    })
    await page.getByRole('button', { name: 'Sign in' }).waitFor({ timeout: 20_000 })
    expect(page.url()).toContain(`/d/${id}`) // signing in again brings the draft back
  })

  it('says the session has ended when it was ended elsewhere (Russian), not when the person signs out here', async () => {
    const { id } = await createDocument(owner, { title: 'Сеанс', language: 'ru' })
    // A second session of the same person: the one this page uses, ended from elsewhere.
    const elsewhere = await signIn(server.url, owner.email)
    const context = await contextFor(browser, server.url, elsewhere)
    await context.addInitScript(() => localStorage.setItem('accord.uiLanguage', 'ru'))
    const page = await context.newPage()
    await page.goto(`${server.url}/d/${id}`)
    await page.waitForSelector('[data-testid="sync-status"][data-state="saved"]')

    await signOut(elsewhere)
    const notice = page.getByTestId('sign-in-notice')
    await expect.poll(() => notice.textContent(), { timeout: 20_000 }).toBe('Сеанс завершён. Войдите снова.')
    expect(page.url()).toContain(`/d/${id}`)

    // Signed in again on this page, then signed out by the person here: no news to tell.
    await page.getByLabel('Электронная почта').fill(owner.email)
    await page.getByLabel('Пароль').fill(TEST_PASSWORD)
    await page.getByRole('button', { name: 'Войти' }).click()
    await page.getByRole('button', { name: 'Выйти' }).click()
    await page.getByRole('button', { name: 'Войти' }).waitFor()
    expect(await notice.count()).toBe(0)
    await context.close()
  })
})
