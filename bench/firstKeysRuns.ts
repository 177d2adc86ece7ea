/**
 * The first keystrokes in a freshly opened draft, two client builds in turn: what a person
 * typing right after opening the law feels, which the 200-key typing run shows only in its first
 * few keys. One server per build, each holding the 300-article law with five remote writers;
 * a fresh page per open, KEYS keys at a typist's pace after the caret is placed, the builds alternating:
 *
 *   npx tsx bench/firstKeysRuns.ts /tmp/before /tmp/after [opens=10]
 *
 * Prints, per build, each key's median latency over the opens (keypress → painted frame).
 */
import { launchBenchBrowser } from './lib/devtoolsKeys'
import { FULL_LAW_ARTICLES } from './lib/law'
import { median } from './lib/stats'
import { startServer } from './servers/target'
import { startWorkers } from './lib/workers'
import { openedLaw, startRemoteWriters, typing, TYPED_KEYS, TYPIST } from './browser'

const KEYS = 20
const [before, after, opensArg] = process.argv.slice(2)
if (!before || !after) {
  console.error('usage: npx tsx bench/firstKeysRuns.ts <build dir> <other build dir> [opens=10]')
  process.exit(2)
}
const opens = Number(opensArg ?? 10)
const workers = startWorkers(2)
const sides = await Promise.all(
  [before, after].map(async (staticDir, i) => {
    const target = await startServer('accord', { env: { STATIC_DIR: staticDir } })
    const law = await openedLaw(target, FULL_LAW_ARTICLES)
    await startRemoteWriters(workers[i], law.spec, law.json)
    return { staticDir, target, ...law, keys: [] as number[][] }
  }),
)
const browser = await launchBenchBrowser()
try {
  for (let i = 0; i < opens; i++) {
    for (const side of i % 2 ? [...sides].reverse() : sides) {
      const { latencyMs } = await typing(browser, side.baseUrl, side.docUrl, side.admin.cookie, { pace: TYPIST, keys: TYPED_KEYS.slice(0, KEYS), trace: false })
      side.keys.push(latencyMs)
    }
  }
  for (const side of sides) {
    const byKey = Array.from({ length: KEYS }, (_, k) => median(side.keys.map((run) => run[k])).toFixed(1))
    console.log(`${side.staticDir}: median by key ${byKey.join(', ')} ms; first keys ${side.keys.map((run) => run[0].toFixed(0)).join(', ')}`)
  }
} finally {
  await browser.close()
  for (const [i, side] of sides.entries()) {
    await workers[i].stop()
    side.loader.destroy()
    await side.target.stop()
  }
}
