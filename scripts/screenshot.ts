/**
 * Makes docs/screenshot.png: two people editing the sample law. Run after `npm run build`:
 *   npx tsx scripts/screenshot.ts [out.png] [--ru]
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startAccordServer } from '../server/app'
import { contextFor, launchBrowser } from '../tests/helpers/browser'
import { createMember, createOrganization, grant, organization, setupAdmin } from '../tests/helpers/accounts'

const out = process.argv[2] ?? 'docs/screenshot.png'
const dataDir = mkdtempSync(join(tmpdir(), 'accord-shot-'))
const server = await startAccordServer({ port: 0, dataDir, logLevel: 'warn', seed: true, passwordCost: 10 })
const browser = await launchBrowser()
try {
  const annaAccount = await setupAdmin(server.url, { displayName: 'Anna Petrova', organization: { name: 'Secretariat', shortName: 'Secretariat', color: '#1f5fa8' } })
  const justice = await createOrganization(annaAccount, { name: 'Ministry of Justice', shortName: 'Ministry of Justice', color: '#2d7a3e' })
  const borisAccount = await createMember(annaAccount, justice.id, 'Boris Lee')
  const [sample] = await annaAccount.json<{ id: string }[]>('/api/documents')
  await grant(annaAccount, sample.id, organization(justice), 'drafter')
  const anna = await contextFor(browser, server.url, annaAccount)
  const boris = await contextFor(browser, server.url, borisAccount)
  const pageA = await anna.newPage()
  const pageB = await boris.newPage()
  await pageA.goto(server.url)
  await pageA.getByTestId('document-row').first().getByRole('link').click()
  await pageA.waitForSelector('[data-state="saved"]')
  await pageB.goto(pageA.url())
  await pageB.waitForSelector('[data-state="saved"]')
  await pageB.locator('article.article').nth(2).locator('.point').first().click()
  await pageB.keyboard.press('End')
  await pageB.keyboard.type(' and of every victim')
  await pageA.locator('article.article').nth(2).locator('.article-heading').click()
  await pageA.keyboard.press('End')
  await pageA.waitForTimeout(500)
  await pageA.screenshot({ path: out })
  console.log(`wrote ${out}`)
} finally {
  await browser.close()
  await server.close()
  rmSync(dataDir, { recursive: true, force: true })
}
