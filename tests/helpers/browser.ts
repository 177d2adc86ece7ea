import { existsSync } from 'node:fs'
import { chromium, type Browser, type BrowserContext, type JSHandle, type Locator, type Page } from 'playwright-core'
import { SYNC_PATH } from '../../shared/protocol'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/**
 * Chromium features switched off. Since Chromium 15x every new window (each browser context
 * here) starts the address bar's drop-down as a page of its own ("WebUI Top Renderer",
 * chrome://omnibox-popup.top-chrome): ~1.5 s of main-thread work in another process, which
 * on two cores took the CPU from the page being opened or typed into (a traced cold open:
 * 1,881 ms with it, 942 ms without). A headless browser shows no address bar; Puppeteer
 * switches the two off by default for the same reason. Chromium keeps only the last
 * `--disable-features`, so the list also repeats playwright-core 1.65.1's own
 * (tests/integration/browserSwitches.test.ts checks it against the installed Playwright).
 */
export const DISABLED_FEATURES = [
  'WebUIOmniboxPopup',
  'WebUIOmniboxAimPopup',
  // Playwright's defaults.
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
]

/** The editor's sync connections, as `page.routeWebSocket` matches them. */
export const SYNC_SOCKET = new RegExp(SYNC_PATH)

/** Debian's Chromium; a missing browser fails the suite, it never skips it. `extraArgs` are added to its switches. */
export async function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH`)
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--disable-features=${DISABLED_FEATURES.join(',')}`,
      ...extraArgs,
    ],
  })
}

/** The window every test and benchmark page has (a laptop's). */
export const WINDOW = { width: 1400, height: 900 }

/**
 * A browser context on the English interface (or `language`'s, until the page switches it); with
 * an account, already signed in (its session cookie set for the server's origin).
 */
export async function contextFor(
  browser: Browser,
  baseUrl: string,
  account?: { cookie: string },
  { language = 'en' }: { language?: 'en' | 'ru' } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: WINDOW })
  await context.addInitScript((lang) => {
    if (!localStorage.getItem('accord.uiLanguage')) localStorage.setItem('accord.uiLanguage', lang)
  }, language)
  if (account) {
    const [name, value] = account.cookie.split('=')
    await context.addCookies([{ name, value, url: baseUrl, httpOnly: true, sameSite: 'Lax' }])
  }
  return context
}

/**
 * Collects the page's errors, as they happen, into `errors` (returned), so a test can assert none
 * happened. Keep the array itself: a copy made now (`[...trackErrors(page)]`) stays empty.
 */
export function trackErrors(page: Page, errors: string[] = []): string[] {
  page.on('pageerror', (err) => errors.push(err.message))
  return errors
}

/** Labels of all articles in the editor, in order, with their stable ids. */
export async function articleLabels(page: Page): Promise<{ id: string; label: string; heading: string }[]> {
  return page.$$eval('.legal-text article.article', (articles) =>
    articles.map((a) => {
      const heading = a.querySelector('.article-heading')
      // Remote carets and their labels live inside the text's DOM: leave them out.
      const copy = heading?.cloneNode(true) as HTMLElement | undefined
      copy?.querySelectorAll('.collaboration-carets__caret').forEach((c) => c.remove())
      return { id: a.getAttribute('data-id') ?? '', label: heading?.getAttribute('data-label') ?? '', heading: copy?.textContent?.replace(/\u2060/g, '') ?? '' }
    }),
  )
}

/** The text of every block of the editor, one per line, without remote caret labels. */
export async function editorText(page: Page): Promise<string> {
  return page.$eval('.legal-text', (root) => {
    const copy = root.cloneNode(true) as HTMLElement
    copy.querySelectorAll('.collaboration-carets__caret').forEach((c) => c.remove())
    return [...copy.querySelectorAll('h1, h2, h3, p')].map((el) => `${el.getAttribute('data-label') ?? ''} ${el.textContent ?? ''}`.replace(/\u2060/g, '')).join('\n')
  })
}

/** Selects `words` in the n-th article (0-based), or in the element a selector names, as a person dragging over them would. */
export async function selectWords(page: Page, article: number | string, words: string): Promise<void> {
  await selectInEditor(page, () =>
    page.evaluateHandle(
      ({ article, words }) => {
        const element = typeof article === 'string' ? document.querySelector(article)! : document.querySelectorAll('.legal-text article.article')[article]
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT)
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const index = node.textContent!.indexOf(words)
          if (index < 0) continue
          return new StaticRange({ startContainer: node, startOffset: index, endContainer: node, endOffset: index + words.length })
        }
        throw new Error(`"${words}" not found`)
      },
      { article, words },
    ),
  )
}

/** Puts the caret at the very end of a block of the text (End only reaches the end of a visual line). */
export async function caretAtEnd(page: Page, block: Locator): Promise<void> {
  await selectInEditor(page, () =>
    block.evaluateHandle((element) => {
      const end = element.childNodes.length
      return new StaticRange({ startContainer: element, startOffset: end, endContainer: element, endOffset: end })
    }),
  )
}

/** How many times selectInEditor makes its range again when a co-author's edit redrew the text under it first. */
const REDRAWN_TRIES = 20

/**
 * Selects in the editor the range that `find` makes in the page, and waits until the editor has
 * taken it, so that the next keys act on it. ProseMirror reads a selection set by a script on
 * `selectionchange` (not while the editor has no focus), and until then puts its own back
 * whenever it redraws: after gaining focus, or for a co-author's caret. Keys pressed then act on
 * its old selection (words typed landed at the start of the law), so this selects again until
 * taken. `find` makes a StaticRange: a live Range goes to the start of its text when a
 * co-author's edit redraws the text before this has read it; a StaticRange's text is then no
 * longer in the page, and `find` makes the range again.
 */
export async function selectInEditor(page: Page, find: () => Promise<JSHandle<StaticRange>>): Promise<void> {
  await page.evaluate(() => document.querySelector<HTMLElement>('.legal-text')!.focus({ preventScroll: true }))
  for (let tries = 1; ; tries++) {
    const range = await find()
    const outcome = await range.evaluate(async (r) => {
      if (!r.startContainer.isConnected || !r.endContainer.isConnected) return 'redrawn'
      type Editor = { view: { posAtDOM(node: Node, offset: number): number; domAtPos(pos: number): { node: Node; offset: number } }; state: { selection: { anchor: number; head: number } } }
      const editor = (document.querySelector('.legal-text') as Element & { editor: Editor }).editor
      const { view } = editor
      // In the editor's positions, which a co-author's edit after them leaves where they are.
      const anchor = view.posAtDOM(r.startContainer, r.startOffset)
      const head = view.posAtDOM(r.endContainer, r.endOffset)
      const taken = () => editor.state.selection.anchor === anchor && editor.state.selection.head === head
      for (let attempt = 0; attempt < 100 && !taken(); attempt++) {
        const [from, to] = [view.domAtPos(anchor), view.domAtPos(head)]
        getSelection()!.setBaseAndExtent(from.node, from.offset, to.node, to.offset)
        await new Promise((resolve) => setTimeout(resolve, 30))
      }
      return taken() ? 'taken' : 'refused'
    })
    if (outcome === 'taken') return
    if (outcome === 'refused') throw new Error('the editor did not take the selection in 3 s')
    if (tries === REDRAWN_TRIES) throw new Error(`the text under the range to select was redrawn ${REDRAWN_TRIES} times before it could be read`)
  }
}
