import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { startTestServer, type TestServer } from '../helpers/server'
import { editorText, launchBrowser, trackErrors } from '../helpers/browser'

const PASSWORD = 'correct horse battery'
const SAVED = '[data-testid="sync-status"][data-state="saved"]'

/** A fresh browser context on the English interface. */
async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
  await context.addInitScript(() => localStorage.setItem('accord.uiLanguage', 'en'))
  context.setDefaultTimeout(10_000)
  return context.newPage()
}

async function acceptInvitation(page: Page, link: string, name: string): Promise<void> {
  await page.goto(link)
  await page.getByLabel('Display name').fill(name)
  await page.getByLabel('Choose a password').fill(PASSWORD)
  await page.getByRole('button', { name: 'Create my account' }).click()
  await page.getByTestId('signed-in-as').filter({ hasText: name }).waitFor()
}

async function invite(admin: Page, email: string, organization: string): Promise<string> {
  await admin.getByLabel('Email').fill(email)
  await admin.getByLabel('Organization', { exact: true }).selectOption({ label: organization })
  await admin.getByRole('button', { name: 'Invite', exact: true }).click()
  // Wait for this invitation's notice: the link field may still show the previous invitation.
  await admin.getByText(`Invitation for ${email} created`).waitFor()
  const link = admin.getByTestId('invite-link')
  await expect.poll(() => link.inputValue()).toContain(`/invite/`)
  return link.inputValue()
}

