import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { diffWordsWithSpace } from 'diff'
import { diffText, tokenize, type Segment } from '../../shared/diff'

/** The word-level diff on its own: tokenizer, segment shapes, and the invariants every diff keeps. */

describe('tokenize', () => {
  it('keeps Cyrillic words whole (ё and й included) and makes every punctuation mark a token', () => {
    expect(tokenize('Статья 5. «Жертва» — лицо; ёж, [non-punishment] 18-летний').values).toEqual([
      'Статья', '5', '.', '«', 'Жертва', '»', '—', 'лицо', ';', 'ёж', ',', '[', 'non', '-', 'punishment', ']', '18', '-', 'летний',
    ])
  })

  it('keeps a letter with a combining mark (decomposed й) in its word', () => {
    expect(tokenize('строи\u0306ка мо\u0308').values).toEqual(['строи\u0306ка', 'мо\u0308'])
  })

  it('records where each token starts and ends, so spacing can be restored', () => {
    expect(tokenize('  a,  bc ')).toEqual({ values: ['a', ',', 'bc'], starts: [2, 3, 6], ends: [3, 4, 8] })
  })

  it('is needed: the diff package alone splits Russian words into letters', () => {
    // Why we tokenize ourselves: diffWordsWithSpace treats Cyrillic letters as punctuation.
    expect(diffWordsWithSpace('защиты жертв', 'защиты жертвы').filter((c) => c.added).map((c) => c.value)).toEqual(['ы'])
    expect(diffText('защиты жертв', 'защиты жертвы')).toEqual([
      { kind: 'equal', text: 'защиты ' },
      { kind: 'delete', text: 'жертв' },
      { kind: 'insert', text: 'жертвы' },
    ])
  })
})

describe('diffText', () => {
  it('handles empty and identical texts', () => {
    expect(diffText('', '')).toEqual([])
    expect(diffText('same', 'same')).toEqual([{ kind: 'equal', text: 'same' }])
    expect(diffText('', 'new')).toEqual([{ kind: 'insert', text: 'new' }])
    expect(diffText('old', '')).toEqual([{ kind: 'delete', text: 'old' }])
  })

  it('puts a word inserted at the start or end together with its space', () => {
    expect(diffText('victims', 'the victims')).toEqual([{ kind: 'insert', text: 'the ' }, { kind: 'equal', text: 'victims' }])
    expect(diffText('victims', 'victims of crime')).toEqual([{ kind: 'equal', text: 'victims' }, { kind: 'insert', text: ' of crime' }])
  })

  it('slides an insertion into a list to whole items', () => {
    expect(diffText('sex, age, nationality', 'sex, age, religion, nationality')).toEqual([
      { kind: 'equal', text: 'sex, age, ' },
      { kind: 'insert', text: 'religion, ' },
      { kind: 'equal', text: 'nationality' },
    ])
  })

  it('reports a change of spacing exactly', () => {
    expect(diffText('a  b', 'a b')).toEqual([{ kind: 'equal', text: 'a ' }, { kind: 'delete', text: ' ' }, { kind: 'equal', text: 'b' }])
    expect(diffText('Article 5.1', 'Article 5. 1')).toEqual([{ kind: 'equal', text: 'Article 5.' }, { kind: 'insert', text: ' ' }, { kind: 'equal', text: '1' }])
  })

  it('shows a rewritten text as one deletion and one insertion', () => {
    expect(diffText('one two three', 'four five six')).toEqual([
      { kind: 'delete', text: 'one two three' },
      { kind: 'insert', text: 'four five six' },
    ])
  })

  it('a replaced word keeps the spaces around it equal', () => {
    expect(diffText('shall be punished by a fine', 'shall be punished by imprisonment')).toEqual([
      { kind: 'equal', text: 'shall be punished by ' },
      { kind: 'delete', text: 'a fine' },
      { kind: 'insert', text: 'imprisonment' },
    ])
  })
})

const side = (segments: Segment[], skip: Segment['kind']) => segments.filter((s) => s.kind !== skip).map((s) => s.text).join('')

describe('diffText invariants (property)', () => {
  const piece = fc.constantFrom(
    'the', 'victim', 'shall', 'жертва', 'ребёнка', 'лицо', 'of', '5', ',', ';', '.', '[', ']', '«', '»', '—', '-', ' ', ' ', ' ', '  ', '\u00a0',
  )
  const text = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(''))

  it('equal+delete spell the old text and equal+insert the new; segments are non-empty and merged', () => {
    fc.assert(
      fc.property(text, text, (before, after) => {
        const segments = diffText(before, after)
        expect(side(segments, 'insert')).toBe(before)
        expect(side(segments, 'delete')).toBe(after)
        for (const [i, s] of segments.entries()) {
          expect(s.text).not.toBe('')
          if (i > 0) expect(s.kind).not.toBe(segments[i - 1].kind)
        }
        if (before === after) expect(segments.every((s) => s.kind === 'equal')).toBe(true)
      }),
      { numRuns: 500, seed: 42 },
    )
  })

  it('a single inserted word between words is reported as just that word and a space', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c', 'жертва'), { minLength: 1, maxLength: 8 }), fc.nat(), (words, at) => {
        const position = at % (words.length + 1)
        const after = [...words.slice(0, position), 'NEW', ...words.slice(position)]
        const inserted = diffText(words.join(' '), after.join(' ')).filter((s) => s.kind !== 'equal')
        expect(inserted.map((s) => s.kind)).toEqual(['insert'])
        expect(inserted[0].text.trim()).toBe('NEW')
      }),
      { numRuns: 300, seed: 7 },
    )
  })
})
