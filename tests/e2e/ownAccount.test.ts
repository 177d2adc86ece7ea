import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { PasswordResetCreated, SessionInfo } from '../../shared/api'
import { startTestServer, type TestServer } from '../helpers/server'
import { contextFor, launchBrowser, trackErrors } from '../helpers/browser'
import { createCast, createMember, signIn, type Account, type Cast } from '../helpers/accounts'

/**
 * One's own account in the browser: an administrator's password reset link from the People
 * table, used once, ends the person's other sessions; from "Your account" in the top bar, one's
 * own password changed and one's name mended.
 */

const NEW_PASSWORD = 'a brand new passphrase'
/** The new password's field (its label goes on with the hint; "Repeat the new password" is the other). */
const NEW_PASSWORD_FIELD = /^New password/
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '')

describe('one’s own account in the browser', () => {
  let server: TestServer
  let browser: Browser
  let cast: Cast
  /** Each page's errors, as trackErrors collects them while the page lives. */
  const errors: string[][] = []
  const contexts: BrowserContext[] = []

  beforeAll(async () => {
    server = await startTestServer()
    cast = await createCast(server.url)
    browser = await launchBrowser()
  })

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()))
    expect(errors.splice(0).flat()).toEqual([])
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  /** A page on `path`, signed in as `account` or nobody. */
  async function open(path: string, account?: Account, language: 'en' | 'ru' = 'en'): Promise<Page> {
    const context = await contextFor(browser, server.url, account, { language })
    context.setDefaultTimeout(10_000)
    contexts.push(context)
    const page = await context.newPage()
    errors.push(trackErrors(page))
    await page.goto(`${server.url}${path}`)
    return page
  }

  const alertText = (page: Page) => page.locator('p.error[role="alert"]').textContent()

  /** On the sign-in page: the old password is refused in words, the new one signs the person in. */
  async function onlyNewPasswordSignsIn(page: Page, account: Account): Promise<void> {
    const attempt = async (password: string) => {
      await page.getByLabel('Email').fill(account.email)
      await page.getByLabel('Password').fill(password)
      await page.getByRole('button', { name: 'Sign in' }).click()
    }
    await attempt(account.password)
    await expect.poll(() => alertText(page)).toBe('Wrong email or password.')
    await attempt(NEW_PASSWORD)
    await page.getByTestId('signed-in-as').filter({ hasText: account.user.displayName }).waitFor()
  }

  it('an administrator makes a reset link in the People table; it signs the person in and ends their other sessions', async () => {
    const member = await createMember(cast.owner, cast.justice.id, 'Fiona Forgetful')
    // Where the member was signed in before: a browser they left open.
    const before = await open('/', member)
    await before.getByTestId('signed-in-as').filter({ hasText: 'Fiona Forgetful' }).waitFor()

    const admin = await open('/admin', cast.owner)
    const row = admin.getByTestId('person-row').filter({ hasText: member.email })
    await row.getByRole('button', { name: 'Password reset link' }).click()
    const link = admin.getByTestId('reset-link')
    await expect.poll(() => link.inputValue()).toMatch(new RegExp(`^${server.url}/reset/[^/]+$`))
    // Shown below the table, and brought into view: the row's button may be far above it.
    await expect.poll(() => link.evaluate((el) => el.getBoundingClientRect().bottom <= window.innerHeight)).toBe(true)
    const notice = admin.locator('.notice').filter({ has: link })
    expect(await notice.textContent()).toMatch(/^Password reset link for Fiona Forgetful, valid until .+\. Send it to them: it works once, and replaces any earlier link for this person\./)
    expect(await link.getAttribute('readonly')).not.toBeNull()
    expect(await notice.getByRole('button', { name: 'Copy link' }).count()).toBe(1)
    const url = await link.inputValue()

    // Someone who is signed in nowhere opens it: it names the account; a slip in the repeat is said before sending.
    const reset = await open(new URL(url).pathname)
    await reset.getByRole('heading', { name: 'Set a new password' }).waitFor()
    await reset.getByText(`For Fiona Forgetful (${member.email}).`).waitFor()
    await reset.getByLabel(NEW_PASSWORD_FIELD).fill(NEW_PASSWORD)
    await reset.getByLabel('Repeat the new password').fill(`${NEW_PASSWORD}!`)
    await reset.getByRole('button', { name: 'Set the password and sign in' }).click()
    await expect.poll(() => reset.getByLabel('Repeat the new password').getAttribute('aria-invalid')).toBe('true')
    await reset.getByText('The new passwords differ.').waitFor()
    expect((await member.json<SessionInfo>('/api/auth/session')).user?.id).toBe(member.user.id)

    await reset.getByLabel('Repeat the new password').fill(NEW_PASSWORD)
    await reset.getByRole('button', { name: 'Set the password and sign in' }).click()
    await reset.getByTestId('signed-in-as').filter({ hasText: 'Fiona Forgetful' }).waitFor()
    expect(new URL(reset.url()).pathname).toBe('/')
    await reset.getByRole('heading', { name: 'Drafts' }).waitFor()

    // The browser left signed in: at its next session check, the sign-in page says why.
    await before.reload()
    await expect.poll(() => before.getByTestId('sign-in-notice').textContent()).toBe('Your password was changed. Sign in with the new password.')
    // Whoever has forgotten theirs is told where a reset link comes from.
    await before.getByText('Forgot your password? Ask your administrator for a password reset link.').waitFor()
    await onlyNewPasswordSignsIn(before, member)
  })

  it('changes one\'s own password from "Your account" in the top bar, refusing a wrong current password and a mistyped repeat', async () => {
    const member = await createMember(cast.owner, cast.interior.id, 'Carl Changer')
    const elsewhere = await signIn(server.url, member.email, member.password)
    const page = await open('/', member)
    const identity = page.getByTestId('signed-in-as')
    await identity.filter({ hasText: 'Carl Changer · MoI' }).click()
    const dialog = page.getByRole('dialog', { name: 'Your account' })
    await dialog.waitFor()
    expect(await dialog.getByLabel('Name').inputValue()).toBe('Carl Changer')
    expect((await dialog.locator('dd').allTextContents()).map((text) => text.trim())).toEqual([member.email, 'Ministry of Interior'])
    // Escape closes it, and the focus is back on the name.
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    expect(await focusedText(page)).toBe('Carl Changer · MoI')
    await page.keyboard.press('Enter')
    await dialog.waitFor()
    await expect.poll(() => dialog.getByLabel('Name').evaluate((el) => el === document.activeElement)).toBe(true)

    const current = dialog.getByLabel('Current password')
    const next = dialog.getByLabel(NEW_PASSWORD_FIELD)
    const repeat = dialog.getByLabel('Repeat the new password')
    const submit = dialog.getByRole('button', { name: 'Change password' })
    await current.fill('not my password at all')
    await next.fill(NEW_PASSWORD)
    await repeat.fill(NEW_PASSWORD)
    await submit.click()
    await expect.poll(() => dialog.locator('p.error[role="alert"]').textContent()).toBe('The current password is not right.')

    await current.fill(member.password)
    await repeat.fill('a brand new passphrasE')
    await submit.click()
    await dialog.getByText('The new passwords differ.').waitFor()
    expect(await dialog.locator('p.error[role="alert"]').count()).toBe(0)
    // Nothing was sent: the old password still signs in.
    await signIn(server.url, member.email, member.password)

    await current.fill(member.password)
    await next.fill(member.password)
    await repeat.fill(member.password)
    await submit.click()
    await expect.poll(() => dialog.locator('p.error[role="alert"]').textContent()).toBe('“New password” is the same as the current password: choose a different one.')

    await next.fill(NEW_PASSWORD)
    await repeat.fill(NEW_PASSWORD)
    await submit.click()
    await expect.poll(() => dialog.getByTestId('password-changed').textContent()).toBe(
      'Password changed. You stay signed in here; anywhere else you were signed in, you have been signed out.',
    )
    expect(await current.inputValue()).toBe('')
    expect(await dialog.locator('p.error[role="alert"]').count()).toBe(0)
    // The other session has ended, and says why; this one stays.
    expect(await elsewhere.json<SessionInfo>('/api/auth/session')).toMatchObject({ user: null, sessionEnded: 'password_changed' })
    await dialog.getByRole('button', { name: 'Close' }).click()
    await page.reload()
    await identity.filter({ hasText: 'Carl Changer' }).waitFor()

    await page.getByRole('button', { name: 'Sign out' }).click()
    await onlyNewPasswordSignsIn(page, member)
  })

  it('mends one’s own name from "Your account": the top bar, and a co-author’s list of people, show the new one', async () => {
    const member = await createMember(cast.owner, cast.justice.id, 'Tmur Typo')
    const page = await open('/', member)
    await page.getByTestId('signed-in-as').filter({ hasText: 'Tmur Typo · MoJ' }).click()
    const dialog = page.getByRole('dialog', { name: 'Your account' })
    const name = dialog.getByLabel('Name')
    const save = dialog.getByRole('button', { name: 'Save the name' })
    // Nothing to save until the name differs, nor while it is blank.
    expect(await save.isDisabled()).toBe(true)
    await name.fill('   ')
    expect(await save.isDisabled()).toBe(true)
    await name.fill('Timur Akhmetov')
    await save.click()
    await expect.poll(() => dialog.getByTestId('name-saved').textContent()).toBe('Name saved. Co-authors see it from now on, in comments and the activity too.')
    await page.getByTestId('signed-in-as').filter({ hasText: 'Timur Akhmetov · MoJ' }).waitFor()
    expect(await save.isDisabled()).toBe(true)
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    // The server has it: a reload, and everyone else, read the new name.
    await page.reload()
    await page.getByTestId('signed-in-as').filter({ hasText: 'Timur Akhmetov · MoJ' }).waitFor()
    expect((await cast.owner.json<{ id: string; displayName: string }[]>('/api/users')).find((p) => p.id === member.user.id)?.displayName).toBe('Timur Akhmetov')
  })

  it('refuses a link used once, or replaced by a newer one, in words, with the way to sign in', async () => {
    const member = await createMember(cast.owner, cast.health.id, 'Una Used')
    const make = () => cast.owner.json<PasswordResetCreated>(`/api/people/${member.user.id}/password-reset`, { method: 'POST' })
    const replaced = await make()
    const current = await make()

    const page = await open(new URL(replaced.url).pathname)
    const used = 'This password reset link has already been used, or a newer one has replaced it. Ask an administrator for a new one if you need it.'
    await expect.poll(() => alertText(page)).toBe(used)

    await page.goto(current.url)
    await page.getByLabel(NEW_PASSWORD_FIELD).fill(NEW_PASSWORD)
    await page.getByLabel('Repeat the new password').fill(NEW_PASSWORD)
    await page.getByRole('button', { name: 'Set the password and sign in' }).click()
    await page.getByTestId('signed-in-as').filter({ hasText: 'Una Used' }).waitFor()

    // Opened again, signed in now: refused, in Russian too, with the way to the drafts.
    await page.goto(current.url)
    await expect.poll(() => alertText(page)).toBe(used)
    expect(await page.getByLabel(NEW_PASSWORD_FIELD).count()).toBe(0)
    await page.getByRole('button', { name: 'Русский' }).click()
    await expect.poll(() => alertText(page)).toBe(
      'Эта ссылка для смены пароля уже использована или заменена более новой. Если пароль всё ещё нужно сменить, попросите у администратора новую ссылку.',
    )
    await page.getByRole('link', { name: 'Перейти к проектам' }).click()
    await page.getByRole('heading', { name: 'Проекты' }).waitFor()
    expect(new URL(page.url()).pathname).toBe('/')

    // Not offered for a deactivated person.
    await cast.owner.json(`/api/people/${member.user.id}`, { method: 'PATCH', body: JSON.stringify({ active: false }) })
    const admin = await open('/admin', cast.owner)
    const row = admin.getByTestId('person-row').filter({ hasText: member.email })
    await expect.poll(() => row.getByTestId('person-status').textContent()).toBe('deactivated')
    expect(await row.getByRole('button', { name: 'Password reset link' }).count()).toBe(0)
  })
})
