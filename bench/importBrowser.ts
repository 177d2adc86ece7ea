/**
 * Importing an existing draft in Chromium: the generated 300-article law as a Word document (as
 * Accord writes it), chosen in the Import dialog a second after it opened → the preview of its
 * structure painted (read in the import's worker); then Create → the new draft open in the
 * editor with all 300 articles painted.
 */
import type { Browser } from 'playwright-core'
import type { Account } from '../tests/helpers/accounts'
import { toDocx } from '../shared/export/docx'
import { DOCX_CONTENT_TYPE } from '../shared/apiConstants'
import { FULL_LAW_ARTICLES, law } from './lib/law'
import { median, sleep } from './lib/stats'
import { contextFor } from '../tests/helpers/browser'
import { msUntilPainted } from './lib/painted'
import type { ServerTarget } from './servers/target'

const RUNS = 3
/** The dialog is open this long before the file is chosen: a file picker takes a person at least that. */
const PICKING_MS = 1000

export interface ImportBrowserResult {
  /** File chosen → the preview painted (median). */
  previewMedianMs: number
  previewMs: number[]
  /** Create → the draft open in the editor, every article painted (median). */
  createdMedianMs: number
  createdMs: number[]
  docxKb: number
}

export async function importInBrowser(browser: Browser, target: ServerTarget, admin: Account): Promise<ImportBrowserResult> {
  const baseUrl = `http://127.0.0.1:${target.port}`
  const docx = Buffer.from(await toDocx(law(FULL_LAW_ARTICLES), { title: 'Generated law', language: 'en', status: 'draft', date: '2026-01-01', organizations: [] }))
  const preview: number[] = []
  const created: number[] = []
  for (let run = 0; run < RUNS; run++) {
    const context = await contextFor(browser, baseUrl, { cookie: admin.cookie })
    try {
      const page = await context.newPage()
      await page.goto(baseUrl)
      await page.getByTestId('import-document').click()
      const input = page.getByTestId('import-file')
      await input.waitFor({ state: 'attached' })
      await sleep(PICKING_MS)
      const previewMs = await msUntilPainted(page, '[data-testid="import-preview"]', () =>
        input.setInputFiles({ name: `Generated law ${run}.docx`, mimeType: DOCX_CONTENT_TYPE, buffer: docx }),
      )
      const articles = await page.getByTestId('preview-counts').locator('[data-count="articles"] dd').textContent()
      if (articles !== String(FULL_LAW_ARTICLES)) throw new Error(`import preview: ${articles} articles, ${FULL_LAW_ARTICLES} expected`)
      // The app moves to the editor without reloading the page: the watch goes on there.
      const createdMs = await msUntilPainted(page, '.legal-text article.article', () => page.getByTestId('import-confirm').click(), { count: FULL_LAW_ARTICLES })
      await page.waitForURL(/\/d\/[0-9a-z]{16}$/)
      preview.push(previewMs)
      created.push(createdMs)
    } finally {
      await context.close()
    }
  }
  return { previewMedianMs: median(preview), previewMs: preview, createdMedianMs: median(created), createdMs: created, docxKb: docx.byteLength / 1024 }
}
