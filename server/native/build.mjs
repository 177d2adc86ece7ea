// Builds the native addons (npm's install step): mapped_file (the update journal) and
// socket_write (broadcast frames). Without them the server still runs: the journal is then
// written with write() (WrittenJournal in server/storage/updateJournal.ts), and frames go
// through net.Socket.write().
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const dir = path.dirname(fileURLToPath(import.meta.url))
const result = spawnSync('node-gyp', ['rebuild', '--silent'], { cwd: dir, stdio: 'inherit', shell: process.platform === 'win32' })
if (result.status !== 0) {
  const why = result.error ? result.error.message : `node-gyp exited with ${result.status}`
  console.warn(
    `accord: the native addons were not built (${why}); the server will write the update journal with write() and broadcast frames through net.Socket.write() instead.`,
  )
}
