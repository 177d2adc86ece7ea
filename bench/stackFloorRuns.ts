/**
 * What typing costs in the stack itself on this machine, beside Accord, in one browser and
 * alternating: a bare contenteditable (no script), the least editor of Accord's stack (TipTap 3
 * bound to a Y.Doc by the Collaboration extension, five paragraphs: bench/lib/stackFloorEditor.ts)
 * and Accord's editor on the 300-article law, each 200 keys at the benchmark's typist pace with
 * nobody else writing. The typing target (p95 under 16 ms) is for Accord with five
 * remote writers; this says how much of it the browser and the stack take before any of
 * Accord's own work.
 *
 *   npx tsx bench/stackFloorRuns.ts [rounds=2]
 */
import { build } from 'esbuild'
import { launchBrowser } from '../tests/helpers/browser'
import { benchArticles } from './lib/law'
import { startServer } from './servers/target'
import { distribution } from './lib/stats'
import { BARE_CONTENTEDITABLE, FLOOR_PARAGRAPHS, openedLaw, typing, typingInPage, TYPED_KEYS, TYPIST } from './browser'

const rounds = Number(process.argv[2] ?? 2)
const FRAME_MS = 16

const bundled = await build({ entryPoints: [new URL('./lib/stackFloorEditor.ts', import.meta.url).pathname], bundle: true, minify: true, format: 'iife', write: false, logLevel: 'warning' })
const stackPage = `<div id="floor" data-paragraphs='${JSON.stringify(FLOOR_PARAGRAPHS)}'></div><script>${bundled.outputFiles[0].text}</script>`

const target = await startServer('accord')
const browser = await launchBrowser()
try {
  const articles = benchArticles()
  const { baseUrl, admin, docUrl, loader } = await openedLaw(target, articles)
  const kinds: [string, () => Promise<number[]>][] = [
    ['bare contenteditable', () => typingInPage(browser, BARE_CONTENTEDITABLE, TYPIST, TYPED_KEYS)],
    ['TipTap + Yjs, 5 paragraphs', () => typingInPage(browser, stackPage, TYPIST, TYPED_KEYS)],
    [`Accord, ${articles} articles`, async () => (await typing(browser, baseUrl, docUrl, admin.cookie, { pace: TYPIST, keys: TYPED_KEYS, trace: false })).latencyMs],
  ]
  const pooled = new Map<string, number[]>()
  const describe = (ms: number[]) => {
    const d = distribution(ms)
    return `p50 ${d.p50.toFixed(1)} ms, p95 ${d.p95.toFixed(1)} ms, ${ms.filter((x) => x >= FRAME_MS).length} of ${ms.length} keys at ${FRAME_MS} ms or over`
  }
  for (let round = 1; round <= rounds; round++) {
    for (const [name, run] of kinds) {
      const ms = await run()
      pooled.set(name, [...(pooled.get(name) ?? []), ...ms])
      console.log(`round ${round}, ${name}: ${describe(ms)}`)
    }
  }
  for (const [name] of kinds) console.log(`all ${rounds} rounds, ${name}: ${describe(pooled.get(name)!)}`)
  loader.destroy()
} finally {
  await browser.close()
  await target.stop()
}
