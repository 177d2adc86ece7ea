import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { DISABLED_FEATURES, launchBrowser } from '../helpers/browser'

/**
 * The browser every browser test and the benchmark drive (tests/helpers/browser.ts). Chromium
 * keeps only the last `--disable-features` switch: ours replaces Playwright's, so it must carry
 * every feature Playwright switches off, read here from the installed playwright-core (an
 * upgrade that adds one fails here instead of quietly turning it back on).
 */
function playwrightDisabledFeatures(): string[] {
  const require = createRequire(import.meta.url)
  const bundle = fs.readFileSync(path.join(path.dirname(require.resolve('playwright-core/package.json')), 'lib/coreBundle.js'), 'utf8')
  const list = /disabledFeatures = \[([\s\S]*?)\]\.filter\(Boolean\)/.exec(bundle)?.[1]
  if (!list) throw new Error("playwright-core's list of disabled Chromium features was not found in lib/coreBundle.js")
  return [...list.matchAll(/^\s*"([A-Za-z]+)",?\s*$/gm)].map((m) => m[1])
}

describe('Chromium switches of the test and benchmark browser', () => {
  it("switch off every feature Playwright does, and the address bar's drop-down page", () => {
    const playwrights = playwrightDisabledFeatures()
    expect(playwrights).toContain('PaintHolding')
    expect(DISABLED_FEATURES).toEqual(expect.arrayContaining(playwrights))
    expect(DISABLED_FEATURES).toEqual(expect.arrayContaining(['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup']))
  })
  it("opens pages without starting the address bar's drop-down page in each window", async () => {
    const browser = await launchBrowser()
    try {
      const context = await browser.newContext()
      await (await context.newPage()).setContent('<p>Article 1</p>')
      const cdp = await browser.newBrowserCDPSession()
      const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { type: string; url: string }[] }
      expect(targetInfos.map((t) => t.url)).toContain('about:blank')
      expect(targetInfos.filter((t) => t.url.startsWith('chrome://omnibox-popup'))).toEqual([])
    } finally {
      await browser.close()
    }
  })
})
