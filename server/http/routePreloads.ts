import fs from 'node:fs'
import path from 'node:path'
import { escapeHtml } from '../../shared/export/escape'

/**
 * The client's routes whose code is loaded on demand, and the module each loads (as Vite's
 * manifest names it). A draft opened by its address waits for the editor's code, which the
 * app's entry asks for only once it has run; announced in the page itself, it is fetched and
 * compiled alongside the entry.
 */
const ROUTE_MODULES: readonly { prefix: string; module: string }[] = [{ prefix: '/d/', module: 'editor/EditorPage.tsx' }]

interface ManifestChunk {
  file: string
  isEntry?: boolean
  imports?: string[]
  css?: string[]
}

type Manifest = Record<string, ManifestChunk>

/** `<link>` tags that preload `module`'s chunk, the chunks it imports (but the entry) and their CSS. */
export function preloadTags(manifest: Manifest, module: string): string {
  const scripts: string[] = []
  const styles: string[] = []
  const seen = new Set<string>()
  const visit = (key: string) => {
    const chunk = manifest[key]
    if (!chunk || seen.has(key) || chunk.isEntry) return
    seen.add(key)
    scripts.push(chunk.file)
    styles.push(...(chunk.css ?? []))
    for (const imported of chunk.imports ?? []) visit(imported)
  }
  visit(module)
  // The attributes of Vite's own tags, so that the dynamic import finds what these fetched.
  return [
    ...scripts.map((file) => `<link rel="modulepreload" crossorigin href="/${escapeHtml(file)}">`),
    ...styles.map((file) => `<link rel="stylesheet" crossorigin href="/${escapeHtml(file)}">`),
  ].join('')
}

/** index.html with `tags` at the end of its head (at the start of the document if it has none). */
export function withTags(html: string, tags: string): string {
  const at = html.search(/<\/head>/i)
  return at < 0 ? tags + html : html.slice(0, at) + tags + html.slice(at)
}

function versionOf(file: string, stat: fs.Stats): string {
  return `${file}:${stat.size}:${stat.mtimeMs}`
}

/** Pages already composed, per route: made again only for a new build. */
const pages = new Map<string, { version: string; page: Buffer | null }>()

/**
 * `pathname`'s page: the build's `index` (`indexStat` as the caller read it) with what its route
 * loads announced in its head; null when the route loads nothing on demand or the build has no
 * manifest (then index.html is served as it is).
 */
export function routePage(root: string, pathname: string, index: string, indexStat: fs.Stats): Buffer | null {
  const route = ROUTE_MODULES.find(({ prefix }) => pathname.startsWith(prefix))
  if (!route) return null
  const manifestFile = path.join(root, '.vite', 'manifest.json')
  let version: string
  try {
    version = `${versionOf(index, indexStat)}|${versionOf(manifestFile, fs.statSync(manifestFile))}`
  } catch {
    return null // no manifest
  }
  const key = `${root}:${route.prefix}`
  const known = pages.get(key)
  if (known?.version === version) return known.page
  let page: Buffer | null = null
  try {
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Manifest
    const tags = preloadTags(manifest, route.module)
    if (tags) page = Buffer.from(withTags(fs.readFileSync(index, 'utf8'), tags))
  } catch {
    // A damaged manifest costs the early start, never the page.
  }
  pages.set(key, { version, page })
  return page
}
