import { describe, expect, it } from 'vitest'
import { dateFormat } from '../../client/i18n/dates'

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
