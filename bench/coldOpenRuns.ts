/**
 * Two client builds opened in turn, for a before-and-after of the cold open that the machine's
 * minute-to-minute load does not decide (one open moves by ±150 ms on a busy 2-core machine; a
 * median of five, as `npm run bench` gives, cannot tell 30 ms apart). One server per build, each
 * holding the 300-article law; a warm-up open each, then N pairs, the order alternating:
 *
 *   npx vite build && cp -r dist/client /tmp/before
 *   …change the client…
 *   npx vite build && cp -r dist/client /tmp/after
 *   npx tsx bench/coldOpenRuns.ts /tmp/before /tmp/after [pairs=10]
 *
 * Prints each build's median and mean (navigation → editable, and → editor mounted) and in how
 * many pairs the second was faster; the opens (ms, in order) go to bench/results/coldopen-<time>.json.
 */
import fs from 'node:fs'
import { launchBrowser } from '../tests/helpers/browser'
import { FULL_LAW_ARTICLES } from './lib/law'
import { openFresh } from './lib/editorReady'
import { mean, median } from './lib/stats'
import { resultsFile } from './lib/results'
import { startServer } from './servers/target'
import { openedLaw } from './browser'

const [before, after, pairsArg] = process.argv.slice(2)
if (!before || !after) {
  console.error('usage: npx tsx bench/coldOpenRuns.ts <build dir> <other build dir> [pairs=10]')
  process.exit(2)
}
const pairs = Number(pairsArg ?? 10)

const sides = await Promise.all(
  [before, after].map(async (staticDir) => {
    const target = await startServer('accord', { env: { STATIC_DIR: staticDir } })
    return { staticDir, target, ...(await openedLaw(target, FULL_LAW_ARTICLES)), editable: [] as number[], mounted: [] as number[] }
  }),
)
const browser = await launchBrowser()
try {
  for (const side of sides) await openFresh(browser, side.baseUrl, side.docUrl, side.admin.cookie) // warm-up
  for (let i = 0; i < pairs; i++) {
    for (const side of i % 2 ? [...sides].reverse() : sides) {
      const { editable, mounted } = await openFresh(browser, side.baseUrl, side.docUrl, side.admin.cookie)
      side.editable.push(editable)
      side.mounted.push(mounted)
    }
  }
  for (const side of sides) {
    console.log(`${side.staticDir}: editable median ${median(side.editable).toFixed(0)} ms, mean ${mean(side.editable).toFixed(0)} ms; ` +
      `editor mounted median ${median(side.mounted).toFixed(0)} ms (${side.editable.map((ms) => ms.toFixed(0)).join(', ')})`)
  }
  const faster = sides[1].editable.filter((ms, i) => ms < sides[0].editable[i]).length
  console.log(`${after} faster in ${faster} of ${pairs} pairs`)
  const results = sides.map(({ staticDir, editable, mounted }) => ({ staticDir, editableMs: editable, mountedMs: mounted }))
  fs.writeFileSync(resultsFile(new Date().toISOString(), 'coldopen-'), JSON.stringify(results))
} finally {
  await browser.close()
  for (const side of sides) {
    side.loader.destroy()
    await side.target.stop()
  }
}
