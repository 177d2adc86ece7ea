import { describe, expect, it } from 'vitest'
import { positionBlocker } from '../../shared/agreement'
import { format } from '../../client/i18n/i18n'
import { en } from '../../client/i18n/en'
import { ru } from '../../client/i18n/ru'

describe('the position form\'s words', () => {
  it('names whoever recorded the current position in a form any name fits (it read "записанную Рита Рецензент")', () => {
    const params = { name: 'Рита Рецензент', time: '30 нояб. 2026 г., 23:14' }
    expect(format(ru['agreement.replaces'], params)).toBe('Новая запись заменит текущую позицию (записал(а): Рита Рецензент, 30 нояб. 2026 г., 23:14); прежняя останется в истории.')
    expect(format(en['agreement.replaces'], { name: 'Rita Reviewer', time: '30 Nov 2026, 23:14' })).toBe(
      'Recording again replaces the current position (recorded by Rita Reviewer, 30 Nov 2026, 23:14); the earlier one stays in the history.',
    )
  })
})

describe('positionBlocker: why "Record the position" is unavailable', () => {
  const article = (position: 'agree' | 'reservations' | 'object', text = '') => ({ position, text })

  it('asks for the position first, then its text, then the articles\' texts', () => {
    expect(positionBlocker(null, '', [])).toBe('choose')
    expect(positionBlocker('object', '', [])).toBe('text')
    expect(positionBlocker('object', '   ', [])).toBe('text')
    expect(positionBlocker('reservations', 'Subject to translation.', [article('object')])).toBe('tooMild')
    expect(positionBlocker('object', 'No.', [article('reservations', ' ')])).toBe('articleText')
  })

  it('lets a complete position through', () => {
    expect(positionBlocker('agree', '', [])).toBeNull()
    expect(positionBlocker('object', 'Principles are needed.', [article('object', 'Principles are needed.'), article('agree')])).toBeNull()
  })
})
