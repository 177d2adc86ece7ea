import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import type { AccountSummary } from '../../shared/api'
import { startTestServer, type TestServer } from '../helpers/server'
import { contextFor, launchBrowser, trackErrors } from '../helpers/browser'
import { createCast, createDocument, createMember, grant, organization, signIn, type Account, type Cast } from '../helpers/accounts'

/**
 * An administrator manages people on the administration page (here in Russian): deactivating
 * someone asks first, and their open draft loses access at once; organizations and a person's
 * organization are edited from the keyboard, Escape giving up.
 */

const SAVED = '[data-testid="sync-status"][data-state="saved"]'
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '')

describe('people on the administration page', () => {
  let server: TestServer
  let browser: Browser
  let cast: Cast
  const errors: string[] = []

  beforeAll(async () => {
    server = await startTestServer()
    cast = await createCast(server.url)
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  async function openAs(account: Account, path: string, language: 'en' | 'ru' = 'en'): Promise<Page> {
    const context = await contextFor(browser, server.url, account, { language })
    context.setDefaultTimeout(10_000)
    const page = await context.newPage()
    trackErrors(page, errors)
    await page.goto(`${server.url}${path}`)
    return page
  }

  it('deactivates a person after a confirmation (Russian), and their open draft loses access at once', async () => {
    const member = await createMember(cast.owner, cast.justice.id, 'Dora Departing')
    const doc = await createDocument(cast.owner, { title: 'Model law', template: 'sample' })
    await grant(cast.owner, doc.id, organization(cast.justice), 'drafter')
    const editor = await openAs(member, `/d/${doc.id}`)
    await editor.waitForSelector(SAVED)
    expect(await editor.locator('.legal-text').getAttribute('contenteditable')).toBe('true')

    const admin = await openAs(cast.owner, '/admin', 'ru')
    await admin.getByRole('heading', { name: 'Участники' }).waitFor()
    const row = admin.getByTestId('person-row').filter({ hasText: member.email })
    expect(await row.getByTestId('person-status').textContent()).toBe('действует')
    const deactivate = row.getByRole('button', { name: 'Отключить' })

    // Asked first; Cancel has the focus; Escape gives up and gives the focus back.
    await deactivate.click()
    const dialog = admin.getByTestId('deactivate-dialog')
    await expect.poll(() => dialog.getByRole('heading').textContent()).toBe('Отключить учётную запись Dora Departing?')
    expect(await focusedText(admin)).toBe('Отмена')
    await admin.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    expect(await focusedText(admin)).toBe('Отключить')
    expect(await row.getByTestId('person-status').textContent()).toBe('действует')
    expect(await editor.getByTestId('access-ended').count()).toBe(0)

    // Confirmed from the keyboard: the row says so and the focus stays on its button, now "Включить снова".
    await admin.keyboard.press('Enter')
    await dialog.getByRole('button', { name: 'Отключить' }).click()
    await dialog.waitFor({ state: 'detached' })
    await expect.poll(() => row.getByTestId('person-status').textContent()).toBe('отключена')
    expect(await focusedText(admin)).toBe('Включить снова')
    expect((await cast.owner.json<AccountSummary[]>('/api/people')).find((p) => p.id === member.user.id)?.deactivatedAt).toEqual(expect.any(String))

    // The person's open draft: read-only at once, saying why, offering nothing the server would refuse.
    await expect.poll(() => editor.getByTestId('access-ended').textContent()).toBe(
      'Your account has been deactivated by an administrator. The text stays on screen, read-only.',
    )
    expect(await editor.locator('.legal-text').getAttribute('contenteditable')).toBe('false')
    expect(await editor.locator('[role="toolbar"]').count()).toBe(0)
    // (A long draft's text is laid out progressively: polled.)
    await expect.poll(() => editor.locator('.legal-text').innerText()).toContain('National coordinating body')

    // Loaded again: the sign-in page says why, and signing in is refused in words.
    await editor.reload()
    await expect.poll(() => editor.getByTestId('sign-in-notice').textContent()).toBe(
      'Your account has been deactivated by an administrator, and you were signed out.',
    )
    await editor.getByLabel('Email').fill(member.email)
    await editor.getByLabel('Password').fill(member.password)
    await editor.getByRole('button', { name: 'Sign in' }).click()
    await expect.poll(() => editor.locator('p.error[role="alert"]').textContent()).toBe(
      'This account has been deactivated by an administrator. Ask an administrator to reactivate it.',
    )

    // Reactivated: signing in works again.
    await row.getByRole('button', { name: 'Включить снова' }).click()
    await expect.poll(() => row.getByTestId('person-status').textContent()).toBe('действует')
    await editor.getByRole('button', { name: 'Sign in' }).click()
    await editor.getByTestId('signed-in-as').filter({ hasText: 'Dora Departing' }).waitFor()
    await editor.context().close()

    // Not offered on one's own row; giving up the last active administrator's right is refused in words.
    const me = admin.getByTestId('person-row').filter({ hasText: cast.owner.email })
    expect(await me.getByRole('button', { name: 'Отключить' }).count()).toBe(0)
    await me.getByRole('button', { name: 'Снять права администратора' }).click()
    await expect.poll(() => admin.locator('#people-title ~ p.error[role="alert"]').textContent()).toBe(
      'Должен остаться хотя бы один действующий администратор. Сначала назначьте администратором кого-нибудь другого.',
    )
    expect(await me.textContent()).toContain('администратор')
    await admin.context().close()
    expect(errors).toEqual([])
  })

  it('moves a person to another organization from the keyboard; Escape gives up there and in the organization form', async () => {
    const member = await createMember(cast.owner, cast.health.id, 'Mona Mover')
    const admin = await openAs(cast.owner, '/admin')
    const row = admin.getByTestId('person-row').filter({ hasText: member.email })
    const change = row.getByRole('button', { name: 'Change organization' })

    // Opened, then given up with Escape: nothing changes and the focus is back on the button.
    await change.focus()
    await admin.keyboard.press('Enter')
    const select = row.getByLabel('Organization of Mona Mover')
    await expect.poll(() => select.evaluate((el) => el === document.activeElement)).toBe(true)
    await select.selectOption({ label: 'Ministry of Justice' })
    await admin.keyboard.press('Escape')
    await select.waitFor({ state: 'detached' })
    expect(await focusedText(admin)).toBe('Change organization')
    expect(await row.textContent()).toContain('Ministry of Health')

    // Moved.
    await admin.keyboard.press('Enter')
    await select.selectOption({ label: 'Ministry of Justice' })
    await row.getByRole('button', { name: 'Move', exact: true }).click()
    await select.waitFor({ state: 'detached' })
    await expect.poll(() => row.textContent()).toContain('Ministry of Justice')
    expect(await focusedText(admin)).toBe('Change organization')
    expect((await member.json<{ user: { organization: { id: string } } }>('/api/auth/session')).user.organization.id).toBe(cast.justice.id)

    // The organization form: Escape cancels an edit and gives the focus back to its "Edit".
    const orgRow = admin.getByTestId('organization-row').filter({ hasText: 'MoH' })
    await orgRow.getByRole('button', { name: 'Edit' }).click()
    const name = admin.getByLabel('Organization name')
    await expect.poll(() => name.inputValue()).toBe('Ministry of Health')
    await name.fill('Ministry of Wealth')
    await admin.keyboard.press('Escape')
    await expect.poll(() => name.inputValue()).toBe('')
    expect(await admin.getByRole('button', { name: 'Add organization' }).count()).toBe(1)
    expect(await focusedText(admin)).toBe('Edit')
    expect(await orgRow.textContent()).toContain('Ministry of Health')
    await admin.context().close()
    expect(errors).toEqual([])
  })

  it('corrects the email a person signs in with, in their row; one another account has is refused in words, Escape gives up', async () => {
    const member = await createMember(cast.owner, cast.justice.id, 'Emil Mistyped')
    const admin = await openAs(cast.owner, '/admin')
    const row = admin.getByTestId('person-row').filter({ hasText: 'Emil Mistyped' })
    const change = row.getByRole('button', { name: 'Change email' })
    await change.click()
    const field = row.getByLabel('Email of Emil Mistyped')
    expect(await field.evaluate((el) => el === document.activeElement)).toBe(true)
    expect(await field.inputValue()).toBe(member.email)
    // Escape gives up, the focus back on the button.
    await admin.keyboard.press('Escape')
    await field.waitFor({ state: 'detached' })
    expect(await focusedText(admin)).toBe('Change email')

    // Another account's address: refused in words, the form stays open to correct it.
    await admin.keyboard.press('Enter')
    await field.fill(cast.drafter.email)
    await admin.keyboard.press('Enter')
    await expect.poll(() => admin.locator('#people-title ~ p.error[role="alert"]').textContent()).toBe('An account with this email already exists.')
    expect(await field.count()).toBe(1)

    await field.fill('emil.right@example.org')
    await admin.keyboard.press('Enter')
    await field.waitFor({ state: 'detached' })
    await expect.poll(() => row.locator('td').first().textContent()).toBe('emil.right@example.org')
    expect(await focusedText(admin)).toBe('Change email')
    // The next sign-in takes the corrected address.
    expect((await signIn(server.url, 'emil.right@example.org')).user.id).toBe(member.user.id)
    await admin.context().close()
    expect(errors).toEqual([])
  })

  it('finds people by name, email or organization (Russian), and shows the deactivated ones apart', async () => {
    const peter = await createMember(cast.owner, cast.justice.id, 'Petr Semenov')
    const gone = await createMember(cast.owner, cast.health.id, 'Gina Gone')
    const goneId = (await gone.json<{ user: { id: string } }>('/api/auth/session')).user.id
    await cast.owner.json(`/api/people/${goneId}`, { method: 'PATCH', body: JSON.stringify({ active: false }) })
    const admin = await openAs(cast.owner, '/admin', 'ru')
    const rows = admin.getByTestId('person-row')
    await rows.first().waitFor()
    const total = await rows.count()
    const find = admin.getByLabel('Найти участника')
    await find.fill('semenov')
    await expect.poll(() => rows.count()).toBe(1)
    expect(await rows.first().textContent()).toContain(peter.email)
    expect(await admin.getByTestId('people-count').textContent()).toBe(`Показано 1 из ${total}`)
    await find.fill('ministry of justice semenov')
    await expect.poll(() => rows.count()).toBe(1)
    await find.fill('nobody-like-this')
    await expect.poll(() => admin.locator('.empty-state').textContent()).toBe('Среди показанных нет никого, у кого в имени, адресе или организации есть «nobody-like-this».')
    await find.fill('')
    await admin.getByLabel('Показать').selectOption({ label: 'Отключённые учётные записи' })
    await expect.poll(() => rows.allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining(gone.email)]))
    for (const text of await rows.allTextContents()) expect(text).toContain('отключена')
    await admin.context().close()
    expect(errors).toEqual([])
  })
})