describe('accounts, organizations and roles in the browser', () => {
  let server: TestServer
  let browser: Browser
  let admin: Page
  let drafter: Page
  let reviewer: Page
  let errors: string[]
  let docUrl: string

  beforeAll(async () => {
    server = await startTestServer({ seed: true })
    browser = await launchBrowser()
    admin = await newPage(browser)
    drafter = await newPage(browser)
    reviewer = await newPage(browser)
    errors = []
    for (const page of [admin, drafter, reviewer]) trackErrors(page, errors)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('creates the first administrator in the browser, who owns the sample draft', async () => {
    await admin.goto(server.url)
    await admin.getByLabel('Display name').fill('Alice Admin')
    await admin.getByLabel('Email').fill('alice@secretariat.example')
    await admin.getByLabel('Choose a password').fill(PASSWORD)
    await admin.getByLabel('Organization name').fill('Secretariat of the Council')
    await admin.getByLabel('Short name').fill('SEC')
    await admin.getByRole('button', { name: 'Create administrator' }).click()
    const row = admin.getByTestId('document-row').filter({ hasText: 'Model Law On Combating Human Trafficking' })
    await expect.poll(() => row.getByTestId('document-role').textContent()).toBe('Owner')
  })

  it('lets the administrator create organizations and invite people into them', async () => {
    await admin.getByRole('link', { name: 'Administration' }).click()
    for (const [name, short] of [['Ministry of Justice', 'MoJ'], ['International Organization for Migration', 'IOM']]) {
      await admin.getByLabel('Organization name').fill(name)
      await admin.getByLabel('Short name').fill(short)
      await admin.getByRole('button', { name: 'Add organization' }).click()
      await admin.getByTestId('organization-row').filter({ hasText: short }).waitFor()
    }
    const drafterLink = await invite(admin, 'dmitry@justice.example', 'Ministry of Justice')
    const reviewerLink = await invite(admin, 'rosa@iom.example', 'International Organization for Migration')
    await acceptInvitation(drafter, drafterLink, 'Dmitry Drafter')
    await acceptInvitation(reviewer, reviewerLink, 'Rosa Reviewer')
    // Nothing is shared with them yet, and the list says where their drafts will come from.
    await expect
      .poll(() => drafter.locator('.empty-state').textContent())
      .toBe('No drafts yet. Drafts shared with you or your organization will appear here; you can also start a new one or import one.')
    // A used link does not work twice.
    const again = await newPage(browser)
    await again.goto(drafterLink)
    await again.getByText('This invitation has already been used.').waitFor()
    // …and shows the way on: to sign in.
    await again.getByRole('link', { name: 'Go to the sign-in page' }).click()
    await again.getByRole('button', { name: 'Sign in' }).waitFor()
    expect(new URL(again.url()).pathname).toBe('/')
    // A refusal is said in the interface's language, and in the other one once that is chosen.
    await again.getByLabel('Email').fill('dmitry@justice.example')
    await again.getByLabel('Password').fill('not the password')
    await again.getByRole('button', { name: 'Sign in' }).click()
    await again.getByRole('alert').getByText('Wrong email or password.').waitFor()
    await again.getByRole('button', { name: 'Русский' }).click()
    await again.getByRole('alert').getByText('Неверная электронная почта или пароль.').waitFor()
    await again.context().close()
  })

  it('"Edit" takes the focus to the organization\'s form, and saving or cancelling gives it back', async () => {
    const row = admin.getByTestId('organization-row').filter({ hasText: 'MoJ' })
    const edit = row.getByRole('button', { name: 'Edit' })
    const focused = (locator: typeof edit) => locator.evaluate((el) => el === document.activeElement)
    await edit.click()
    await expect.poll(() => focused(admin.getByLabel('Organization name'))).toBe(true)
    expect(await admin.getByLabel('Organization name').inputValue()).toBe('Ministry of Justice')
    await admin.getByRole('form', { name: 'Edit organization' }).getByRole('button', { name: 'Cancel' }).click()
    await expect.poll(() => focused(edit)).toBe(true)
    await edit.click()
    await expect.poll(() => focused(admin.getByLabel('Organization name'))).toBe(true)
    await admin.keyboard.press('Enter') // saved as it is
    await expect.poll(() => focused(edit)).toBe(true)
  })

  it('refuses an organization whose short name another has (any case), saying so at the field', async () => {
    await admin.getByLabel('Organization name').fill('Ministry of Joy')
    await admin.getByLabel('Short name').fill('moj')
    await admin.getByRole('button', { name: 'Add organization' }).click()
    await expect.poll(() => admin.getByLabel('Short name').getAttribute('aria-invalid')).toBe('true')
    const said = await admin.getByLabel('Short name').evaluate((el) => document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent)
    expect(said).toBe('“Short name” is already taken: choose another.')
    expect(await admin.getByLabel('Organization name').getAttribute('aria-invalid')).toBeNull()
    expect(await admin.getByTestId('organization-row').filter({ hasText: 'Ministry of Joy' }).count()).toBe(0)
    await admin.getByLabel('Short name').fill('MJoy')
    await admin.getByRole('button', { name: 'Add organization' }).click()
    await admin.getByTestId('organization-row').filter({ hasText: 'Ministry of Joy' }).waitFor()
    expect(await admin.getByLabel('Short name').getAttribute('aria-invalid')).toBeNull()
  })

  it('shares the draft with an organization in the share dialog, and its member then sees it', async () => {
    await admin.getByRole('link', { name: 'Accord' }).click()
    await admin.getByTestId('document-row').first().getByRole('link').click()
    await admin.waitForSelector(SAVED)
    docUrl = admin.url()
    await admin.getByTestId('share').click()
    await admin.getByLabel('Organization or person').selectOption({ label: 'Ministry of Justice' })
    await admin.getByLabel('Role', { exact: true }).selectOption('drafter')
    await admin.getByRole('button', { name: 'Give access' }).click()
    await admin.getByTestId('grant-row').filter({ hasText: 'Ministry of Justice' }).waitFor()
    await admin.getByLabel('Organization or person').selectOption({ label: 'International Organization for Migration' })
    await admin.getByLabel('Role', { exact: true }).selectOption('reviewer')
    await admin.getByRole('button', { name: 'Give access' }).click()
    await admin.getByTestId('grant-row').filter({ hasText: 'International Organization for Migration' }).waitFor()
    // Those with access are changed in their row: the list to give access leaves them out (the owner too).
    const offered = await admin.getByLabel('Organization or person').locator('option').allTextContents()
    expect(offered).not.toContain('Ministry of Justice')
    expect(offered).not.toContain('International Organization for Migration')
    expect(offered.some((o) => o.startsWith('Alice Admin'))).toBe(false)
    expect(offered.length).toBeGreaterThan(1)
    await admin.keyboard.press('Escape')

    await drafter.reload()
    const row = drafter.getByTestId('document-row')
    await expect.poll(() => row.getByTestId('document-role').textContent()).toBe('Drafter')
    await expect.poll(() => row.getByTestId('document-orgs').textContent()).toContain('MoJ')
  })

  it('gives the reviewer a read-only editor; nothing the reviewer tries reaches the drafter', async () => {
    await drafter.goto(docUrl)
    await drafter.waitForSelector(SAVED)
    await reviewer.goto(docUrl)
    await reviewer.getByTestId('read-only-banner').waitFor()
    expect(await reviewer.locator('[role="toolbar"]').count()).toBe(0)
    expect(await reviewer.locator('.legal-text').getAttribute('contenteditable')).toBe('false')

    const before = await editorText(drafter)
    await reviewer.locator('.legal-text .clause').first().click()
    await reviewer.keyboard.type('REVIEWER WAS HERE')
    await reviewer.keyboard.press('Enter')

    // The drafter types; the reviewer sees it live — and the drafter never sees the reviewer's text.
    await drafter.locator('.legal-text .clause').first().click()
    await drafter.keyboard.press('End')
    await drafter.keyboard.type(' Drafted by Dmitry.')
    await expect.poll(() => editorText(reviewer)).toContain('Drafted by Dmitry.')
    await drafter.waitForSelector(SAVED)
    const after = await editorText(drafter)
    expect(after).not.toContain('REVIEWER WAS HERE')
    expect(after.replace(' Drafted by Dmitry.', '')).toBe(before)
    // Presence shows names from accounts, with organizations.
    await expect.poll(() => drafter.getByTestId('present-person').allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringContaining('Rosa Reviewer'), expect.stringContaining('Dmitry Drafter')]),
    )
  })

  it('shows who changed the text in the activity view', async () => {
    await admin.getByRole('button', { name: 'Activity' }).click()
    const session = admin.getByTestId('activity-session').filter({ hasText: 'Dmitry Drafter' })
    await expect.poll(() => session.count()).toBeGreaterThan(0)
    await expect.poll(() => session.first().textContent()).toContain('Article 1.')
    // A session within one day names its date once (not "29 Nov 2026, 15:13 – 29 Nov 2026, 15:14").
    const when = (await session.first().getByTestId('activity-when').textContent()) ?? ''
    expect(when.split(String(new Date().getFullYear())).length - 1).toBe(1)
    expect(errors).toEqual([])
  })
})
