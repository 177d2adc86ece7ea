import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

/** The production build that the global setup made (the browser tests run against it). */
const ASSETS = path.resolve('dist/client/assets')

describe('client build', () => {
  it('carries no request schemas: the browser never runs zod', () => {
    const scripts = fs.readdirSync(ASSETS).filter((f) => f.endsWith('.js'))
    expect(scripts.length).toBeGreaterThan(1)
    // zod's own property on every schema; a value imported from shared/api brings them all in
    // and builds them while a draft opens (import values from shared/apiConstants instead).
    const withZod = scripts.filter((f) => fs.readFileSync(path.join(ASSETS, f), 'utf8').includes('_zod'))
    expect(withZod).toEqual([])
  })
})
