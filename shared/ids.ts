const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz'

function randomString(length: number): string {
  const bytes = new Uint8Array(length)
  globalThis.crypto.getRandomValues(bytes)
  let out = ''
  for (const b of bytes) out += ALPHABET[b % 36]
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
