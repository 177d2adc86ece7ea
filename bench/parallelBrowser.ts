/**
 * Language versions in Chromium: the 300-article law in English and its Russian language
 * version (made through the API, as the Languages dialog makes it, then translated: the
 * Russian generated law with the same ids, 5% of it reworded, one article inserted and one
 * moved); Languages → Side by side → the two texts shown row by row, every row rendered and a
 * frame painted.
 */
import type { Browser } from 'playwright-core'
import type { Account } from '../tests/helpers/accounts'
import { editLaw } from '../shared/diff/testing/editLaw'
import { generateLaw } from '../shared/diff/testing/generateLaw'
import { alignLanguageVersions } from '../shared/languageVersions'
import { connect } from './lib/clients'
import { FULL_LAW_ARTICLES, law, loadLaw } from './lib/law'
import { median } from './lib/stats'
import { openFresh } from './lib/editorReady'
import { newDocument, serverHas } from './lib/documents'
import { msUntilPainted } from './lib/painted'
import type { ServerTarget } from './servers/target'

const RUNS = 3

export interface ParallelBrowserResult {
  /** Click on Side by side → the summary and every row rendered and painted (median). */
  shownMedianMs: number
  shownMs: number[]
  rows: number
  /** Rows marked for the translator (reworded in one language only, inserted, renumbered). */
  rowsWithIssues: number
}

export async function sideBySideInBrowser(browser: Browser, target: ServerTarget, admin: Account): Promise<ParallelBrowserResult> {
  const baseUrl = `http://127.0.0.1:${target.port}`
  const spec = await newDocument(target, 'Generated law, in two languages')
  const english = law(FULL_LAW_ARTICLES)
  const russian = editLaw(generateLaw({ articles: FULL_LAW_ARTICLES, language: 'ru' }), { language: 'ru' })
  const expected = alignLanguageVersions(english, 'en', russian, 'ru')
  const loader = connect(spec)
  let translator: ReturnType<typeof connect> | null = null
  try {
    await loader.synced
    loadLaw(loader.ydoc, english)
    await serverHas(admin, spec.doc, english)
    const version = await admin.json<{ id: string }>(`/api/documents/${spec.doc}/language-versions`, { method: 'POST', body: JSON.stringify({ language: 'ru' }) })
    translator = connect({ ...spec, doc: version.id })
    await translator.synced
    loadLaw(translator.ydoc, russian)
    await serverHas(admin, version.id, russian)
    const shown: number[] = []
    for (let run = 0; run < RUNS; run++) {
      const { after: ms } = await openFresh(browser, baseUrl, `${baseUrl}/d/${spec.doc}`, admin.cookie, {
        after: async (page) => {
          await page.waitForSelector('[data-testid="sync-status"][data-state="saved"]', { timeout: 60_000 })
          await page.getByTestId('languages').click()
          const sideBySide = page.getByTestId('side-by-side')
          await sideBySide.waitFor({ timeout: 30_000 })
          // The summary comes in the same commit as the rows.
          const ms = await msUntilPainted(page, '[data-testid="parallel-summary"]', () => sideBySide.click())
          const rows = await page.getByTestId('parallel-row').count()
          if (rows !== expected.rows.length) throw new Error(`side by side: ${rows} rows shown, ${expected.rows.length} expected`)
          return ms
        },
      })
      shown.push(ms)
    }
    return { shownMedianMs: median(shown), shownMs: shown, rows: expected.rows.length, rowsWithIssues: expected.rows.filter((r) => r.issues.length > 0).length }
  } finally {
    translator?.destroy()
    loader.destroy()
  }
}
