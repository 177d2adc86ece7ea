import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DevtoolsKeys, launchBenchBrowser } from '../../bench/lib/devtoolsKeys'

/**
 * The typing benchmarks press keys over a DevTools connection of their own (bench/lib/devtoolsKeys.ts)
 * instead of Playwright's keyboard, to keep the harness off the cores while the page handles a
 * key. They must still type as a person does: the same trusted events, the same text.
 */
const PAGE = `<div contenteditable="true" id="typed"><p>Article</p></div><script>
  window.seen = []
  const typed = document.getElementById('typed')
  for (const type of ['keydown', 'keypress', 'beforeinput', 'input', 'keyup']) {
    typed.addEventListener(type, (e) => window.seen.push([type, e.isTrusted, e.key ?? '', e.code ?? '', e.keyCode ?? 0, e.inputType ?? '', e.data ?? '']))
  }
</script>`

const KEYS = ['a', 'b', ' ', '1', 'Enter', 'x', 'Backspace', 'Backspace']

async function typedWith(page: Page, press: (key: string) => Promise<void>) {
  await page.setContent(PAGE)
  await page.locator('#typed p').click()
  await page.keyboard.press('End')
  for (const key of KEYS) await press(key)
  return { seen: await page.evaluate('window.seen'), html: await page.locator('#typed').innerHTML() }
}

describe("the typing benchmarks' keys", () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBenchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it("type as Playwright's keyboard does: the same trusted events, the same text", async () => {
    const page = await browser.newPage()
    const byPlaywright = await typedWith(page, (key) => (key.length === 1 ? page.keyboard.type(key) : page.keyboard.press(key)))
    const devtools = await DevtoolsKeys.attach(page)
    try {
      const byDevtools = await typedWith(page, (key) => devtools.press(key))
      expect(byDevtools).toEqual(byPlaywright)
      expect(byDevtools.html).toBe('<p>Articleab 1</p>')
      expect(byDevtools.seen).toContainEqual(['beforeinput', true, '', '', 0, 'insertParagraph', ''])
      expect(await devtools.evaluate('new Promise((resolve) => requestAnimationFrame(() => resolve(window.seen.length)))')).toBe((byDevtools.seen as unknown[]).length)
    } finally {
      devtools.close()
    }
  })

  it('refuses a key it cannot describe, in words', async () => {
    const page = await browser.newPage()
    await page.setContent(PAGE)
    const devtools = await DevtoolsKeys.attach(page)
    try {
      await expect(devtools.press('Ж')).rejects.toThrow(/no key description for "Ж"/)
      await expect(devtools.evaluate('(() => { throw new Error("broken page") })()')).rejects.toThrow(/broken page/)
    } finally {
      devtools.close()
    }
  })
})
