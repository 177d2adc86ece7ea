import fs from 'node:fs/promises'
import http from 'node:http'
import { gunzipSync } from 'node:zlib'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { removeDir, startTestServer, tempDataDir, type TestServer } from '../helpers/server'

/** A raw GET with `headers`, its body as bytes (not decoded, whatever its Content-Encoding). */
function rawBytes(url: string, rawPath: string, headers: Record<string, string>): Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(url)
    const req = http.request({ hostname, port, path: rawPath, method: 'GET', headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }))
    })
    req.on('error', reject)
    req.end()
  })
}

/** A raw GET, so paths like /../ reach the server exactly as written (fetch would normalize them). */
function rawGet(url: string, rawPath: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(url)
    const req = http.request({ hostname, port, path: rawPath, method: 'GET' }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

const BIG_SCRIPT = Array.from({ length: 2000 }, (_, i) => `export const article${i} = 'Статья ${i}';`).join('\n')

describe('static client', () => {
  let root: string
  let server: TestServer
  let unbuilt: TestServer

  beforeAll(async () => {
    root = await tempDataDir()
    const staticDir = path.join(root, 'static')
    await fs.mkdir(path.join(staticDir, 'assets'), { recursive: true })
    await fs.writeFile(path.join(staticDir, 'index.html'), '<!doctype html><title>Accord</title>')
    await fs.writeFile(path.join(staticDir, 'assets', 'app-1a2b3c.js'), 'console.log(1)')
    await fs.writeFile(path.join(staticDir, 'assets', 'big-4d5e6f.js'), BIG_SCRIPT)
    await fs.writeFile(path.join(staticDir, 'assets', 'photo-7a8b9c.png'), Buffer.alloc(20_000, 7))
    await fs.writeFile(path.join(staticDir, 'favicon.svg'), '<svg/>')
    await fs.writeFile(path.join(root, 'secret.txt'), 'top secret')
    server = await startTestServer({ config: { staticDir } })
    unbuilt = await startTestServer({ config: { staticDir: path.join(root, 'missing') } })
  })
  afterAll(async () => {
    await server?.close()
    await unbuilt?.close()
    await removeDir(root)
  })

  it('serves index.html without caching, also for client-side routes', async () => {
    for (const p of ['/', '/d/0123456789abcdef', '/some/deep/route']) {
      const res = await fetch(`${server.url}${p}`)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toContain('text/html')
      expect(res.headers.get('cache-control')).toBe('no-cache')
      expect(await res.text()).toContain('<title>Accord</title>')
    }
  })

  it('gzips large text files for browsers that take it, and only for them', async () => {
    const asset = '/assets/big-4d5e6f.js'
    const zipped = await rawBytes(server.url, asset, { 'Accept-Encoding': 'gzip, deflate, br' })
    expect(zipped.headers['content-encoding']).toBe('gzip')
    expect(zipped.headers.vary).toBe('Accept-Encoding')
    expect(Number(zipped.headers['content-length'])).toBe(zipped.body.byteLength)
    expect(zipped.body.byteLength).toBeLessThan(Buffer.byteLength(BIG_SCRIPT) / 4)
    expect(gunzipSync(zipped.body).toString('utf8')).toBe(BIG_SCRIPT)
    for (const headers of [{}, { 'Accept-Encoding': 'gzip;q=0, br' }] as Record<string, string>[]) {
      const plain = await rawBytes(server.url, asset, headers)
      expect(plain.headers['content-encoding']).toBeUndefined()
      expect(plain.body.toString('utf8')).toBe(BIG_SCRIPT)
    }
    // Small files and images go as they are.
    for (const small of ['/assets/app-1a2b3c.js', '/assets/photo-7a8b9c.png']) {
      expect((await rawBytes(server.url, small, { 'Accept-Encoding': 'gzip' })).headers['content-encoding']).toBeUndefined()
    }
  })

  it('serves hashed assets with a long cache and other files without', async () => {
    const asset = await fetch(`${server.url}/assets/app-1a2b3c.js`)
    expect(asset.status).toBe(200)
    expect(asset.headers.get('content-type')).toContain('text/javascript')
    expect(asset.headers.get('cache-control')).toContain('immutable')
    expect(await asset.text()).toBe('console.log(1)')
    const icon = await fetch(`${server.url}/favicon.svg`)
    expect(icon.headers.get('content-type')).toBe('image/svg+xml')
    expect(icon.headers.get('cache-control')).toBe('no-cache')
    await icon.arrayBuffer()
    const missing = await fetch(`${server.url}/assets/app-old.js`)
    expect(missing.status).toBe(404)
    await missing.arrayBuffer()
  })

  it('never serves a file outside the static directory', async () => {
    for (const p of ['/../secret.txt', '/..%2fsecret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/%00']) {
      const res = await rawGet(server.url, p)
      expect(res.body).not.toContain('top secret')
    }
  })

  it('does not answer other methods or /sync with the app', async () => {
    const post = await fetch(`${server.url}/`, { method: 'POST' })
    expect(post.status).toBe(405)
    await post.arrayBuffer()
    const sync = await fetch(`${server.url}/sync/0123456789abcdef`)
    expect(sync.status).toBe(404)
    expect(sync.headers.get('content-type')).toContain('application/json')
    await sync.arrayBuffer()
  })

  it('says so when the client has not been built', async () => {
    const res = await fetch(`${unbuilt.url}/d/0123456789abcdef`)
    expect(res.status).toBe(503)
    expect(await res.text()).toBe('client not built: run npm run build')
    const api = await fetch(`${unbuilt.url}/api/health`)
    expect(api.status).toBe(200)
    await api.arrayBuffer()
  })
})

describe('a draft\'s page', () => {
  let root: string
  let server: TestServer

  beforeAll(async () => {
    root = await tempDataDir()
    await fs.mkdir(path.join(root, '.vite'), { recursive: true })
    await fs.writeFile(path.join(root, 'index.html'), '<!doctype html><html><head><title>Accord</title><script type="module" crossorigin src="/assets/index-1a.js"></script></head><body></body></html>')
    // Vite's manifest, as `build.manifest` writes it: the editor chunk imports the entry and a shared chunk.
    const manifest = {
      'index.html': { file: 'assets/index-1a.js', isEntry: true, dynamicImports: ['editor/EditorPage.tsx'] },
      'editor/EditorPage.tsx': { file: 'assets/EditorPage-2b.js', isDynamicEntry: true, imports: ['index.html', '_shared-3c.js'], css: ['assets/EditorPage-4d.css'] },
      '_shared-3c.js': { file: 'assets/shared-3c.js', imports: ['index.html'] },
    }
    await fs.writeFile(path.join(root, '.vite', 'manifest.json'), JSON.stringify(manifest))
    server = await startTestServer({ config: { staticDir: root } })
  })
  afterAll(async () => {
    await server?.close()
    await removeDir(root)
  })

  it('announces the editor\'s code in the page, so the browser fetches it alongside the entry', async () => {
    const res = await fetch(`${server.url}/d/0123456789abcdef`)
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-cache')
    const html = await res.text()
    const head = html.slice(0, html.indexOf('</head>'))
    expect(head).toContain('<link rel="modulepreload" crossorigin href="/assets/EditorPage-2b.js">')
    expect(head).toContain('<link rel="modulepreload" crossorigin href="/assets/shared-3c.js">')
    expect(head).toContain('<link rel="stylesheet" crossorigin href="/assets/EditorPage-4d.css">')
    expect(html).not.toContain('modulepreload" crossorigin href="/assets/index-1a.js"') // the entry has its script tag
    expect(Number(res.headers.get('content-length'))).toBe(Buffer.byteLength(html))
  })

  it('announces nothing on the other pages', async () => {
    for (const p of ['/', '/admin', '/invite/abc']) {
      const html = await (await fetch(`${server.url}${p}`)).text()
      expect(html).toContain('<title>Accord</title>')
      expect(html).not.toContain('modulepreload')
    }
  })
})
