import fs from 'node:fs'
import path from 'node:path'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { acceptsGzip, endGzipped, gzip, GZIP_FROM_BYTES } from './compression'
import { routePage } from './routePreloads'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
}

/** Vite puts content-hashed files under /assets: they never change, cache them for a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable'

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' })
  res.end(text)
}

/** The file `pathname` names inside `root`, or null if it would escape it or is malformed. */
export function resolveInside(root: string, pathname: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return null
  }
  if (decoded.includes('\0')) return null
  const file = path.resolve(root, '.' + path.posix.normalize('/' + decoded))
  return file === root || file.startsWith(root + path.sep) ? file : null
}

/** The file's stats when it is a regular file, else null. */
function fileStat(file: string): fs.Stats | null {
  try {
    const stat = fs.statSync(file)
    return stat.isFile() ? stat : null
  } catch {
    return null
  }
}

/** Types worth gzipping (images and fonts are compressed already). */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.svg', '.txt', '.webmanifest'])

/** Gzipped files of the build, made once each (per file, size and time: a new build is a new key). */
const gzipped = new Map<string, Promise<Buffer>>()

function gzippedFile(file: string, stat: fs.Stats): Promise<Buffer> {
  const key = `${file}:${stat.size}:${stat.mtimeMs}`
  let zipped = gzipped.get(key)
  if (!zipped) {
    zipped = fs.promises.readFile(file).then(gzip)
    zipped.catch(() => gzipped.delete(key)) // tried again next time
    gzipped.set(key, zipped)
  }
  return zipped
}

function headersFor(file: string, cacheControl: string, compressible: boolean): Record<string, string> {
  return {
    'Content-Type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Cache-Control': cacheControl,
    ...(compressible ? { Vary: 'Accept-Encoding' } : {}),
  }
}

function serveFile(req: IncomingMessage, res: ServerResponse, file: string, stat: fs.Stats, cacheControl: string): void {
  const compressible = COMPRESSIBLE.has(path.extname(file).toLowerCase()) && stat.size >= GZIP_FROM_BYTES
  const head = headersFor(file, cacheControl, compressible)
  const sendAsIs = () => {
    if (res.destroyed) return
    res.writeHead(200, { ...head, 'Content-Length': stat.size })
    if (req.method === 'HEAD') {
      res.end()
      return
    }
    const stream = fs.createReadStream(file)
    stream.on('error', () => res.destroy())
    stream.pipe(res)
  }
  if (!compressible || !acceptsGzip(req)) {
    sendAsIs()
    return
  }
  gzippedFile(file, stat).then((zipped) => endGzipped(res, 200, head, zipped, req.method !== 'HEAD'), sendAsIs)
}

/** A page composed in memory (a few hundred bytes: not worth gzipping). */
function servePage(req: IncomingMessage, res: ServerResponse, index: string, page: Buffer): void {
  res.writeHead(200, { ...headersFor(index, 'no-cache', false), 'Content-Length': page.byteLength })
  res.end(req.method === 'HEAD' ? undefined : page)
}

/**
 * Serves the client build (GET/HEAD only, the caller checks the method). Unknown paths outside
 * /assets get index.html, so client-side routes such as /d/<id> load the app.
 */
export function serveStatic(staticDir: string, req: IncomingMessage, res: ServerResponse, pathname: string): void {
  const root = path.resolve(staticDir)
  const index = path.join(root, 'index.html')
  const indexStat = fileStat(index)
  if (!indexStat) {
    sendText(res, 503, 'client not built: run npm run build')
    return
  }
  const file = resolveInside(root, pathname)
  if (file === null) {
    sendText(res, 400, 'bad path')
    return
  }
  const stat = file === index ? null : fileStat(file)
  if (stat) {
    const assets = path.join(root, 'assets') + path.sep
    serveFile(req, res, file, stat, file.startsWith(assets) ? IMMUTABLE : 'no-cache')
    return
  }
  // A missing asset is a real 404 (a stale page asking for an old hash), not the app shell.
  if (pathname.startsWith('/assets/')) {
    sendText(res, 404, 'not found')
    return
  }
  const page = routePage(root, pathname, index, indexStat)
  if (page) servePage(req, res, index, page)
  else serveFile(req, res, index, indexStat, 'no-cache')
}
