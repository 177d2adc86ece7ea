import { describe, expect, it } from 'vitest'
import { blockLabels } from '../../client/versions/diffLabels'

describe('a block\'s number in the comparison', () => {
  it('says a paragraph lost or gained its number, renumbered, added or deleted as before', () => {
    const block = (typeBefore: 'clause' | null, labelBefore: string, typeAfter: 'clause' | 'point' | null, labelAfter: string) => ({ typeBefore, labelBefore, typeAfter, labelAfter })
    expect(blockLabels(block('clause', '1.', 'clause', ''), '(без номера)')).toBe('1. → (без номера)')
    expect(blockLabels(block('clause', '', 'clause', '1.'), '(без номера)')).toBe('(без номера) → 1.')
    expect(blockLabels(block('clause', '2.', 'point', '1)'), '(без номера)')).toBe('2. → 1)')
    expect(blockLabels(block('clause', '2.', 'clause', '2.'), '(без номера)')).toBe('2.')
    expect(blockLabels(block(null, '', 'clause', '3.'), '(без номера)')).toBe('3.')
    expect(blockLabels(block('clause', '3.', null, ''), '(без номера)')).toBe('3.')
    expect(blockLabels(block('clause', '', 'clause', ''), '(без номера)')).toBe('')
  })
})
