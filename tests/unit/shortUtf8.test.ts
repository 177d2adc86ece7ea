import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeShortUtf8 } from '../../client/collab/shortUtf8'
import { LIB0_READER, withShortStrings } from '../../client/build/lib0ShortStrings'

/**
 * Short strings of Yjs updates are decoded in JavaScript in the browser build: what it reads
 * must be exactly what lib0's TextDecoder (fatal, BOM kept) reads, or it must step aside.
 */

const lib0Decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
const encode = (s: string) => new TextEncoder().encode(s)

describe('decodeShortUtf8', () => {
  it('reads Russian and English text, punctuation of legal drafting and a BOM as TextDecoder does', () => {
    for (const text of ['', 'id', 'Статья 5. Защита жертв', 'Article 5 — «Definitions», № 3; “quoted”', '\uFEFFleading BOM', 'ёЁ€\u0800\uFFFF']) {
      const bytes = encode(`xx${text}yy`)
      expect(decodeShortUtf8(bytes, 2, bytes.length - 2)).toBe(text)
    }
  })

  it('steps aside for four-byte characters and for malformed bytes', () => {
    expect(decodeShortUtf8(encode('law 📜'), 0, encode('law 📜').length)).toBeNull()
    for (const bad of [[0x80], [0xc0, 0x80], [0xc3], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xe0, 0x80, 0x80], [0xff]]) {
      expect(decodeShortUtf8(Uint8Array.from(bad), 0, bad.length)).toBeNull()
    }
  })

  it('agrees with TextDecoder on any string and any bytes, or steps aside', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        const bytes = encode(text)
        const ours = decodeShortUtf8(bytes, 0, bytes.length)
        // Lone surrogates are encoded as U+FFFD, which it reads.
        if ([...text].every((c) => c.codePointAt(0)! <= 0xffff)) expect(ours).toBe(lib0Decoder.decode(bytes))
        else expect(ours).toBeNull()
      }),
      { seed: 1130, numRuns: 3000 },
    )
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 24 }), (bytes) => {
        const ours = decodeShortUtf8(bytes, 0, bytes.length)
        if (ours !== null) expect(ours).toBe(lib0Decoder.decode(bytes))
      }),
      { seed: 1130, numRuns: 5000 },
    )
  })
})

describe("the build's patch of lib0's string reader", () => {
  const require = createRequire(import.meta.url)
  const source = fs.readFileSync(path.join(path.dirname(require.resolve('lib0/package.json')), 'decoding.js'), 'utf8')

  it("replaces the installed lib0's reader, keeping its line count", () => {
    expect(source).toContain(LIB0_READER)
    const patched = withShortStrings(source)
    expect(patched).not.toContain(LIB0_READER)
    expect(patched).toContain('__decodeShortUtf8(decoder.arr, start, start + length)')
    expect(patched.split('\n').length).toBe(source.split('\n').length)
  })

  it('fails the build when lib0 reads strings some other way', () => {
    expect(() => withShortStrings(source.replace(LIB0_READER, 'export const _readVarStringNative = d => d'))).toThrow(/lib0ShortStrings/)
  })
})
