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

  it('create-admin joins an organization of the same exact name, and refuses one whose names another organization has', async () => {
    const dataDir = await tempDataDir()
    cleanups.push(() => removeDir(dataDir))
    const create = (email: string, org: string, short: string, color = '#1f5fa8') =>
      admin(['create-admin', '--email', email, '--name', email, '--password', 'a long enough password', '--org', org, '--org-short', short, '--org-color', color, '--data-dir', dataDir])
    expect((await create('a@example.org', 'Ministry of Justice', 'MoJ')).stdout).toContain('in a new organization Ministry of Justice [MoJ]')
    // The same name: the same organization, which keeps its short name and colour (and says so).
    const joined = await create('b@example.org', 'Ministry of Justice', 'MJ', '#aa0000')
    expect(joined.stdout).toContain('in the existing organization Ministry of Justice [MoJ]')
    expect(joined.stdout).toContain('short name and colour stay MoJ #1f5fa8')
    // The name in another case, or a short name already used: refused, nothing created.
    await expect(create('c@example.org', 'MINISTRY OF JUSTICE', 'MJU')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('refused: another organization has this name: "Ministry of Justice" [MoJ]'),
    })
    await expect(create('d@example.org', 'Ministry of Finance', 'moj')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('another organization has this short name: "Ministry of Justice" [MoJ]'),
    })

    const server: TestServer = await startTestServer({ dataDir })
    cleanups.unshift(() => server.close())
    const a = await signIn(server.url, 'a@example.org', 'a long enough password')
    const orgs = await a.json<{ id: string; name: string }[]>('/api/organizations')
    expect(orgs.map((o) => o.name)).toEqual(['Ministry of Justice'])
    const b = await signIn(server.url, 'b@example.org', 'a long enough password')
    expect(b.user.organization.id).toBe(orgs[0].id)
    await expect(signIn(server.url, 'c@example.org', 'a long enough password')).rejects.toThrow()
  })

  it('reset-password sets a new password (from standard input) for an administrator locked out', async () => {
    const dataDir = await tempDataDir()
    cleanups.push(() => removeDir(dataDir))
    await admin(['create-admin', '--email', 'chief@example.org', '--name', 'Chief', '--password', 'the forgotten password', '--org', 'Secretariat', '--org-short', 'SEC', '--data-dir', dataDir])
    const server: TestServer = await startTestServer({ dataDir })
    cleanups.unshift(() => server.close())
    const before = await signIn(server.url, 'chief@example.org', 'the forgotten password')

    const child = execFile(process.execPath, ['--import', 'tsx', 'server/cli/admin.ts', 'reset-password', '--email', 'Chief@Example.org', '--password-stdin', '--data-dir', dataDir], {
      cwd: REPO_ROOT,
      env: { ...process.env, PASSWORD_COST: String(TEST_PASSWORD_COST), LOG_LEVEL: 'warn' },
    })
    child.stdin?.end('the remembered password\n')
    const stdout = await new Promise<string>((resolve, reject) => {
      let out = ''
      child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()))
      child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`exit ${code}`))))
    })
    expect(stdout).toContain('Set a new password for chief@example.org (Chief)')

    // The running server sees it: the old session is out, the old password refused, the new one works.
    expect((await before.api('/api/documents')).status).toBe(401)
    await expect(signIn(server.url, 'chief@example.org', 'the forgotten password')).rejects.toThrow(/401/)
    expect((await signIn(server.url, 'chief@example.org', 'the remembered password')).user.isAdmin).toBe(true)

    await expect(admin(['reset-password', '--email', 'nobody@example.org', '--password', 'a long enough password', '--data-dir', dataDir])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('no account with the email nobody@example.org'),
    })
    await expect(admin(['reset-password', '--email', 'chief@example.org', '--password', 'short', '--data-dir', dataDir])).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('at least 10 characters'),
    })
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
