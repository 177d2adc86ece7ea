/**
 * Restores a backup (backup.ts) as the database of an installation, with its server stopped:
 *
 *   npm run restore -- FILE [--data-dir ./data] [--force]
 *
 * Refuses while a server has the database open, and refuses to replace an installation that
 * holds documents or accounts unless --force (the replaced database is then kept beside it).
 */
import path from 'node:path'
import { parseFileCommand } from './fileCommand'
import { restoreDatabase } from '../db/backup'

const USAGE = 'usage: npm run restore -- <file> [--data-dir <dir>] [--force]'

function main(argv: string[]): void {
  const args = parseFileCommand(argv, USAGE)
  if (!args) return
  const { dataDir, file: source } = args
  const result = restoreDatabase(source, dataDir, { force: args.force })
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
