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

export function varStringSize(s: string): number {
  const bytes = Buffer.byteLength(s)
  return varUintSize(bytes) + bytes
}

/** Writes `s` (its UTF-8 length, then its UTF-8) at `at`; returns where it ends. */
export function writeVarString(out: Buffer, at: number, s: string): number {
  const bytes = Buffer.byteLength(s)
  at = writeVarUint(out, at, bytes)
  return at + out.write(s, at, bytes, 'utf8')
}
