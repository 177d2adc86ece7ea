/**
 * FNV-1a (32-bit) of a byte array. The server acknowledges each stored update by its digest,
 * so the browser knows exactly which of its changes are safe, deletions included.
 */
export function digest32(bytes: Uint8Array): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < bytes.length; i++) {
    hash ^= bytes[i]
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash >>> 0
}
