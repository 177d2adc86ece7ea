/**
 * Comparing versions in Chromium: the 300-article law saved as a version, then edited as the
 * diff benchmark edits it (5% of the articles reworded, one inserted at the top, one moved);
 * History → Compare with the current text → the summary and every changed article shown, then
 * the comparative table. Also the comparison's size on the wire, plain and gzipped.
 */
import { gzipSync } from 'node:zlib'
import type { Browser } from 'playwright-core'
import type { Account } from '../tests/helpers/accounts'
import { editLaw } from '../shared/diff/testing/editLaw'
import { connect } from './lib/clients'
import { newDocument, serverHas } from './lib/documents'
import { FULL_LAW_ARTICLES, law, loadLaw } from './lib/law'
import { median } from './lib/stats'
import { openFresh } from './lib/editorReady'
import { msUntilPainted } from './lib/painted'
import type { ServerTarget } from './servers/target'

const RUNS = 3

export interface CompareBrowserResult {
  /** Click on Compare → the summary and every changed article rendered and painted (median). */
  changesMedianMs: number
  changesMs: number[]
  /** Click on the comparative table's tab → its rows rendered and painted (median). */
  tableMedianMs: number
  changedArticles: number
  /** The comparison's JSON as sent, and gzipped as a browser receives it. */
  wireKb: number
  gzipKb: number
}

export async function compareInBrowser(browser: Browser, target: ServerTarget, admin: Account): Promise<CompareBrowserResult> {
  const baseUrl = `http://127.0.0.1:${target.port}`
  const spec = await newDocument(target, 'Generated law, compared')
  const loader = connect(spec)
  try {
    await loader.synced
    const before = law(FULL_LAW_ARTICLES)
    loadLaw(loader.ydoc, before)
    await serverHas(admin, spec.doc, before)
    const version = await admin.json<{ id: string }>(`/api/documents/${spec.doc}/versions`, { method: 'POST', body: JSON.stringify({ name: 'Round 1' }) })
    const after = editLaw(before)
    loadLaw(loader.ydoc, after)
    await serverHas(admin, spec.doc, after)
    const wire = await (await admin.api(`/api/documents/${spec.doc}/compare?from=${version.id}&to=current`, { headers: { 'Accept-Encoding': 'identity' } })).text()
    const changes: number[] = []
    const tables: number[] = []
    let changedArticles = 0
    // No warm-up run: the server has just compared the two (`wire`), and the browser opened the law many times.
    for (let run = 0; run < RUNS; run++) {
      const { after: measured } = await openFresh(browser, baseUrl, `${baseUrl}/d/${spec.doc}`, admin.cookie, {
        after: async (page) => {
          await page.waitForSelector('[data-testid="sync-status"][data-state="saved"]', { timeout: 60_000 })
          await page.getByTestId('history').click()
          await page.getByTestId('version-row').first().waitFor()
          const changeMs = await msUntilPainted(page, '[data-testid="compare-summary"]', () =>
            page.getByTestId('history-panel').getByRole('button', { name: 'Compare', exact: true }).click(),
          )
          const articles = await page.getByTestId('diff-article').count()
          const tableMs = await msUntilPainted(page, '[data-testid="comparative-row"]', () =>
            page.getByTestId('compare-view').getByRole('tab', { name: 'Comparative table' }).click(),
          )
          return { changeMs, tableMs, articles }
        },
      })
      changedArticles = measured.articles
      changes.push(measured.changeMs)
      tables.push(measured.tableMs)
    }
    return {
      changesMedianMs: median(changes),
      changesMs: changes,
      tableMedianMs: median(tables),
      changedArticles,
      wireKb: Buffer.byteLength(wire) / 1024,
      gzipKb: gzipSync(wire).byteLength / 1024,
    }
  } finally {
    loader.destroy()
  }
}
