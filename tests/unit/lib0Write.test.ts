import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import { varStringSize, varUintSize, writeVarString, writeVarUint } from '../../server/lib0Write'

const lib0 = (write: (encoder: encoding.Encoder) => void) => {
  const encoder = encoding.createEncoder()
  write(encoder)
  return encoding.toUint8Array(encoder)
}

describe('lib0 layouts written in place', () => {
  it('writes every size class of unsigned integer as lib0 does, in the size it says', () => {
    for (const n of [0, 1, 127, 128, 16_383, 16_384, 2 ** 21 - 1, 2 ** 21, 2 ** 28 - 1, 2 ** 28, 2 ** 31, 2 ** 32 + 5, 2 ** 35, Number.MAX_SAFE_INTEGER]) {
      const out = new Uint8Array(12)
      const end = writeVarUint(out, 1, n)
      expect(out.subarray(1, end)).toEqual(lib0((e) => encoding.writeVarUint(e, n)))
      expect(varUintSize(n)).toBe(end - 1)
    }
  })

  it('writes strings of any script and length as lib0 does, in the size it says', () => {
    for (const s of ['', 'article-12', 'a'.repeat(200), '\x7f', 'end \x80', 'Статья 5', '組織', '👩‍⚖️ law', 'lone \ud800 surrogate', 'я'.repeat(100)]) {
      const out = Buffer.alloc(varStringSize(s) + 2)
      const end = writeVarString(out, 2, s)
      expect(new Uint8Array(out.subarray(2, end))).toEqual(lib0((e) => encoding.writeVarString(e, s)))
      expect(end).toBe(out.byteLength)
    }
  })
})
