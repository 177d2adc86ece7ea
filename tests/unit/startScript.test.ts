import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { SERVER_V8_FLAGS } from '../../server/v8Flags'

describe('npm start', () => {
  // The benchmark starts Accord with SERVER_V8_FLAGS: its figures hold only if production does too.
  it('runs the server with the V8 flags the benchmark measured', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '../../package.json'), 'utf8')) as { scripts: Record<string, string> }
    expect(pkg.scripts.start).toContain(`node ${SERVER_V8_FLAGS.join(' ')} --import tsx server/main.ts`)
  })
})
