import type { Browser, Page } from 'playwright-core'
import { contextFor } from '../../tests/helpers/browser'
import { FULL_LAW_ARTICLES } from './law'
import { sleep } from './stats'

/** Marks when the editor is mounted and when it is filled, editable and painted. */
function readinessScript(expectedArticles: number): string {
  return `(() => {
    const check = () => {
      const editor = document.querySelector('.ProseMirror[contenteditable="true"]')
      if (editor && window.__accordMounted === undefined) window.__accordMounted = performance.now()
      if (editor && editor.querySelectorAll('article.article').length >= ${expectedArticles}) {
        // Scheduled inside the frame's rAF: runs once that frame is produced.
        setTimeout(() => { window.__accordEditable = performance.now() }, 0)
        return
      }
      requestAnimationFrame(check)
    }
    requestAnimationFrame(check)
  })()`
}

/**
 * Waits for the readiness script's marks, asking over DevTools' Runtime.evaluate. Not
 * `page.waitForFunction`: that first injects Playwright's own script into the page (~40 ms of
 * the page's main thread here, right when the app's code has arrived), which no user's browser
 * runs.
 */
async function waitEditable(page: Page): Promise<{ editable: number; mounted: number }> {
  const cdp = await page.context().newCDPSession(page)
  try {
    const deadline = performance.now() + 60_000
    let lastError: unknown = null
    for (;;) {
      try {
        const { result } = await cdp.send('Runtime.evaluate', {
          expression: 'window.__accordEditable === undefined ? null : [window.__accordEditable, window.__accordMounted]',
          returnByValue: true,
        })
        if (Array.isArray(result.value)) return { editable: result.value[0], mounted: result.value[1] }
      } catch (err) {
        lastError = err // the page between documents (no context to evaluate in yet): asked again
      }
      if (performance.now() > deadline) throw new Error('the editor was not editable within 60 s', { cause: lastError })
      await sleep(50)
    }
  } finally {
    await cdp.detach().catch(() => undefined)
  }
}

/**
 * Opens the law at `docUrl` in a fresh signed-in context (empty cache and IndexedDB) and waits
 * until every article is rendered, editable and painted (`articles`: how many the law has, the
 * 300 of the full law unless said); `prepare` sets the page up before it navigates, `after` reads
 * it before the context is closed.
 */
export async function openFresh<T = void>(
  browser: Browser,
  baseUrl: string,
  docUrl: string,
  cookie: string,
  hooks: { prepare?: (page: Page) => Promise<void>; after?: (page: Page) => Promise<T> | T; articles?: number } = {},
): Promise<{ editable: number; mounted: number; after: T }> {
  const context = await contextFor(browser, baseUrl, { cookie })
  try {
    await context.addInitScript(readinessScript(hooks.articles ?? FULL_LAW_ARTICLES))
    const page = await context.newPage()
    await hooks.prepare?.(page)
    await page.goto(docUrl, { waitUntil: 'commit' })
    const times = await waitEditable(page)
    // Without `after`, T is void and so is what it gives.
    return { ...times, after: (await hooks.after?.(page)) as T }
  } finally {
    await context.close()
  }
}
