import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { REPO_ROOT } from '../helpers/server'

/**
 * When io_uring cannot be had after all (here: no descriptor left for the ring, EMFILE), the
 * broadcast still reaches every socket, written one by one, and the server is told why, once,
 * so that its log says it (server/app.ts), instead of going slower without a word.
 */
describe('io_uring given up', () => {
  it('delivers the frame to every socket and says why io_uring was given up', () => {
    const script = path.join(REPO_ROOT, 'tests/fixtures/processes/ioUringWithoutDescriptors.ts')
    const run = spawnSync('bash', ['-c', `ulimit -n 64 && exec node --import tsx ${JSON.stringify(script)}`], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 30_000 })
    expect(run.status, run.stderr).toBe(0)
    expect(JSON.parse(run.stdout)).toEqual({ received: ['one frame for two', 'one frame for two'], given: ['EMFILE'] })
  })
})
