import { describe, expect, it } from 'vitest'
import { rovingTarget } from '../../client/ui/rovingKeys'

describe('rovingTarget (menus and tab lists)', () => {
  it('steps with the arrows of its direction, round the ends', () => {
    expect(rovingTarget('ArrowRight', 0, 2, 'horizontal')).toBe(1)
    expect(rovingTarget('ArrowRight', 1, 2, 'horizontal')).toBe(0)
    expect(rovingTarget('ArrowLeft', 0, 2, 'horizontal')).toBe(1)
    expect(rovingTarget('ArrowDown', 3, 4, 'vertical')).toBe(0)
    expect(rovingTarget('ArrowUp', 0, 4, 'vertical')).toBe(3)
  })

  it('goes to the first and last item with Home and End', () => {
    expect(rovingTarget('Home', 2, 5, 'vertical')).toBe(0)
    expect(rovingTarget('End', 0, 5, 'horizontal')).toBe(4)
  })

  it('from nowhere in the list (-1), the next item is the first and the previous the last but one, as the menu had it', () => {
    expect(rovingTarget('ArrowDown', -1, 5, 'vertical')).toBe(0)
    expect(rovingTarget('ArrowUp', -1, 5, 'vertical')).toBe(3)
  })

  it('leaves other keys, the other direction\'s arrows and empty lists alone', () => {
    expect(rovingTarget('ArrowDown', 0, 2, 'horizontal')).toBeNull()
    expect(rovingTarget('ArrowLeft', 0, 2, 'vertical')).toBeNull()
    expect(rovingTarget('Enter', 0, 2, 'vertical')).toBeNull()
    expect(rovingTarget('ArrowDown', -1, 0, 'vertical')).toBeNull()
  })
})
