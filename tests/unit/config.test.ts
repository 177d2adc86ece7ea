import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../server/config'

describe('configuration from the environment', () => {
  it('journals commits in a mapped file unless told to write them', () => {
    expect(loadConfig({}).updateJournal).toBe('mapped')
    expect(loadConfig({ UPDATE_JOURNAL: ' Written ' }).updateJournal).toBe('written')
    expect(() => loadConfig({ UPDATE_JOURNAL: 'fsync' })).toThrow('UPDATE_JOURNAL must be one of mapped|written, got "fsync"')
  })

  it('takes one of the log levels, and says which when given another', () => {
    expect(loadConfig({ LOG_LEVEL: 'WARN' }).logLevel).toBe('warn')
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow('LOG_LEVEL must be one of debug|info|warn|error|silent, got "loud"')
  })
})
