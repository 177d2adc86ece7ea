import { describe, expect, it } from 'vitest'
import { editKey, tailAnatomy } from '../../bench/fanout/tail'

describe("what makes a fan-out run's p99 (bench/fanout/tail)", () => {
  it('names the edits over the p99, slowest first, and tells those late at every recipient from those late at a few', () => {
    const deliveries: [writer: number, seq: number, ms: number][] = [
      // Held up before the fan-out: every recipient late.
      [1, 36, 29],
      [1, 36, 33],
      [1, 36, 34],
      // Late at one recipient only (its load generator was busy).
      [3, 13, 1],
      [3, 13, 2],
      [3, 13, 32],
      // Ordinary edits.
      [0, 1, 2],
      [0, 1, 3],
      [2, 7, 2],
      [2, 7, 4],
    ]
    const anatomy = tailAnatomy(
      Float64Array.from(deliveries.map(([, , ms]) => ms)),
      Float64Array.from(deliveries.map(([w, s]) => editKey(w, s))),
      20,
      30,
    )
    expect(anatomy).toMatchObject({
      edits: 2,
      lateEverywhere: 1,
      worst: [
        { edit: '1:36', fastestMs: 29, slowestMs: 34 },
        { edit: '3:13', fastestMs: 1, slowestMs: 32 },
      ],
    })
    // Per edit: fastest 29, 1, 2, 2 ms; spread 5, 31, 1, 2 ms.
    expect(anatomy.fastest.p50).toBeCloseTo(2, 5)
    expect(anatomy.fastest.p99).toBeGreaterThan(28)
    expect(anatomy.spread.p50).toBeGreaterThanOrEqual(2)
    expect(anatomy.spread.p50).toBeLessThanOrEqual(5)
    expect(anatomy.spread.p99).toBeGreaterThan(30)
  })

  it('keeps writer and seq apart for long runs (seq up to a million)', () => {
    const anatomy = tailAnatomy(Float64Array.of(5), Float64Array.of(editKey(12, 999_999)), 1, 1)
    expect(anatomy.worst).toEqual([{ edit: '12:999999', fastestMs: 5, slowestMs: 5 }])
    expect(anatomy.spread).toEqual({ p50: 0, p99: 0 })
  })
})
