/**
 * Sections 2b and 3, in headless Chromium against Accord (production build in dist/client):
 * navigation → rendered, editable editor on the 300-article law (median of 5, each in a
 * fresh signed-in context: empty cache, empty IndexedDB), and keypress → painted frame while
 * 5 remote writers type (and move their carets) elsewhere in the same law.
 */
import type { Browser, Page } from 'playwright-core'
import { contextFor, launchBrowser } from '../tests/helpers/browser'
import { connect } from './lib/clients'
import { accordAdmin, newDocument } from './lib/documents'
import { FULL_LAW_ARTICLES, law, loadLaw, topLevelCount } from './lib/law'
import { distribution, median, sleep, type Distribution } from './lib/stats'
import { startWorkers } from './lib/workers'
import { startServer } from './servers/target'

export interface ColdOpenBrowserResult {
  /** navigation → editor with every article rendered, editable, and a frame painted. */
  medianMs: number
  samplesMs: number[]
  /** navigation → the editor element exists (app and editor bundle loaded, not yet filled). */
  editorMountedMedianMs: number
}

export interface TypingResult {
  keypresses: number
  remoteWriters: number
  remoteRatePerSecond: number
  latency: Distribution
}

export interface BrowserBenchResult {
  chromium: string
  coldOpen: ColdOpenBrowserResult
  typing: TypingResult
}

const COLD_RUNS = 5
const KEYPRESSES = 200
const REMOTE_WRITERS = 5
const REMOTE_RATE = 5
/** The user types in this clause (article 3, on screen); remote writers in these. */
const USER_CLAUSE = 4
const REMOTE_CLAUSES = [7, 150, 300, 450, 550]

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

async function waitEditable(page: Page): Promise<{ editable: number; mounted: number }> {
  await page.waitForFunction(() => (window as unknown as { __accordEditable?: number }).__accordEditable !== undefined, undefined, { timeout: 60_000, polling: 50 })
  return page.evaluate(() => {
    const w = window as unknown as { __accordEditable: number; __accordMounted: number }
    return { editable: w.__accordEditable, mounted: w.__accordMounted }
  })
}

async function coldOpen(browser: Browser, baseUrl: string, docUrl: string, cookie: string): Promise<ColdOpenBrowserResult> {
  const samples: number[] = []
  const mounted: number[] = []
  for (let i = 0; i < COLD_RUNS + 1; i++) {
    const context = await contextFor(browser, baseUrl, { cookie })
    try {
      await context.addInitScript(readinessScript(FULL_LAW_ARTICLES))
      const page = await context.newPage()
      await page.goto(docUrl, { waitUntil: 'commit' })
      const t = await waitEditable(page)
      if (i === 0) continue // warm-up: the server's own caches and Chromium's start
      samples.push(t.editable)
      mounted.push(t.mounted)
    } finally {
      await context.close()
    }
  }
  return { medianMs: median(samples), samplesMs: samples, editorMountedMedianMs: median(mounted) }
}

async function typing(browser: Browser, baseUrl: string, docUrl: string, cookie: string): Promise<number[]> {
  const context = await contextFor(browser, baseUrl, { cookie })
  try {
    await context.addInitScript(readinessScript(FULL_LAW_ARTICLES))
    const page = await context.newPage()
    await page.goto(docUrl, { waitUntil: 'commit' })
    await waitEditable(page)
    await page.locator('.legal-text p.clause').nth(USER_CLAUSE).click()
    // Strings, not functions: tsx would wrap named closures in a helper the page does not have.
    await page.evaluate(`(() => {
      window.__keyLatency = []
      document.addEventListener('keydown', (event) => {
        const pressed = event.timeStamp
        // The rAF after the keystroke is the frame that shows it; the task after it runs once painted.
        requestAnimationFrame(() => setTimeout(() => {
          window.__keyLatency.push(performance.now() - pressed)
          window.__painted?.()
        }, 0))
      }, true)
    })()`)
    const text = 'the parties shall cooperate in good faith '
    for (let i = 0; i < KEYPRESSES; i++) {
      await page.keyboard.type(text[i % text.length])
      // Told by the page when the frame is painted (no polling in the page while we wait).
      await page.evaluate(`new Promise((resolve) => {
        const done = () => window.__keyLatency.length >= ${i + 1}
        if (done()) resolve()
        else window.__painted = () => done() && resolve()
      })`)
      await sleep(20 + Math.random() * 40)
    }
    const typed = await page.locator('.legal-text p.clause').nth(USER_CLAUSE).textContent()
    if (!typed?.includes(text.slice(0, 20))) throw new Error('typing benchmark: the typed text is not in the paragraph')
    return page.evaluate('window.__keyLatency') as Promise<number[]>
  } finally {
    await context.close()
  }
}

export async function runBrowserBenchmark(log: (line: string) => void): Promise<BrowserBenchResult> {
  const target = await startServer('accord')
  const browser = await launchBrowser()
  const [worker] = startWorkers(1)
  const json = law(FULL_LAW_ARTICLES)
  try {
    const baseUrl = `http://127.0.0.1:${target.port}`
    const admin = await accordAdmin(target)
    const spec = await newDocument(target, 'Generated law (300 articles)')
    const loader = connect(spec)
    await loader.synced
    loadLaw(loader.ydoc, json)
    const docUrl = `${baseUrl}/d/${spec.doc}`

    const cold = await coldOpen(browser, baseUrl, docUrl, admin.cookie)
    log(`  cold open (navigation → editable, 300 articles): median ${cold.medianMs.toFixed(0)} ms ` +
      `(editor mounted at ${cold.editorMountedMedianMs.toFixed(0)} ms); runs ${cold.samplesMs.map((s) => s.toFixed(0)).join(', ')}`)

    await worker.request({ cmd: 'open', spec, count: REMOTE_WRITERS, expectTopLevel: topLevelCount(json), parallel: REMOTE_WRITERS, timeoutMs: 60_000 })
    await worker.request({
      cmd: 'write',
      writers: REMOTE_CLAUSES.map((clause, i) => ({ client: i, writerId: i, clause })),
      ratePerSecond: REMOTE_RATE,
      awareness: true,
    })
    const samples = await typing(browser, baseUrl, docUrl, admin.cookie)
    await worker.request({ cmd: 'stopWriting' })
    const typingResult: TypingResult = {
      keypresses: samples.length,
      remoteWriters: REMOTE_WRITERS,
      remoteRatePerSecond: REMOTE_RATE,
      latency: distribution(samples),
    }
    log(`  typing with ${REMOTE_WRITERS} remote writers (${REMOTE_RATE} edits/s each): keypress → paint ` +
      `p50 ${typingResult.latency.p50.toFixed(1)} ms, p95 ${typingResult.latency.p95.toFixed(1)} ms, max ${typingResult.latency.max.toFixed(0)} ms`)
    loader.destroy()
    return { chromium: browser.version(), coldOpen: cold, typing: typingResult }
  } finally {
    await worker.request({ cmd: 'close' }).catch(() => undefined)
    worker.kill()
    await browser.close()
    await target.stop()
  }
}
