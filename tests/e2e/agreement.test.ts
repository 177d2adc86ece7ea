import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Locator, Page } from 'playwright-core'
import * as Y from 'yjs'
import type { OrganizationSummary, VersionSummary } from '../../shared/api'
import { startTestServer, type TestServer } from '../helpers/server'
import { caretAtEnd, contextFor, launchBrowser, trackErrors } from '../helpers/browser'
import { createDocument, createMember, createOrganization, grant, organization, setupAdmin, type Account } from '../helpers/accounts'
import { unzipText } from '../helpers/zip'
import { connectClient, nthElement, waitSaved, waitSynced } from '../helpers/clients'
import { waitFor } from '../helpers/waitFor'

const SAVED = '[data-testid="sync-status"][data-state="saved"]'

/**
 * Agreement in the browser: the owner proposes a saved version to two ministries; a member of
 * each records its position in a browser of their own; the version shows "Agreed"; its DOCX
 * export downloads with a cover that says so.
 */

/** Chooses the provision whose option starts with `label` ("Article 2."), as a keyboard user would. */
async function pickProvision(select: Locator, label: string): Promise<void> {
  const texts = await select.locator('option').allTextContents()
  const index = texts.findIndex((text) => text.startsWith(label))
  if (index < 0) throw new Error(`no provision "${label}" among ${texts.join(' | ')}`)
  await select.selectOption({ index })
}

