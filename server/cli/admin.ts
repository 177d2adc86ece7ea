/**
 * Administration from the command line, on the same database and services as the server:
 *
 *   npm run admin -- create-admin --email a@b.c --name "Name" --password "…" \
 *     --org "Secretariat" --org-short SEC [--org-color #1f5fa8] [--data-dir ./data]
 *   npm run admin -- reset-password --email a@b.c --password "…" [--data-dir ./data]
 *
 * reset-password is the way back in for an administrator who forgot their password (anyone else
 * can get a reset link from an administrator): their sessions end, at once on the server's next
 * check of open connections.
 *
 * `--password-stdin` reads the password from the first line of standard input instead (it then
 * stays out of the shell history). Safe to run while the server runs (SQLite WAL).
 * `--org` with an existing organization's exact name adds the administrator to it (as it is);
 * a name that differs only in case, or a short name already used, is refused as the API refuses it.
 */
import path from 'node:path'
import readline from 'node:readline'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { DisplayName, Email, ErrorCode, OrganizationInput, Password } from '../../shared/api'
import { loadConfig } from '../config'
import { openDatabase } from '../db/connection'
import { HttpError } from '../errors'
import { createLogger } from '../logger'
import { createServices, type Services } from '../services'

const USAGE = `usage: npm run admin -- create-admin --email <email> --name <display name> (--password <password> | --password-stdin)
                      --org <organization name> --org-short <short name> [--org-color #rrggbb] [--data-dir <dir>]
       npm run admin -- reset-password --email <email> (--password <password> | --password-stdin) [--data-dir <dir>]`

const CreateAdminArgs = z.object({
  email: Email,
  displayName: DisplayName,
  password: Password,
  organization: OrganizationInput,
})

const ResetPasswordArgs = z.object({ email: Email, password: Password })

function parsedOrUsage<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input)
  if (parsed.success) return parsed.data
  const problems = parsed.error.issues.map((i) => `  ${i.path.join('.') || 'arguments'}: ${i.message}`).join('\n')
  throw new UsageError(`invalid arguments:\n${problems}`)
}

/** The services over the database of `--data-dir` (or DATA_DIR), closed when `work` ends. */
async function withServices(dataDir: string | undefined, work: (services: Services, dbPath: string) => Promise<void>): Promise<void> {
  const config = loadConfig()
  if (dataDir) config.dataDir = path.resolve(dataDir)
  const log = createLogger(config.logLevel === 'debug' ? 'debug' : 'warn')
  const db = openDatabase(config.dataDir)
  try {
    await work(createServices(db, config, log), path.join(config.dataDir, 'accord.db'))
  } finally {
    db.close()
  }
}

async function firstLineOfStdin(): Promise<string> {
  const rl = readline.createInterface({ input: process.stdin })
  for await (const line of rl) {
    rl.close()
    return line
  }
  return ''
}

/** The options both commands take: whose account, its password (or read from stdin), the database. */
const ACCOUNT_OPTIONS = {
  email: { type: 'string' },
  password: { type: 'string' },
  'password-stdin': { type: 'boolean' },
  'data-dir': { type: 'string' },
} as const

/** The password given, on the command line or as the first line of stdin (kept out of the shell's history). */
function passwordOf(values: { password?: string; 'password-stdin'?: boolean }): Promise<string | undefined> {
  return values['password-stdin'] ? firstLineOfStdin() : Promise.resolve(values.password)
}

async function createAdmin(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      ...ACCOUNT_OPTIONS,
      name: { type: 'string' },
      org: { type: 'string' },
      'org-short': { type: 'string' },
      'org-color': { type: 'string', default: '#1f5fa8' },
    },
    strict: true,
  })
  const password = await passwordOf(values)
  const args = parsedOrUsage(CreateAdminArgs, {
    email: values.email,
    displayName: values.name,
    password,
    organization: { name: values.org, shortName: values['org-short'], color: values['org-color'] },
  })
  await withServices(values['data-dir'], async ({ accounts }, dbPath) => {
    const { user, joined } = await accounts.createAdmin(args)
    const org = user.organization
    const given = args.organization
    // An organization of that exact name is joined, not made again: say so, and what it keeps.
    const kept = joined && (org.shortName !== given.shortName || org.color !== given.color)
      ? ` (its short name and colour stay ${org.shortName} ${org.color}: --org-short and --org-color apply to a new organization only)`
      : ''
    process.stdout.write(
      `Created administrator ${user.email} (${user.displayName}) in ${joined ? 'the existing' : 'a new'} organization ${org.name} [${org.shortName}]${kept}, database ${dbPath}\n`,
    )
  })
}

async function resetPassword(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: ACCOUNT_OPTIONS, strict: true })
  const password = await passwordOf(values)
  const args = parsedOrUsage(ResetPasswordArgs, { email: values.email, password })
  await withServices(values['data-dir'], async ({ users, passwords }, dbPath) => {
    const user = users.findByEmail(args.email)
    if (!user) throw new HttpError(404, ErrorCode.personNotFound, `no account with the email ${args.email} in ${dbPath}`)
    await passwords.set(user.id, args.password)
    const inactive = user.deactivatedAt ? ' The account is deactivated: reactivate it to sign in.' : ''
    process.stdout.write(`Set a new password for ${user.email} (${user.displayName}); their sessions have ended.${inactive}\n`)
  })
}

class UsageError extends Error {}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv
  switch (command) {
    case 'create-admin':
      return createAdmin(rest)
    case 'reset-password':
      return resetPassword(rest)
    case undefined:
    case 'help':
    case '--help':
      process.stdout.write(USAGE + '\n')
      return
    default:
      throw new UsageError(`unknown command "${command}"`)
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof UsageError || (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS'))) {
    process.stderr.write(`${err.message}\n${USAGE}\n`)
    process.exit(2)
  }
  if (err instanceof HttpError && err.status === 409 && err.code === ErrorCode.validation) {
    process.stderr.write(`refused: ${err.message}. Give --org with an existing organization's exact name to add the administrator to it, or other names for a new one.\n`)
    process.exit(1)
  }
  if (err instanceof HttpError) {
    process.stderr.write(`${err.message} (${err.code})\n`)
    process.exit(1)
  }
  process.stderr.write(`failed: ${err instanceof Error ? err.message : String(err)}\n`)
  process.exit(1)
})
