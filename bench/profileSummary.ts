/**
 * Where a CPU profile's time went, named as in the source: the page's frames through the
 * client build's source maps (dist/client/assets, or the build the profile came from), Node's
 * as they are. Self time by file and function, inclusive time by function; per key (or per
 * anything) with --per.
 *
 *   npx tsx bench/profileSummary.ts <file.cpuprofile> [--assets <dir>] [--under <regex>]
 *     [--from <ms> --to <ms>] [--top <n>] [--per <n>]
 *
 * E.g. the app's keystrokes: `PROFILE_DIR=/tmp/p npx tsx bench/stackFloorRuns.ts 1`, then
 * `npx tsx bench/profileSummary.ts /tmp/p/5.cpuprofile --per 200`.
 */
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { SourceMapConsumer, type RawSourceMap } from 'source-map-js'
import { largest, summarizeProfile, type CallFrame, type CpuProfile } from './lib/cpuProfile'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    assets: { type: 'string', default: 'dist/client/assets' },
    under: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    top: { type: 'string', default: '30' },
    per: { type: 'string', default: '1' },
  },
})
const [file] = positionals
if (!file) {
  console.error('usage: npx tsx bench/profileSummary.ts <file.cpuprofile> [--assets <dir>] [--under <regex>] [--from <ms> --to <ms>] [--top <n>] [--per <n>]')
  process.exit(2)
}

const maps = new Map<string, SourceMapConsumer | null>()
function mapOf(url: string): SourceMapConsumer | null {
  const name = url.split('/').pop()!
  if (!maps.has(name)) {
    const mapFile = path.join(values.assets, `${name}.map`)
    maps.set(name, fs.existsSync(mapFile) ? new SourceMapConsumer(JSON.parse(fs.readFileSync(mapFile, 'utf8')) as RawSourceMap) : null)
  }
  return maps.get(name)!
}

/** A package's file as `package/path`, ours as the repository's path; the function as the source names it. */
function label(frame: CallFrame): { file: string; name: string } {
  if (!frame.url) return { file: frame.functionName || '(native)', name: '' }
  const original = mapOf(frame.url)?.originalPositionFor({ line: frame.lineNumber + 1, column: frame.columnNumber })
  if (!original?.source) return { file: frame.url.split('/').pop()!, name: frame.functionName }
  const source = original.source.replace(/.*node_modules\//, '').replace(/^(\.\.\/)+/, '')
  return { file: source, name: original.name ?? frame.functionName }
}

const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile
const summary = summarizeProfile(profile, label, {
  fromMs: values.from === undefined ? undefined : Number(values.from),
  toMs: values.to === undefined ? undefined : Number(values.to),
  under: values.under === undefined ? undefined : new RegExp(values.under),
})
const per = Number(values.per)
const top = Number(values.top)
const rows = (map: Map<string, number>) => largest(map, top).map(([name, ms]) => `${(ms / per).toFixed(per > 1 ? 3 : 1).padStart(9)}  ${name}`).join('\n')
console.log(`busy ${(summary.busyMs / per).toFixed(per > 1 ? 3 : 1)} ms${per > 1 ? `, each figure divided by ${per}` : ''} (sampled; idle and V8's "program" left out)`)
console.log(`\nself, by file\n${rows(summary.selfByFile)}`)
console.log(`\nself, by function\n${rows(summary.selfByFunction)}`)
console.log(`\ninclusive, by function\n${rows(summary.inclusive)}`)
