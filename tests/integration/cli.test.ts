import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import { REPO_ROOT, removeDir, startTestServer, tempDataDir, TEST_PASSWORD_COST, type TestServer } from '../helpers/server'
import { signIn } from '../helpers/accounts'

const run = promisify(execFile)

/** `npm run admin -- …`, as the tsx entry it stands for (npm would only add its own noise). */
function admin(args: string[]) {
  return run(process.execPath, ['--import', 'tsx', 'server/cli/admin.ts', ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, PASSWORD_COST: String(TEST_PASSWORD_COST), LOG_LEVEL: 'warn' },
  })
}

describe('admin CLI', () => {
  const cleanups: (() => unknown)[] = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup()
  })

  it('create-admin makes an administrator who can then sign in, and who owns the seeded sample', async () => {
    const dataDir = await tempDataDir()
    cleanups.push(() => removeDir(dataDir))
    // A fresh installation with its sample, stopped again.
    const seeded = await startTestServer({ dataDir, seed: true })
    await seeded.close()

    const { stdout } = await admin([
      'create-admin',
      '--email', 'Chief@Example.org',
      '--name', 'Chief Admin',
      '--password', 'a long enough password',
      '--org', 'Secretariat',
      '--org-short', 'SEC',
      '--org-color', '#123456',
      '--data-dir', dataDir,
    ])
    expect(stdout).toContain('Created administrator chief@example.org')

    const server: TestServer = await startTestServer({ dataDir })
    cleanups.unshift(() => server.close())
    const chief = await signIn(server.url, 'chief@example.org', 'a long enough password')
    expect(chief.user).toMatchObject({ displayName: 'Chief Admin', isAdmin: true, organization: { name: 'Secretariat', shortName: 'SEC', color: '#123456' } })
    const docs = await chief.json<{ role: string }[]>('/api/documents')
    expect(docs.map((d) => d.role)).toEqual(['owner'])
    const session = await chief.json<{ needsSetup: boolean }>('/api/auth/session')
    expect(session.needsSetup).toBe(false)
  })

  it('refuses bad arguments and an email already taken', async () => {
    const dataDir = await tempDataDir()
    cleanups.push(() => removeDir(dataDir))
    const base = ['create-admin', '--email', 'a@example.org', '--name', 'A', '--org', 'Org', '--org-short', 'O', '--data-dir', dataDir]
    await expect(admin([...base, '--password', 'short'])).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('at least 10 characters') })
    await expect(admin(['make-coffee'])).rejects.toMatchObject({ code: 2 })
    await admin([...base, '--password', 'a long enough password'])
    await expect(admin([...base, '--password', 'a long enough password'])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('email_taken'),
    })
  })
})
