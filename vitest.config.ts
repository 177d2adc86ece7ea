import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // Two files at a time even on two cores (vitest's default there is one): most tests wait on
    // servers, browsers and disks rather than compute. 279 s instead of 388 s on a 2-core machine.
    maxWorkers: 2,
    // Each worker process runs its files one after another without loading every module anew for
    // each (the default starts a fresh process per file): 390 s instead of 490 s for the whole
    // suite on a 2-core machine where every fresh page of memory costs ~13 µs. Files share no
    // state: none mocks a module or sets the environment, fake timers are put back after each test.
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 180_000,
    // Browser tests poll for what another person's page shows; on a busy 2-core CI machine a
    // change can take longer than vitest's default second to get there (one such flake seen).
    // A poll that passes returns at once, so only a failure waits the longer time.
    expect: { poll: { timeout: 5_000 } },
    globalSetup: ['tests/helpers/globalSetup.ts'],
    env: { TZ: 'UTC', LOG_LEVEL: 'silent' },
  },
})
