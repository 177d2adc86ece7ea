import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 180_000,
    globalSetup: ['tests/helpers/globalSetup.ts'],
    env: { TZ: 'UTC', LOG_LEVEL: 'silent' },
  },
})
