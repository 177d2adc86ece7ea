import fs from 'node:fs'
import path from 'node:path'

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
    ...scripts.map((file) => `<link rel="modulepreload" crossorigin href="/${escapeAttribute(file)}">`),
    ...styles.map((file) => `<link rel="stylesheet" crossorigin href="/${escapeAttribute(file)}">`),
  ].join('')
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')
}

/** index.html with `tags` at the end of its head (at the start of the document if it has none). */
export function withTags(html: string, tags: string): string {
  if (!tags) return html
  const at = html.search(/<\/head>/i)
  return at < 0 ? tags + html : html.slice(0, at) + tags + html.slice(at)
}

/** What `pathname`'s page should preload, per the build in `root` (none without a manifest). */
export function routePreloads(root: string, pathname: string): string {
  const route = ROUTE_MODULES.find(({ prefix }) => pathname.startsWith(prefix))
  if (!route) return ''
  const manifest = readManifest(root)
  return manifest ? preloadTags(manifest, route.module) : ''
}

let cached: { key: string; manifest: Manifest | null } | null = null

/** Vite's manifest of the build in `root`, read again only when the file changes (a new build). */
function readManifest(root: string): Manifest | null {
  const file = path.join(root, '.vite', 'manifest.json')
  let key: string
  try {
    const stat = fs.statSync(file)
    key = `${file}:${stat.size}:${stat.mtimeMs}`
  } catch {
    return null
  }
  if (cached?.key !== key) {
    let manifest: Manifest | null = null
    try {
      manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest
    } catch {
      // A damaged manifest costs the early start, never the page.
    }
    cached = { key, manifest }
  }
  return cached.manifest
}
