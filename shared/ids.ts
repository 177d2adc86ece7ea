const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz'

/**
 * Random bytes drawn 4 KB at a time: one getRandomValues call per id cost a second of an import's
 * 200,000 ids (the recogniser's, then the server's fresh ones).
 */
const pool = new Uint8Array(4096)
let used = pool.length

function randomString(length: number): string {
  if (used + length > pool.length) {
    globalThis.crypto.getRandomValues(pool)
    used = 0
  }
  let out = ''
  for (let i = 0; i < length; i++) out += ALPHABET[pool[used + i] % 36]
  used += length
  return out
}

/** A random stable identity for a chapter, article, paragraph or point. */
export function newId(): string {
  return randomString(12)
}

/** A document id, used in URLs and as the sync room name. */
export function newDocumentId(): string {
  return randomString(16)
}

export const DOCUMENT_ID_PATTERN = /^[0-9a-z]{16}$/
