import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../helpers/server'

/** The production build that the global setup made (the browser tests run against it). */
const ASSETS = path.resolve('dist/client/assets')

let readScripts: { file: string; code: string }[] | undefined

/** Each script of the build: its file name and its code (read once for every test here). */
function builtScripts(): { file: string; code: string }[] {
  readScripts ??= fs
    .readdirSync(ASSETS)
    .filter((f) => f.endsWith('.js'))
    .map((file) => ({ file, code: fs.readFileSync(path.join(ASSETS, file), 'utf8') }))
  return readScripts
}

describe('client build', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer()
  })
  afterAll(async () => {
    await server?.close()
  })

  it('carries no request schemas: the browser never runs zod', () => {
    const scripts = builtScripts()
    expect(scripts.length).toBeGreaterThan(1)
    // zod's own property on every schema; a value imported from shared/api brings them all in
    // and builds them while a draft opens (import values from shared/apiConstants instead).
    const withZod = scripts.filter(({ code }) => code.includes('_zod')).map(({ file }) => file)
    expect(withZod).toEqual([])
  })

  it('is the production build: React in production, no source paths of the machine that built it', () => {
    const code = builtScripts()
      .map((script) => script.code)
      .join('\n')
    expect(code.includes('jsxDEV'), "React's development JSX runtime in the build").toBe(false)
    expect(code.includes(process.cwd()), 'a path of this machine in the build').toBe(false)
  })

  it('has a draft\'s page preload the editor\'s code, files that exist', async () => {
    const html = await (await fetch(`${server.url}/d/0123456789abcdef`)).text()
    const preloaded = [...html.matchAll(/<link rel="modulepreload" crossorigin href="\/assets\/([^"]+)">/g)].map((m) => m[1])
    expect(preloaded.some((f) => f.startsWith('EditorPage-'))).toBe(true)
    for (const file of preloaded) expect(fs.existsSync(path.join(ASSETS, file)), file).toBe(true)
  })
})
