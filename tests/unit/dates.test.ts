import { describe, expect, it } from 'vitest'
import { dateFormat } from '../../client/i18n/dates'
import { documentDateTime } from '../../shared/dates'

describe('dateFormat', () => {
  const at = new Date('2025-03-14T10:04:00Z')

  it('formats in the interface language, with or without the time', () => {
    const en = dateFormat('en').format(at)
    expect(en).toContain('14 Mar 2025')
    expect(dateFormat('en', 'date').format(at)).toBe('14 March 2025')
    expect(dateFormat('ru', 'date').format(at)).toBe('14 марта 2025 г.')
  })

  it('makes one formatter per language and style (lists call it per row)', () => {
    expect(dateFormat('ru')).toBe(dateFormat('ru'))
    expect(dateFormat('ru')).not.toBe(dateFormat('en'))
    expect(dateFormat('ru', 'date')).not.toBe(dateFormat('ru'))
  })
})

describe('documentDateTime: a moment in a document the server writes', () => {
  it('in the document\'s language, with its time zone said (it was "2026-11-30 23:14 UTC" in Russian too)', () => {
    expect(documentDateTime('2026-11-30T23:14:59.000Z', 'ru')).toBe('30 ноября 2026 г., 23:14 (UTC)')
    expect(documentDateTime('2026-11-30T23:14:59.000Z', 'en')).toBe('30 November 2026, 23:14 (UTC)')
    expect(documentDateTime('2026-03-01T09:05:00Z', 'ru')).toBe('1 марта 2026 г., 09:05 (UTC)')
    expect(documentDateTime('2026-03-01T00:05:00Z', 'en')).toBe('1 March 2026, 00:05 (UTC)')
  })

  it('leaves what is not a date as it is', () => {
    expect(documentDateTime('', 'ru')).toBe('')
    expect(documentDateTime('soon', 'en')).toBe('soon')
  })
})
