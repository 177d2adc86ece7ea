/**
 * lib0's variable-length unsigned integers and strings (as its encoding module writes them),
 * written straight into a Buffer sized beforehand: for the frames and records written on every
 * edit, without lib0's growing encoder and its final copy.
 */

export function varUintSize(n: number): number {
  let size = 1
  for (; n > 0x7f; size++) n = Math.floor(n / 128)
  return size
}

/** Writes `n` at `at`; returns where it ends. */
export function writeVarUint(out: Uint8Array, at: number, n: number): number {
  while (n > 0x7f) {
    out[at++] = 0x80 | (n & 0x7f)
    n = Math.floor(n / 128)
  }
  out[at++] = n
  return at
}

/**
 * `s.length` if every character of `s` is ASCII (one UTF-8 byte each), else -1. Ids are ASCII;
 * for them the strings are measured and copied here, not through Buffer's binding, whose calls
 * cost microseconds each right after the process wakes for an edit (a journal record holds four
 * or more strings).
 */
function asciiLength(s: string): number {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return -1
  return s.length
}

export function varStringSize(s: string): number {
  const ascii = asciiLength(s)
  const bytes = ascii >= 0 ? ascii : Buffer.byteLength(s)
  return varUintSize(bytes) + bytes
}

/** Writes `s` (its UTF-8 length, then its UTF-8) at `at`; returns where it ends. */
export function writeVarString(out: Buffer, at: number, s: string): number {
  const ascii = asciiLength(s)
  if (ascii >= 0) {
    at = writeVarUint(out, at, ascii)
    for (let i = 0; i < ascii; i++) out[at + i] = s.charCodeAt(i)
    return at + ascii
  }
  const bytes = Buffer.byteLength(s)
  at = writeVarUint(out, at, bytes)
  return at + out.write(s, at, bytes, 'utf8')
}
