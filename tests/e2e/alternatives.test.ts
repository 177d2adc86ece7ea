import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import type { PreferencesOverview } from '../../shared/api'
import { startTestServer, type TestServer } from '../helpers/server'
import { caretAtEnd, contextFor, launchBrowser, trackErrors } from '../helpers/browser'
import { createDocument, createMember, createOrganization, grant, organization, setupAdmin, type Account } from '../helpers/accounts'

const SAVED = '[data-testid="sync-status"][data-state="saved"]'

/**
 * Alternative wordings in the browser: a member of the Secretariat supports one of the bracketed
 * options in an article heading of the sample law; a reviewer of the Ministry of Justice, in a
 * browser of their own with the Russian interface and the panel already open, sees it arrive;
 * the Secretariat changes its mind, then withdraws.
 */
describe('alternative wordings in the browser', () => {
  let server: TestServer
  let browser: Browser
  let owner: Account
  let reviewer: Account
  let docId: string
  const errors: string[][] = []

  async function openDraft(account: Account, language: 'en' | 'ru'): Promise<Page> {
    const context = await contextFor(browser, server.url, account, { language })
    context.setDefaultTimeout(10_000)
    const page = await context.newPage()
    errors.push(trackErrors(page))
    await page.goto(`${server.url}/d/${docId}`)
    await page.waitForSelector(SAVED)
    return page
  }
  const panel = (page: Page) => page.getByTestId('alternatives-panel')
  /** The card of the heading "Non-liability [non-punishment] of victims". */
  const headingGroup = (page: Page) => panel(page).getByTestId('alternatives-group').filter({ hasText: '[non-punishment]' })
  const supporters = (page: Page, option: string) =>
    headingGroup(page).getByTestId('alternatives-option').filter({ hasText: option }).getByTestId('alternatives-supporters')

  beforeAll(async () => {
    server = await startTestServer()
    owner = await setupAdmin(server.url, { displayName: 'Ada Owner', organization: { name: 'Secretariat', shortName: 'SEC', color: '#1f5fa8' } })
    const justice = await createOrganization(owner, { name: 'Ministry of Justice', shortName: 'MoJ', color: '#8a2be2' })
    reviewer = await createMember(owner, justice.id, 'Rita Reviewer')
    ;({ id: docId } = await createDocument(owner, { title: 'Model Law On Combating Human Trafficking', template: 'sample' }))
    await grant(owner, docId, organization(justice), 'reviewer')
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('one organization states its preference; another, in Russian, sees it live; change and withdrawal follow', async () => {
    const ministry = await openDraft(reviewer, 'ru')
    await ministry.getByRole('button', { name: 'Варианты формулировок' }).click()
    await panel(ministry).getByRole('heading', { name: 'Варианты формулировок' }).waitFor()
    await headingGroup(ministry).waitFor()
    expect(await headingGroup(ministry).textContent()).toContain('текущая формулировка')
    expect(await supporters(ministry, '[non-punishment]').textContent()).toBe('')

    const secretariat = await openDraft(owner, 'en')
    await secretariat.getByRole('button', { name: 'Alternatives' }).click()
    const group = headingGroup(secretariat)
    await group.waitFor()
    // The heading's article, as the text numbers it, and its options: the current wording first.
    const articleLabel = await secretariat.locator('.legal-text article.article', { hasText: 'Non-liability' }).locator('.article-heading').getAttribute('data-label')
    expect(await group.locator('.alternatives-where strong').textContent()).toBe(articleLabel!.replace(/\.$/, ''))
    expect(await group.getByTestId('alternatives-option').allTextContents()).toEqual([
      expect.stringMatching(/^Non-liability \(current wording\)Support$/),
      expect.stringMatching(/^\[non-punishment\]Support$/),
    ])
    // By keyboard: Tab-reachable buttons with names that say what they do.
    const support = group.getByRole('button', { name: 'Support “non-punishment” for SEC' })
    await support.focus()
    await secretariat.keyboard.press('Enter')
    await expect.poll(() => support.getAttribute('aria-pressed')).toBe('true')
    expect(await supporters(secretariat, '[non-punishment]').textContent()).toBe('SEC')

    // The ministry's open panel follows without a reload; its own buttons are in Russian.
    await expect.poll(() => supporters(ministry, '[non-punishment]').textContent()).toBe('SEC')
    expect(await headingGroup(ministry).getByRole('button', { name: 'Поддержать «non-punishment» от имени MoJ' }).count()).toBe(1)

    // The ministry prefers the current wording; the Secretariat changes its mind, then withdraws.
    await headingGroup(ministry).getByRole('button', { name: 'Поддержать «Non-liability» от имени MoJ' }).click()
    await expect.poll(() => supporters(secretariat, 'Non-liability').textContent()).toBe('MoJ')
    await group.getByRole('button', { name: 'Support “Non-liability” for SEC' }).click()
    await expect.poll(() => supporters(ministry, 'Non-liability').textContent()).toBe('MoJSEC')
    expect(await supporters(ministry, '[non-punishment]').textContent()).toBe('')
    await group.getByRole('button', { name: 'Withdraw SEC’s preference' }).click()
    await expect.poll(() => supporters(ministry, 'Non-liability').textContent()).toBe('MoJ')

    const stored = await owner.json<PreferencesOverview>(`/api/documents/${docId}/alternatives/preferences`)
    expect(stored.preferences.map((p) => [p.organization.shortName, p.option, p.statedBy.displayName])).toEqual([['MoJ', 'Non-liability', 'Rita Reviewer']])
    expect(errors.flat()).toEqual([])
  })

  it('reads alternatives typed into the preamble (skipped before): named "Preamble", shown in the text, a preference stated', async () => {
    const page = await openDraft(owner, 'en')
    await page.getByRole('button', { name: 'Alternatives' }).click()
    await headingGroup(page).waitFor()
    await caretAtEnd(page, page.locator('.legal-text .preamble p').nth(1))
    await page.keyboard.type(' and duties [obligations]')
    const group = panel(page).getByTestId('alternatives-group').filter({ hasText: '[obligations]' })
    await group.waitFor()
    expect(await group.locator('.alternatives-where strong').textContent()).toBe('Preamble')
    expect(await group.getByTestId('alternatives-option').allTextContents()).toEqual([expect.stringMatching(/^duties \(current wording\)/), expect.stringMatching(/^\[obligations\]/)])

    // "Show in text" puts the caret at the group, in the preamble's second paragraph.
    await page.locator('.legal-text article.article').last().click()
    await group.getByRole('button', { name: 'Show in text' }).click()
    const caret = () =>
      page.evaluate(() => {
        const s = getSelection()!
        const paragraph = s.anchorNode?.parentElement?.closest('.preamble p')
        return paragraph ? `${[...paragraph.parentElement!.children].indexOf(paragraph)}: ${s.anchorNode!.textContent!.slice(s.anchorOffset, s.anchorOffset + 12)}` : null
      })
    await expect.poll(caret).toBe('1: duties [obli')

    await group.getByRole('button', { name: 'Support “obligations” for SEC' }).click()
    await expect.poll(() => group.getByTestId('alternatives-option').filter({ hasText: '[obligations]' }).getByTestId('alternatives-supporters').textContent()).toBe('SEC')
    const stored = await owner.json<PreferencesOverview>(`/api/documents/${docId}/alternatives/preferences`)
    expect(stored.preferences.filter((p) => p.blockId === 'preamble').map((p) => [p.organization.shortName, p.option])).toEqual([['SEC', 'obligations']])
    await page.waitForSelector(SAVED)
    expect(errors.flat()).toEqual([])
  })

  it('follows the text: a group typed in appears, as text; rewording the chosen option leaves its preference "no longer in the text"', async () => {
    const page = await openDraft(owner, 'en')
    await page.getByRole('button', { name: 'Alternatives' }).click()
    await headingGroup(page).waitFor()
    const groups = panel(page).getByTestId('alternatives-group')
    const before = await groups.count()
    const heading = page.locator('.legal-text article.article', { hasText: 'Non-liability' }).locator('.article-heading')
    await heading.click()
    await page.keyboard.press('End')
    // Markup typed into the text is shown as text, never as HTML.
    await page.keyboard.type(' [<i>adults</i>]')
    await expect.poll(() => groups.count()).toBe(before + 1)
    const typed = groups.filter({ hasText: '[<i>adults</i>]' })
    expect(await typed.count()).toBe(1)
    expect(await typed.locator('i').count()).toBe(0)
    expect(await panel(page).getByTestId('alternatives-stale').count()).toBe(0)

    // The ministry chose "Non-liability" (previous test): reworded, its preference has no group left.
    await page.keyboard.press('Home')
    await page.keyboard.type('Full ')
    await page.keyboard.press('Delete')
    await page.keyboard.type('n')
    const stale = panel(page).getByTestId('alternatives-stale')
    await stale.waitFor()
    expect(await stale.textContent()).toContain('For a wording no longer in the text')
    expect(await stale.textContent()).toContain('MoJ preferred “Non-liability” among: Non-liability / non-punishment')
    expect(await groups.filter({ hasText: /(^|[^N])non-liability \(current wording\)/ }).count()).toBe(1)
    await page.waitForSelector(SAVED)
    expect(errors.flat()).toEqual([])
  })
})