describe('agreement in the browser', () => {
  let server: TestServer
  let browser: Browser
  let owner: Account
  let justice: OrganizationSummary
  let interior: OrganizationSummary
  let docId: string
  let version: VersionSummary
  const pages: Record<'owner' | 'justice' | 'interior', Page | null> = { owner: null, justice: null, interior: null }
  const errors: string[][] = []

  async function openAgreement(who: keyof typeof pages, account: Account): Promise<Page> {
    const context = await contextFor(browser, server.url, account)
    context.setDefaultTimeout(10_000)
    const page = await context.newPage()
    errors.push(trackErrors(page))
    await page.goto(`${server.url}/d/${docId}`)
    await page.waitForSelector(SAVED)
    await page.getByTestId('agreement').click()
    await page.getByTestId('agreement-view').waitFor()
    pages[who] = page
    return page
  }
  const view = (page: Page) => page.getByTestId('agreement-view')
  const positionOf = (page: Page, org: string) => view(page).locator(`[data-testid="position-row"][data-org="${org}"]`)

  beforeAll(async () => {
    server = await startTestServer()
    owner = await setupAdmin(server.url, { displayName: 'Ada Owner', organization: { name: 'Secretariat', shortName: 'SEC', color: '#1f5fa8' } })
    justice = await createOrganization(owner, { name: 'Ministry of Justice', shortName: 'MoJ', color: '#8a2be2' })
    interior = await createOrganization(owner, { name: 'Ministry of Interior', shortName: 'MoI', color: '#2a7d4f' })
    ;({ id: docId } = await createDocument(owner, { title: 'Model Law On Combating Human Trafficking', template: 'sample' }))
    await grant(owner, docId, organization(justice), 'reviewer')
    await grant(owner, docId, organization(interior), 'observer')
    version = await owner.json<VersionSummary>(`/api/documents/${docId}/versions`, { method: 'POST', body: JSON.stringify({ name: 'Council draft' }) })
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('the owner proposes a saved version to the two ministries', async () => {
    const page = await openAgreement('owner', owner)
    await view(page).getByTestId('agreement-empty').waitFor()
    const form = view(page).getByTestId('propose-form')
    await expect.poll(() => form.getByTestId('propose-version').inputValue()).toBe(version.id)
    // The organizations with access come ticked: the owner's own Secretariat is not asked.
    await form.getByLabel('Secretariat').uncheck()
    expect(await form.getByLabel('Ministry of Justice').isChecked()).toBe(true)
    expect(await form.getByLabel('Ministry of Interior').isChecked()).toBe(true)
    await form.getByLabel('Note (optional)').fill('For the council meeting')
    await form.getByTestId('propose-submit').click()

    const proposal = view(page).getByTestId('proposal')
    await expect.poll(() => proposal.getByTestId('agreement-status').first().getAttribute('data-status')).toBe('proposed')
    expect(await view(page).getByTestId('agreement-notice').textContent()).toBe('“Council draft” is proposed for agreement.')
    expect(await proposal.locator('h3').first().textContent()).toContain('Council draft')
    expect(await positionOf(page, 'MoJ').getByTestId('position-badge').textContent()).toBe('No position yet')
    expect(await positionOf(page, 'MoI').getByTestId('position-badge').textContent()).toBe('No position yet')
    expect(await positionOf(page, 'SEC').count()).toBe(0)
    // The owner's organization is not required: no position form, a withdraw button.
    expect(await proposal.getByTestId('position-form').count()).toBe(0)
    expect(await proposal.getByTestId('withdraw').count()).toBe(1)
    // The propose form gives way to why: one proposal at a time.
    expect(await view(page).getByTestId('propose-form').count()).toBe(0)
    expect(await view(page).getByTestId('propose-blocked').textContent()).toBe(
      'One version at a time is proposed for agreement: to propose another, withdraw the one above.',
    )
  })

  it('the position form: says why it cannot be recorded yet, keeps the focus on a control as articles come and go, no space before a colon', async () => {
    const nina = await createMember(owner, interior.id, 'Nina Interior')
    const page = await openAgreement('interior', nina)
    const form = view(page).getByTestId('position-form')
    const record = form.getByTestId('record-position')
    /** The text the record button is described by (aria-describedby), or null. */
    const why = () => record.evaluate((button) => {
      const id = button.getAttribute('aria-describedby')
      return id ? document.getElementById(id)?.textContent ?? '(missing)' : null
    })
    expect(await record.isDisabled()).toBe(true)
    expect(await why()).toBe('To record the position, choose the position on the whole version.')
    await form.getByRole('radio', { name: 'Object', exact: true }).check()
    expect(await why()).toBe('To record the position, write the reservation or objection on the whole version.')
    await form.getByLabel('Objection', { exact: true }).fill('Principles are needed.')
    expect(await record.isDisabled()).toBe(false)
    expect(await why()).toBeNull()

    const focused = () => page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null
      return el ? `${el.tagName}:${el.id ? (document.querySelector(`label[for="${el.id}"]`)?.textContent ?? '') : el.textContent}` : ''
    })
    // Positions may be stated on every provision: the title, the preamble, headings, articles.
    const provisions = form.getByLabel('Provision', { exact: true })
    expect((await provisions.locator('option').allTextContents()).slice(0, 4)).toEqual(['—', 'Title', 'Preamble', 'Chapter I. General provisions'])
    const addArticle = async (label: string, text: string) => {
      await pickProvision(provisions, label)
      await form.getByLabel('Position on the provision').selectOption('object')
      await form.getByLabel('Reservation or objection on the provision').fill(text)
      await form.getByRole('button', { name: 'Add the provision' }).press('Enter')
    }
    await addArticle('Article 1.', 'Principles are needed.')
    // The next article is chosen where this one was (the focus was on the dialog itself).
    await expect.poll(focused).toBe('SELECT:Provision')
    await addArticle('Article 3.', 'Too broad.')
    await expect.poll(focused).toBe('SELECT:Provision')
    const choices = form.getByTestId('article-choices').locator('li')
    expect(await choices.count()).toBe(2)
    expect(await choices.first().textContent()).toMatch(/^Article 1\. .* — Object: Principles are needed\.Remove$/)
    // No gap before the colon: it follows the position's word as text does ("Object  :" before).
    const gap = await choices.first().evaluate((row) => {
      const colon = row.querySelector('.position-text')!
      const range = document.createRange()
      range.selectNodeContents(row)
      range.setEndBefore(colon)
      return colon.getBoundingClientRect().left - range.getBoundingClientRect().right
    })
    expect(Math.abs(gap)).toBeLessThan(1)

    // "Remove": the focus moves to the next row's "Remove", then (no rows left) to the article select.
    await form.getByRole('button', { name: 'Remove' }).first().press('Enter')
    await expect.poll(() => choices.count()).toBe(1)
    await expect.poll(focused).toBe('BUTTON:Remove')
    expect(await choices.first().textContent()).toContain('Too broad.')
    await page.keyboard.press('Enter')
    await expect.poll(() => form.getByTestId('article-choices').count()).toBe(0)
    await expect.poll(focused).toBe('SELECT:Provision')
    await page.context().close()
  })

  it('a member of each ministry records its position in a browser of their own; the version is agreed', async () => {
    const boris = await createMember(owner, justice.id, 'Boris Justice')
    const rita = await createMember(owner, interior.id, 'Rita Interior')

    // The drafts list says first what awaits the ministry, and takes it to the agreement.
    const mojContext = await contextFor(browser, server.url, boris)
    mojContext.setDefaultTimeout(10_000)
    const moj = await mojContext.newPage()
    errors.push(trackErrors(moj))
    await moj.goto(server.url)
    // Another draft, proposed to no one: the filter leaves it out.
    await createDocument(owner, { title: 'Another draft', template: 'empty' }).then(({ id }) => grant(owner, id, organization(justice), 'reviewer'))
    await moj.reload()
    const row = moj.locator(`[data-testid="document-row"][data-doc-id="${docId}"]`)
    expect(await row.getByTestId('document-agreement').textContent()).toBe('Under agreement: “Council draft” · agreed by 0 of 2 · awaiting your organization’s position')
    expect(await moj.getByTestId('document-row').count()).toBe(2)
    await moj.getByLabel('Only those awaiting my organization’s position (1)').check()
    expect(await moj.getByTestId('document-row').count()).toBe(1)
    await row.getByRole('link', { name: 'Under agreement: “Council draft”' }).click()
    await view(moj).waitFor()
    pages.justice = moj
    const mojForm = view(moj).getByTestId('position-form')
    expect(await mojForm.locator('h3').textContent()).toBe('Position of Ministry of Justice')
    await mojForm.getByRole('radio', { name: 'Agree', exact: true }).check()
    await mojForm.getByTestId('record-position').click()
    await expect.poll(() => positionOf(moj, 'MoJ').getAttribute('data-position')).toBe('agree')
    // The button kept the focus while busy (not <body>), and Escape still closes the view.
    expect(await mojForm.getByTestId('record-position').evaluate((el) => el === document.activeElement)).toBe(true)
    await moj.keyboard.press('Escape')
    await view(moj).waitFor({ state: 'detached' })
    await moj.getByTestId('agreement').click()
    expect(await positionOf(moj, 'MoJ').textContent()).toContain('Boris Justice')
    expect(await view(moj).getByTestId('agreement-status').first().getAttribute('data-status')).toBe('proposed')

    const moi = await openAgreement('interior', rita)
    const moiForm = view(moi).getByTestId('position-form')
    await moiForm.getByRole('radio', { name: 'Agree with reservations' }).check()
    await moiForm.getByLabel('Reservations', { exact: true }).fill('Subject to the official translation.')
    // A reservation on one article, chosen from the version's articles (keyboard only).
    await pickProvision(moiForm.getByLabel('Provision', { exact: true }), 'Article 2.')
    await moiForm.getByLabel('Position on the provision').selectOption('reservations')
    await moiForm.getByLabel('Reservation or objection on the provision').fill('“Victim” needs a definition.')
    await moiForm.getByRole('button', { name: 'Add the provision' }).press('Enter')
    await expect.poll(() => moiForm.getByTestId('article-choices').textContent()).toContain('Article 2.')
    await moiForm.getByTestId('record-position').click()

    await expect.poll(() => view(moi).getByTestId('agreement-status').first().getAttribute('data-status')).toBe('agreed')
    const day = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long' }).format(new Date())
    expect(await view(moi).getByTestId('agreed-on').textContent()).toBe(`Agreed on ${day}`)
    expect(await positionOf(moi, 'MoI').getAttribute('data-position')).toBe('reservations')
    const list = await moi.context().newPage()
    await list.goto(server.url)
    expect(await list.locator(`[data-testid="document-row"][data-doc-id="${docId}"]`).getByTestId('document-agreement').textContent()).toMatch(/^Agreed: “Council draft” \(\d{1,2} \w{3} \d{4}, \d{2}:\d{2}\)$/)
    await list.close()
    expect(await positionOf(moi, 'MoI').textContent()).toContain('Subject to the official translation.')
    const articleRow = view(moi).getByTestId('article-row')
    expect(await articleRow.count()).toBe(1)
    expect(await articleRow.locator('th').textContent()).toMatch(/^Article 2\. \S/)
    // Columns in the order the organizations were named (as the form lists them: by name).
    expect(await articleRow.locator('td').allTextContents()).toEqual(['Agrees with reservations“Victim” needs a definition.', '—'])
    // Agreed is final: the form is gone.
    expect(await view(moi).getByTestId('position-form').count()).toBe(0)

    // The others see it: the Ministry of Justice on its refresh button, the owner too.
    await view(moj).getByTestId('agreement-refresh').click()
    await expect.poll(() => view(moj).getByTestId('agreement-status').first().getAttribute('data-status')).toBe('agreed')
    const ownerPage = pages.owner!
    await view(ownerPage).getByTestId('agreement-refresh').click()
    await expect.poll(() => view(ownerPage).getByTestId('agreed-on').textContent()).toBe(`Agreed on ${day}`)
    expect(await view(ownerPage).getByTestId('withdraw').count()).toBe(0)
  })

  it('the agreed text downloads as DOCX whose cover says agreed, with the positions table on request', async () => {
    const page = pages.owner!
    const proposal = view(page).getByTestId('proposal')
    const exportButton = proposal.getByTestId('export')
    expect(await exportButton.textContent()).toContain('Export agreed text')

    await exportButton.click()
    const [download] = await Promise.all([page.waitForEvent('download'), proposal.getByTestId('export-docx').click()])
    expect(download.suggestedFilename()).toBe('Model Law On Combating Human Trafficking.docx')
    const xml = unzipText(new Uint8Array(await readFile((await download.path())!)), 'word/document.xml')
    expect(xml).toContain('Status: </w:t>')
    expect(xml).toContain('>Agreed<')
    expect(xml).toContain('Council draft (')
    expect(xml).toContain('Ministry of Justice (MoJ)')
    expect(xml).not.toContain('Secretariat')
    expect(xml).not.toContain('Positions of the organizations')

    await exportButton.click()
    await proposal.getByTestId('export-positions').click()
    expect(await proposal.getByTestId('export-positions').getAttribute('aria-checked')).toBe('true')
    const [withPositions] = await Promise.all([page.waitForEvent('download'), proposal.getByTestId('export-docx').click()])
    const xml2 = unzipText(new Uint8Array(await readFile((await withPositions.path())!)), 'word/document.xml')
    expect(xml2).toContain('Positions of the organizations')
    expect(xml2).toContain('Subject to the official translation.')
    expect(xml2).toContain('Rita Interior')

    for (const errs of errors) expect(errs).toEqual([])
  })

  it('says when the draft has been edited since the agreed version, and compares the two', async () => {
    const page = pages.owner!
    expect(await view(page).getByTestId('changed-since').count()).toBe(0)
    await view(page).getByRole('button', { name: 'Close' }).first().click()
    await page.locator('.legal-text .clause').first().click()
    await page.keyboard.press('End')
    await page.keyboard.type(' Amended after agreement.')
    await page.waitForSelector(SAVED)
    await page.getByTestId('agreement').click()
    const notice = view(page).getByTestId('changed-since')
    await expect.poll(() => notice.textContent()).toContain('The draft has been edited since this version was saved')
    await notice.getByRole('button', { name: 'Compare with current' }).click()
    const compare = page.getByTestId('compare-view')
    await expect.poll(() => compare.getByTestId('summary-changed').textContent()).toBe(' · changed: 1')
    expect(await compare.textContent()).toContain('Amended after agreement.')
    for (const errs of errors) expect(errs).toEqual([])
  })

  it('offers the newest named version for agreement, not a newer automatic checkpoint', async () => {
    const { id } = await createDocument(owner, { title: 'Second law', template: 'sample' })
    const named = await owner.json<VersionSummary>(`/api/documents/${id}/versions`, { method: 'POST', body: JSON.stringify({ name: 'First reading' }) })
    // An edit after it, and everyone leaves: the server keeps a checkpoint, newer than the named version.
    const editor = connectClient(server.wsUrl, id, { cookie: owner.cookie })
    await waitSynced(editor)
    const clause = nthElement(editor.ydoc, 'article', 0).toArray().find((c): c is Y.XmlElement => c instanceof Y.XmlElement && c.nodeName === 'clause')!
    ;(clause.get(0) as Y.XmlText).insert(0, 'Edited after the first reading. ')
    await waitSaved(editor)
    editor.destroy()
    await waitFor(async () => (await owner.json<VersionSummary[]>(`/api/documents/${id}/versions`))[0]?.kind === 'auto')

    const page = pages.owner!
    await page.goto(`${server.url}/d/${id}`)
    await page.waitForSelector(SAVED)
    await page.getByTestId('agreement').click()
    const choice = view(page).getByTestId('propose-form').getByTestId('propose-version')
    await expect.poll(() => choice.inputValue()).toBe(named.id)
    expect(await choice.locator('option').count()).toBe(3) // the checkpoint, the named version, "save the current text"

    // The named version chosen: Check the text says what it finds in that text, listed in the form.
    const checks = view(page).getByTestId('propose-checks')
    await expect.poll(() => checks.locator('p').first().textContent()).toMatch(/^Check the text finds places to look over in this version: 1\./)
    await checks.getByText('Show them').click()
    expect(await checks.getByTestId('version-check').allTextContents()).toEqual([
      'Article 19, paragraph 2: “Article 4” is typed as words: it will not follow renumbering. Make it a cross-reference (Ctrl+Alt+6)',
    ])
    // Saving the current text to propose it: Check the text says what it finds in it first.
    await choice.selectOption('__new__')
    // The sample's "Article 4 of this Law", typed as words.
    expect(await checks.textContent()).toBe('Check the text finds places to look over in it: 1. Show them')
    await view(page).getByRole('button', { name: 'Close' }).first().click()
    await caretAtEnd(page, page.locator('.legal-text .clause').first())
    await page.keyboard.type('  And more')
    await page.waitForSelector(SAVED)
    await page.getByTestId('agreement').click()
    // The named version is as it was saved; the current text has now the two spaces, and the paragraph no longer ending with a full stop.
    await expect.poll(() => checks.locator('p').first().textContent()).toMatch(/in this version: 1\./)
    await choice.selectOption('__new__')
    expect(await checks.textContent()).toBe('Check the text finds places to look over in it: 3. Show them')
    await checks.getByRole('button', { name: 'Show them' }).click()
    expect(await view(page).count()).toBe(0)
    await expect.poll(() => page.getByTestId('checks-panel').getByTestId('check').count()).toBe(3)
    for (const errs of errors) expect(errs).toEqual([])
  })
})
