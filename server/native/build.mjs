// Builds the mapped-file addon (npm's install step). Without it the server still runs: the
// update journal is then written with write() (see server/storage/journalFile.ts).
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const dir = path.dirname(fileURLToPath(import.meta.url))
const result = spawnSync('node-gyp', ['rebuild', '--silent'], { cwd: dir, stdio: 'inherit', shell: process.platform === 'win32' })
if (result.status !== 0) {
  const why = result.error ? result.error.message : `node-gyp exited with ${result.status}`
  console.warn(`accord: the memory-mapped update journal was not built (${why}); the server will write the journal with write() instead.`)
}
