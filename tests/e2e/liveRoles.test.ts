import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { startTestServer, type TestServer } from '../helpers/server'
import { contextFor, launchBrowser } from '../helpers/browser'
import { createCast, createDocument, grant, organization, person, revoke, shareWithCast, type Account, type Cast } from '../helpers/accounts'

/**
 * A role changed, access taken away or the draft deleted while someone has it open: the page
 * follows at once and offers nothing the server would refuse.
 */

const SAVED = '[data-testid="sync-status"][data-state="saved"]'

describe('the editor follows a role changed while the draft is open', () => {
  let server: TestServer
  let browser: Browser
  let cast: Cast

  beforeAll(async () => {
    server = await startTestServer()
    cast = await createCast(server.url)
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  async function openAs(account: Account, docId: string, language: 'en' | 'ru' = 'en'): Promise<Page> {
    const context = await contextFor(browser, server.url, account, { language })
    context.setDefaultTimeout(10_000)
    const page = await context.newPage()
    await page.goto(`${server.url}/d/${docId}`)
    return page
  }

  it('says in the interface’s words that a draft is not shared with you (Russian)', async () => {
    const doc = await createDocument(cast.owner, { title: 'Закрытый проект', language: 'ru' })
    const page = await openAs(cast.stranger, doc.id, 'ru')
    const alert = page.locator('p.error[role="alert"]')
    await expect.poll(() => alert.textContent()).toBe('У вас нет доступа к этому проекту. Попросите кого-нибудь из его владельцев открыть вам доступ.')
    expect(await page.locator('body').innerText()).not.toContain('no access to this document')
    await page.context().close()
  })

  it('stops offering editing, panels and actions once access is taken away', async () => {
    const doc = await createDocument(cast.owner, { title: 'Revoked law', template: 'sample' })
    await shareWithCast(cast, doc.id)
    const page = await openAs(cast.drafter, doc.id)
    await page.waitForSelector(SAVED)
    await page.getByTestId('history').click()
    await page.locator('.version-save').waitFor()
    expect(await page.locator('[role="toolbar"]').count()).toBe(1)

    await revoke(cast.owner, doc.id, organization(cast.justice))
    await expect.poll(() => page.getByTestId('access-ended').textContent()).toBe('You no longer have access to this draft. The text stays on screen, read-only.')
    expect(await page.locator('.legal-text').getAttribute('contenteditable')).toBe('false')
    expect(await page.locator('[role="toolbar"]').count()).toBe(0)
    expect(await page.getByTestId('my-role').count()).toBe(0)
    for (const action of ['history', 'toggle-comments', 'agreement']) expect(await page.getByTestId(action).count(), action).toBe(0)
    expect(await page.locator('.version-save, [data-testid="history-panel"]').count()).toBe(0)
    expect(await page.getByTestId('outline-comment').count()).toBe(0)
    // The text is still there to read.
    // (Read-only, the text is laid out again over a few frames on a busy machine: wait for it.)
    await expect.poll(() => page.locator('.legal-text').innerText()).toContain('National coordinating body')
    await page.context().close()
  })

  it('says so when the draft is deleted while open (Russian), and offers nothing more', async () => {
    const doc = await createDocument(cast.owner, { title: 'Удаляемый проект', language: 'ru', template: 'sample' })
    await shareWithCast(cast, doc.id)
    const page = await openAs(cast.drafter, doc.id, 'ru')
    await page.waitForSelector(SAVED)
    await cast.owner.json(`/api/documents/${doc.id}`, { method: 'DELETE' })
    await expect.poll(() => page.getByTestId('access-ended').textContent()).toBe('Этот проект удалён. Текст остаётся на экране только для чтения.')
    expect(await page.locator('.legal-text').getAttribute('contenteditable')).toBe('false')
    expect(await page.locator('[role="toolbar"]').count()).toBe(0)
    expect(await page.getByTestId('history').count()).toBe(0)
    await page.context().close()
  })

  /** A draft shared with the cast, the drafter made an owner of it too, open in the drafter's browser. */
  async function openAsSecondOwner(title: string) {
    const doc = await createDocument(cast.owner, { title, template: 'sample' })
    await shareWithCast(cast, doc.id)
    await grant(cast.owner, doc.id, person(cast.drafter), 'owner')
    const page = await openAs(cast.drafter, doc.id)
    await page.waitForSelector(SAVED)
    return { doc, page }
  }

  it('closes the share dialog of an owner made a drafter, and keeps the focus on the page', async () => {
    const { doc, page } = await openAsSecondOwner('Shared ownership')
    await page.getByTestId('share').click()
    await page.getByRole('dialog', { name: 'Who has access' }).waitFor()

    await revoke(cast.owner, doc.id, person(cast.drafter)) // a drafter again, through the ministry
    await page.getByRole('dialog', { name: 'Who has access' }).waitFor({ state: 'detached' })
    expect(await page.getByTestId('share').count()).toBe(0)
    expect(await page.getByTestId('my-role').textContent()).toBe('Drafter')
    await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe('doc-title')
    await page.context().close()
  })

  it('takes the owner’s agreement actions away at once when the owner is made a drafter', async () => {
    const { doc, page } = await openAsSecondOwner('Agreement by owners')
    await page.getByTestId('agreement').click()
    await page.getByTestId('propose-form').waitFor()
    await revoke(cast.owner, doc.id, person(cast.drafter))
    // Well before the view's own refetch (every 10 s).
    await page.getByTestId('propose-form').waitFor({ state: 'detached', timeout: 4000 })
    await page.context().close()
  })

  /** The reviewer on a fresh shared sample, the comment box open on its first article. */
  async function commentingReviewer() {
    const doc = await createDocument(cast.owner, { title: 'Reviewed law', template: 'sample' })
    await shareWithCast(cast, doc.id)
    const page = await openAs(cast.reviewer, doc.id)
    await page.waitForSelector(SAVED)
    await page.locator('.outline-article').first().getByTestId('outline-comment').click()
    return { doc, page, composer: page.getByTestId('comment-composer') }
  }

  it('no longer offers a reviewer made an observer to edit or delete their comment', async () => {
    const { doc, page, composer } = await commentingReviewer()
    await composer.getByLabel('Your comment').fill('Say who decides.')
    await composer.getByRole('button', { name: 'Comment' }).click()
    const thread = page.getByTestId('thread').filter({ hasText: 'Say who decides.' })
    await thread.getByRole('button', { name: 'Edit' }).waitFor()

    await grant(cast.owner, doc.id, person(cast.reviewer), 'observer')
    await expect.poll(() => page.getByTestId('my-role').textContent()).toBe('Observer')
    await thread.getByRole('button', { name: 'Edit' }).waitFor({ state: 'detached', timeout: 4000 })
    expect(await thread.getByRole('button', { name: 'Delete' }).count()).toBe(0)
    await page.context().close()
  })

  it('keeps a comment being written, to copy, when its writer is made an observer, and says why it cannot be sent', async () => {
    const { doc, page, composer } = await commentingReviewer()
    const box = composer.getByLabel('Your comment')
    await box.fill('A long remark half written')
    await grant(cast.owner, doc.id, person(cast.reviewer), 'observer')
    await expect.poll(() => page.getByTestId('my-role').textContent()).toBe('Observer')
    expect(await composer.getByTestId('composer-refused').textContent()).toBe('You may no longer comment on this draft: copy your words if you need them.')
    expect(await box.inputValue()).toBe('A long remark half written')
    expect(await composer.getByRole('button', { name: 'Comment' }).isDisabled()).toBe(true)
    await composer.getByRole('button', { name: 'Cancel' }).click()
    await composer.waitFor({ state: 'detached' })
    await page.context().close()
  })

  it('asks before the share dialog removes an organization’s access; once removed, its member’s open page follows', async () => {
    const doc = await createDocument(cast.owner, { title: 'Access by the dialog', template: 'sample' })
    await shareWithCast(cast, doc.id)
    const drafterPage = await openAs(cast.drafter, doc.id)
    await drafterPage.waitForSelector(SAVED)
    const page = await openAs(cast.owner, doc.id)
    await page.waitForSelector(SAVED)
    await page.getByTestId('share').click()
    const row = page.getByTestId('grant-row').filter({ hasText: 'Ministry of Justice' })
    await row.getByRole('button', { name: 'Remove' }).click()
    await row.getByText('Remove access for “Ministry of Justice”?').waitFor()
    await row.getByRole('button', { name: 'Cancel' }).click()
    // Cancelled: nothing is removed, and the focus is back on "Remove".
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Remove')
    expect(await drafterPage.getByTestId('access-ended').count()).toBe(0)

    await row.getByRole('button', { name: 'Remove' }).click()
    await row.getByRole('button', { name: 'Yes, remove' }).click()
    await row.waitFor({ state: 'detached' })
    await expect.poll(() => drafterPage.getByTestId('access-ended').textContent()).toBe('You no longer have access to this draft. The text stays on screen, read-only.')

    // The draft's only owner cannot remove their own access: the dialog says why.
    const own = page.getByTestId('grant-row').filter({ hasText: cast.owner.user.displayName })
    await own.getByRole('button', { name: 'Remove' }).click()
    await own.getByRole('button', { name: 'Yes, remove' }).click()
    await page.getByRole('dialog', { name: 'Who has access' }).getByText('A draft must keep at least one owner.').waitFor()
    expect(await own.count()).toBe(1)
    await page.context().close()
    await drafterPage.context().close()
  })
})
