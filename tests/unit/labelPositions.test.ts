import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { LabelPositions } from '../../shared/editor/labelPositions'

/** The same moves made on a plain array, one position at a time. */
function movedPlainly(positions: number[], from: number, delta: number): number[] {
  return positions.map((pos, i) => (i >= from ? pos + delta : pos))
}

/** Ascending positions, some labels close together, as a law's blocks are. */
const positionsArb = fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 60 }).map((gaps) => {
  let pos = 0
  return gaps.map((gap) => (pos += gap))
})

describe('LabelPositions', () => {
  it('reads, finds and lists positions as a plain array moved the same way would, across many moves', () => {
    fc.assert(
      fc.property(positionsArb, fc.array(fc.tuple(fc.nat(70), fc.integer({ min: -5, max: 12 })), { maxLength: 100 }), (start, moves) => {
        let plain = start
        let labels = LabelPositions.of(Int32Array.from(start))
        for (const [from, delta] of moves) {
          // A deletion never moves a label past the one before it, as deleting text in a line cannot.
          const lowest = from > 0 && from < plain.length ? plain[from - 1] - plain[from] + 1 : -Infinity
          const d = Math.max(delta, lowest)
          plain = movedPlainly(plain, from, d)
          labels = labels.moved(from, d)
          expect(labels.length).toBe(plain.length)
          expect(Array.from({ length: plain.length }, (_, i) => labels.at(i))).toEqual(plain)
        }
        expect(Array.from(labels.toArray())).toEqual(plain)
        for (const probe of [0, plain[0], plain[0] + 1, plain[plain.length - 1], plain[plain.length - 1] + 1]) {
          const expected = plain.findIndex((pos) => pos >= probe)
          expect(labels.firstFrom(probe)).toBe(expected < 0 ? plain.length : expected)
        }
      }),
      { seed: 2026, numRuns: 200 },
    )
  })

  it('leaves the positions it was made from as they were', () => {
    const before = LabelPositions.of(Int32Array.from([1, 5, 9]))
    const after = before.moved(1, 3).moved(0, 1)
    expect(Array.from(before.toArray())).toEqual([1, 5, 9])
    expect(Array.from(after.toArray())).toEqual([2, 9, 13])
  })
})
