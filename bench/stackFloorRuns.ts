/**
 * What typing costs in the stack itself on this machine, beside Accord, in one browser and
 * alternating, each 200 keys at the benchmark's typist pace with nobody else writing, in the
 * app's window size:
 *   - a bare contenteditable of five paragraphs (no script);
 *   - the least editor of Accord's stack: TipTap 3 bound to a Y.Doc by the Collaboration
 *     extension, five paragraphs (bench/lib/stackFloorEditor.ts);
 *   - the law's schema bound to a Y.Doc, holding the 300-article law, none of Accord's plugins,
 *     and Accord's editor (all its extensions and styles, warmed) holding it, both in a page of
 *     their own: no server, provider, outline, panels or React (bench/lib/lawEditorAlone.ts);
 *   - Accord: the app, its server, the law.
 * The typing target (p95 under 16 ms) is for Accord with five remote writers; this says
 * how much of it the browser, the stack, the law's editor and the app around it take.
 *
 *   npx tsx bench/stackFloorRuns.ts [rounds=2]     TRACE_DIR=<dir>: each kind's first round traced to <dir>/<n>.json
 *                                                  PROFILE_DIR=<dir>: its CPU profile of the page to <dir>/<n>.cpuprofile
 */
import fs from 'node:fs'
import { build } from 'esbuild'
import * as Y from 'yjs'
import { toBase64 } from 'lib0/buffer'
import { WINDOW } from '../tests/helpers/browser'
import { launchBenchBrowser } from './lib/devtoolsKeys'
import { benchArticles } from './lib/law'
import { startServer } from './servers/target'
import { describeKeys } from './lib/keyLatency'
import { TRACE_CATEGORIES } from './lib/mainThread'
import { BARE_CONTENTEDITABLE, FLOOR_PARAGRAPHS, LAW_PARAGRAPH, openedLaw, typing, typingInPage, TYPED_KEYS, TYPIST, type ParagraphAt } from './browser'

const rounds = Number(process.argv[2] ?? 2)

/** The page's script: `entry` bundled for the browser. */
async function bundled(entry: string): Promise<string> {
  const result = await build({ entryPoints: [new URL(entry, import.meta.url).pathname], bundle: true, minify: true, format: 'iife', write: false, logLevel: 'warning', outdir: '/', loader: { '.css': 'empty' } })
  return result.outputFiles.find((f) => f.path.endsWith('.js'))!.text
}
const stackPage = `<div id="floor" data-paragraphs='${JSON.stringify(FLOOR_PARAGRAPHS)}'></div><script>${await bundled('./lib/stackFloorEditor.ts')}</script>`

const target = await startServer('accord')
const browser = await launchBenchBrowser()
try {
  const articles = benchArticles()
  const { baseUrl, admin, docUrl, loader } = await openedLaw(target, articles)
  // The law as the loading client holds it, for the pages without a server.
  const lawUpdate = toBase64(Y.encodeStateAsUpdate(loader.ydoc))
  const styles = ['app.css', 'editor.css'].map((f) => fs.readFileSync(new URL(`../client/styles/${f}`, import.meta.url), 'utf8')).join('\n')
  const editorAloneScript = await bundled('./lib/lawEditorAlone.ts')
  const editorAlonePage = (parts: 'all' | 'schema') =>
    `<style>${styles}</style><div id="floor" data-parts="${parts}" data-update="${lawUpdate}"></div><script>${editorAloneScript}</script>`
  const traceDir = process.env.TRACE_DIR
  // Blink's own categories too: what the frames and the keystrokes' tasks are made of.
  const traceCategories = [...TRACE_CATEGORIES, 'blink', 'cc']
  const profileDir = process.env.PROFILE_DIR
  const floor = (html: string, paragraph?: ParagraphAt) => (traceTo?: string, profileTo?: string) =>
    typingInPage(browser, html, TYPIST, TYPED_KEYS, { paragraph, viewport: WINDOW, traceTo, traceCategories, profileTo })
  const kinds: [string, (traceTo?: string, profileTo?: string) => Promise<number[]>][] = [
    ['bare contenteditable', floor(BARE_CONTENTEDITABLE)],
    ['TipTap + Yjs, 5 paragraphs', floor(stackPage)],
    [`the law's schema + Yjs alone, ${articles} articles`, floor(editorAlonePage('schema'), LAW_PARAGRAPH)],
    [`Accord's editor alone, ${articles} articles`, floor(editorAlonePage('all'), LAW_PARAGRAPH)],
    [`Accord, ${articles} articles`, async (traceTo, profile) => (await typing(browser, baseUrl, docUrl, admin.cookie, { pace: TYPIST, keys: TYPED_KEYS, trace: false, traceTo, traceCategories, profileTo: profile })).latencyMs],
  ]
  const pooled = new Map<string, number[]>()
  for (let round = 1; round <= rounds; round++) {
    const first = round === 1
    for (const [i, [name, run]] of kinds.entries()) {
      const ms = await run(traceDir && first ? `${traceDir}/${i + 1}.json` : undefined, profileDir && first ? `${profileDir}/${i + 1}.cpuprofile` : undefined)
      pooled.set(name, [...(pooled.get(name) ?? []), ...ms])
      console.log(`round ${round}, ${name}: ${describeKeys(ms)}`)
    }
  }
  for (const [name] of kinds) console.log(`all ${rounds} rounds, ${name}: ${describeKeys(pooled.get(name)!)}`)
  loader.destroy()
} finally {
  await browser.close()
  await target.stop()
}
