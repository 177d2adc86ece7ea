import { execFileSync } from 'node:child_process'

/** Browser tests run against the production build, built once per test run. */
export default function setup(): void {
  if (process.env.ACCORD_SKIP_BUILD === '1') return
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' })
}
