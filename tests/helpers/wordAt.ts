import type { Page } from 'playwright-core'

/** The middle of the first `words` in the `nth` element matching `selector`, in the window (scrolled into view). */
export async function wordAt(page: Page, selector: string, nth: number, words: string): Promise<{ x: number; y: number }> {
  const box = await page.locator(selector).nth(nth).evaluate((el, words) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.textContent!.indexOf(words)
      if (i < 0) continue
      n.parentElement!.scrollIntoView({ block: 'center' })
      const range = document.createRange()
      range.setStart(n, i)
      range.setEnd(n, i + words.length)
      const b = range.getBoundingClientRect()
      return { x: b.x + b.width / 2, y: b.y + b.height / 2 }
    }
    return null
  }, words)
  if (!box) throw new Error(`no “${words}”`)
  return box
}
