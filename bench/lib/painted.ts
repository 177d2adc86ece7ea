import type { Page } from 'playwright-core'

/**
 * Starts watching, in the page, for an element matching `selector` (or `count` of them); the
 * function it gives resolves with the page's clock once the frame that first holds them is painted. Checked at every frame (in
 * requestAnimationFrame, before that frame's layout and paint; the timer after it runs once the
 * frame is out), not by Playwright's waits, which poll at growing intervals (up to 500 ms
 * apart) and so add up to that much to a figure when the page is idle meanwhile. Start it
 * before the action it times (msUntilPainted does).
 */
async function paintedWhenShown(page: Page, selector: string, options: { count?: number; timeoutMs?: number } = {}): Promise<() => Promise<number>> {
  const { count = 1, timeoutMs = 60_000 } = options
  const key = `__painted_${Math.random().toString(36).slice(2)}`
  // A string, not a function: the code is run in the page as written (tsx would add helpers to a function).
  await page.evaluate(`(() => {
    const started = performance.now()
    window[${JSON.stringify(key)}] = new Promise((resolve, reject) => {
      const check = () => {
        if (document.querySelectorAll(${JSON.stringify(selector)}).length >= ${count}) setTimeout(() => resolve(performance.now()), 0)
        else if (performance.now() - started > ${timeoutMs}) reject(new Error(${JSON.stringify(`${selector}: not shown within ${timeoutMs} ms`)}))
        else requestAnimationFrame(check)
      }
      requestAnimationFrame(check)
    })
  })()`)
  return () => page.evaluate(`window[${JSON.stringify(key)}]`) as Promise<number>
}

/** Milliseconds, on the page's clock, from `act` starting to the first painted frame that shows `selector` (or `count` of them). */
export async function msUntilPainted(page: Page, selector: string, act: () => Promise<unknown>, options: { count?: number; timeoutMs?: number } = {}): Promise<number> {
  const painted = await paintedWhenShown(page, selector, options)
  const start = (await page.evaluate('performance.now()')) as number
  await act()
  return (await painted()) - start
}
