/**
 * A consistent copy of the whole installation, taken while the server runs:
 *
 *   npm run backup -- FILE [--data-dir ./data] [--force]
 *
 * FILE is one self-contained SQLite file (documents, accounts, grants, sessions and all else).
 * To restore it: see restore.ts, or stop the server and copy FILE to $DATA_DIR/accord.db.
 */
import path from 'node:path'
import { parseFileCommand } from './fileCommand'
import { backupDatabase } from '../db/backup'

const USAGE = 'usage: npm run backup -- <file> [--data-dir <dir>] [--force]'

async function main(argv: string[]): Promise<void> {
  const args = parseFileCommand(argv, USAGE)
  if (!args) return
  const { dataDir, file: target } = args
  const started = Date.now()
  const summary = await backupDatabase(dataDir, target, { force: args.force })
  process.stdout.write(
    `Backed up ${path.join(dataDir, 'accord.db')} to ${target}: ${summary.documents} document(s), ${summary.users} account(s), ` +
      `schema ${summary.schemaVersion}, ${summary.bytes} bytes, in ${Date.now() - started} ms\n`,
  )
}

main(process.argv.slice(2)).catch((err: unknown) => {
  process.stderr.write(`backup failed: ${err instanceof Error ? err.message : String(err)}\n`)
  process.exit(1)
})
