import { describe, expect, it } from 'vitest'
import { gcInTail } from '../../bench/fanout/gcInTail'
import { editKey } from '../../bench/fanout/tail'

describe("garbage collection in a fan-out run's p99 (bench/fanout/gcInTail)", () => {
  it('lays each delivery at or over the p99 next to the pauses of the server, its receiver and its writer', () => {
    // Writer 0 writes from load generator 0, writer 1 from load generator 1.
    const samples = (rows: [writer: number, sentAt: number, ms: number][]) => ({
      latencies: Float64Array.from(rows.map(([, , ms]) => ms)),
      sentAt: Float64Array.from(rows.map(([, at]) => at)),
      edits: Float64Array.from(rows.map(([w], i) => editKey(w, i + 1))),
    })
    const worker0 = {
      ...samples([
        [1, 100, 10], // late: load generator 1 (its writer) paused at 104
        [1, 200, 2], // under the p99: not counted, though the server paused meanwhile
        [1, 300, 12], // late: its own load generator paused at 305
      ]),
      pauses: [{ at: 305, ms: 4, major: true }],
    }
    const worker1 = {
      ...samples([
        [0, 500, 9], // late: the server paused at 502
        [0, 600, 20], // late: no pause anywhere
      ]),
      pauses: [{ at: 104, ms: 2, major: false }],
    }
    const serverPauses = [
      { at: 201, ms: 0.5, major: false },
      { at: 502, ms: 1, major: false },
      { at: 900, ms: 3, major: true }, // after the window
    ]
    const result = gcInTail([worker0, worker1], serverPauses, (w) => w % 2, 8, { start: 0, end: 800 })
    expect(result).toEqual({
      server: { pauses: 2, ms: 1.5, maxMs: 1, major: 0 },
      workers: { pauses: 2, ms: 6, maxMs: 4, major: 1 },
      deliveries: 4,
      overServer: 1,
      overReceiver: 1,
      overWriter: 1,
    })
  })
})
