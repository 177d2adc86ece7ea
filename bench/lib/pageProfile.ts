import fs from 'node:fs'
import type { Page } from 'playwright-core'

/** A V8 CPU profile of the page's main thread (BENCH_BROWSER_PROF=<file>: the typing run's). */
export async function startProfile(page: Page): Promise<{ stop: (file: string) => Promise<void> }> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 })
  await cdp.send('Profiler.start')
  return {
    async stop(file) {
      const { profile } = await cdp.send('Profiler.stop')
      fs.writeFileSync(file, JSON.stringify(profile))
      await cdp.detach()
    },
  }
}
