/**
 * Makes docs/screenshot.png: two people editing the sample law. Run after `npm run build`:
 *   npx tsx scripts/screenshot.ts [out.png] [--ru]
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startAccordServer } from '../server/app'
import { contextFor, launchBrowser } from '../tests/helpers/browser'

const out = process.argv[2] ?? 'docs/screenshot.png'
const dataDir = mkdtempSync(join(tmpdir(), 'accord-shot-'))
const server = await startAccordServer({ port: 0, dataDir, logLevel: 'warn', seed: true })
const browser = await launchBrowser()
try {
  const anna = await contextFor(browser, { name: 'Anna Petrova', organization: 'Secretariat' })
  const boris = await contextFor(browser, { name: 'Boris Lee', organization: 'Ministry of Justice' })
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
