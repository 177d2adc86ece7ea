import zlib from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { crc32 } from '../../server/storage/crc32'

describe('CRC-32 of journal records', () => {
  it("is zlib's CRC-32: the standard check value, and any bytes at any offset", () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926)
    expect(crc32(new Uint8Array(0))).toBe(0)
    let seed = 7
    const bytes = Uint8Array.from({ length: 5000 }, () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24)
    for (const [from, to] of [[0, 5000], [1, 2], [13, 77], [100, 4099]]) {
      expect(crc32(bytes, from, to)).toBe(zlib.crc32(bytes.subarray(from, to)))
    }
  })
})
