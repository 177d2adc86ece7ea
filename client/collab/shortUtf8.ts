/**
 * The string in UTF-8 bytes `bytes[start..end)`, decoded in JavaScript; null when they hold
 * anything but well-formed one-, two- and three-byte sequences (the caller then asks
 * TextDecoder, which also decides what malformed input means). For the short strings a Yjs
 * update is mostly made of — keys, ids, node names — where a TextDecoder call costs more
 * than the decoding (client/build/lib0ShortStrings.ts).
 */
export function decodeShortUtf8(bytes: Uint8Array, start: number, end: number): string | null {
  let out = ''
  let i = start
  while (i < end) {
    const a = bytes[i]
    if (a < 0x80) {
      out += String.fromCharCode(a)
      i += 1
    } else if (a >= 0xc2 && a <= 0xdf && i + 1 < end) {
      const b = bytes[i + 1]
      if ((b & 0xc0) !== 0x80) return null
      out += String.fromCharCode(((a & 0x1f) << 6) | (b & 0x3f))
      i += 2
    } else if (a >= 0xe0 && a <= 0xef && i + 2 < end) {
      const b = bytes[i + 1]
      const c = bytes[i + 2]
      if ((b & 0xc0) !== 0x80 || (c & 0xc0) !== 0x80) return null
      const code = ((a & 0x0f) << 12) | ((b & 0x3f) << 6) | (c & 0x3f)
      // Overlong forms and UTF-16 surrogates are malformed.
      if (code < 0x800 || (code >= 0xd800 && code <= 0xdfff)) return null
      out += String.fromCharCode(code)
      i += 3
    } else {
      return null
    }
  }
  return out
}
