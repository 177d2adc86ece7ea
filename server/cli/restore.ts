/**
 * Restores a backup (backup.ts) as the database of an installation, with its server stopped:
 *
 *   npm run restore -- FILE [--data-dir ./data] [--force]
 *
 * Refuses while a server has the database open, and refuses to replace an installation that
 * holds documents or accounts unless --force (the replaced database is then kept beside it).
 */
import path from 'node:path'
import { parseArgs } from 'node:util'
import { loadConfig } from '../config'
import { restoreDatabase } from '../db/backup'

const USAGE = 'usage: npm run restore -- <file> [--data-dir <dir>] [--force]'

function main(argv: string[]): void {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { 'data-dir': { type: 'string' }, force: { type: 'boolean' }, help: { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  })
  if (values.help || positionals.length !== 1) {
    process.stdout.write(USAGE + '\n')
    process.exitCode = values.help ? 0 : 2
    return
  }
  const dataDir = values['data-dir'] ? path.resolve(values['data-dir']) : loadConfig().dataDir
  const source = path.resolve(positionals[0])
  const result = restoreDatabase(source, dataDir, { force: values.force })
  process.stdout.write(
    `Restored ${source} into ${path.join(dataDir, 'accord.db')}: ${result.documents} document(s), ${result.users} account(s), schema ${result.schemaVersion}` +
      (result.replaced ? `; the previous database is kept as ${result.replaced}` : '') +
      '\n',
  )
}

try {
  main(process.argv.slice(2))
} catch (err) {
  process.stderr.write(`restore failed: ${err instanceof Error ? err.message : String(err)}\n`)
  process.exit(1)
}
