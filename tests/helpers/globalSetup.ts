import { execFileSync } from 'node:child_process'

/**
 * Browser tests run against the production build, built once per test run. Vitest sets
 * NODE_ENV=test, which Vite would take for a development build (React's development runtime,
 * every element carrying its source file's path): the build is told it is production.
 */
export default function setup(): void {
  if (process.env.ACCORD_SKIP_BUILD === '1') return
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
}
