import fs from 'node:fs/promises'
import path from 'node:path'
import { build } from 'esbuild'
import { REPO_ROOT } from './server'

/**
 * server/main.ts bundled into one ESM file (packages stay external), for tests that restart the
 * server many times: plain node starts it several times faster than tsx compiling on the fly.
 * Same code, same entry point; written under dist/ (one file per test process) and removed by
 * `remove()`. The native addons load from beside the bundle as from beside server/nativeAddon.ts
 * (`./native/build/Release`): a link to server/native there, or the bundled server would run
 * without them (the journal written, frames through Node's sockets), unlike `npm start`.
 */
export async function bundleServer(): Promise<{ entry: string; remove(): Promise<void> }> {
  const entry = path.join(REPO_ROOT, 'dist', 'test-server', `main-${process.pid}-${Date.now().toString(36)}.mjs`)
  await build({
    entryPoints: [path.join(REPO_ROOT, 'server/main.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile: entry,
    logLevel: 'warning',
  })
  // Relative, so that it still points at this checkout's addons if the checkout is moved.
  await fs.symlink(path.join('..', '..', 'server', 'native'), path.join(path.dirname(entry), 'native')).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'EEXIST') throw err // another test process made it
  })
  return { entry, remove: () => fs.rm(entry, { force: true }) }
}
