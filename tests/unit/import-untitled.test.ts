import { describe, expect, it } from 'vitest'
import { titledIfUntitled } from '../../shared/import/lawTitle'
import type { DocJSON } from '../../shared/schema'

const law = (title: DocJSON['content']): DocJSON => ({
  type: 'doc',
  content: [{ type: 'lawTitle', content: title }, { type: 'preamble', content: [{ type: 'preambleParagraph' }] }],
})

describe('titledIfUntitled: a law without a title takes the name given to the draft', () => {
  it('fills an empty or blank law title with the name, trimmed', () => {
    expect(titledIfUntitled(law(undefined), '  Закон о пчёлах ').content![0]).toEqual({ type: 'lawTitle', content: [{ type: 'text', text: 'Закон о пчёлах' }] })
    expect(titledIfUntitled(law([{ type: 'text', text: '   ' }]), 'Law on Bees').content![0].content).toEqual([{ type: 'text', text: 'Law on Bees' }])
  })

  it('keeps a title the file has, and changes nothing without a name', () => {
    const titled = law([{ type: 'text', text: 'Law on Bees' }])
    expect(titledIfUntitled(titled, 'Bees')).toBe(titled)
    const untitled = law(undefined)
    expect(titledIfUntitled(untitled, undefined)).toBe(untitled)
    expect(titledIfUntitled(untitled, '  ')).toBe(untitled)
  })

  it('leaves the rest of the law as it was', () => {
    const untitled = law(undefined)
    expect(titledIfUntitled(untitled, 'Law').content!.slice(1)).toEqual(untitled.content!.slice(1))
    expect(untitled.content![0].content).toBeUndefined()
  })
})
