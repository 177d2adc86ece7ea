import path from 'node:path'
import { parseArgs } from 'node:util'
import { loadConfig } from '../config'

/**
 * Arguments of the backup and restore commands: one file, an optional --data-dir and --force.
 * Returns null (after printing the usage, exit code set) when the call's words are off or --help.
 */
export function parseFileCommand(argv: string[], usage: string): { file: string; dataDir: string; force: boolean } | null {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { 'data-dir': { type: 'string' }, force: { type: 'boolean' }, help: { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  })
  if (values.help || positionals.length !== 1) {
    process.stdout.write(usage + '\n')
    process.exitCode = values.help ? 0 : 2
    return null
  }
  const dataDir = values['data-dir'] ? path.resolve(values['data-dir']) : loadConfig().dataDir
  return { file: path.resolve(positionals[0]), dataDir, force: !!values.force }
}
