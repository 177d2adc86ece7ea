/**
 * An XML file's bytes as text, in the encoding the file itself names, as XML readers do: a byte
 * order mark first, then the declaration's `encoding` (`<?xml version="1.0" encoding="windows-1251"?>`,
 * what legacy systems of the region write), else UTF-8. Decoded as UTF-8, such a file still
 * parsed — its markup is ASCII — and became a draft of U+FFFD in place of every Cyrillic letter.
 */

const DECLARED = /^\s*<\?xml\s[^>]*?\bencoding\s*=\s*["']([A-Za-z][A-Za-z0-9._:-]*)["']/

export function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes)
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes)
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes)
  // The declaration is ASCII in every encoding that can carry it without a BOM.
  const label = DECLARED.exec(new TextDecoder('latin1').decode(bytes.subarray(0, 256)))?.[1]
  if (label && !/^utf-?16/i.test(label)) {
    try {
      return new TextDecoder(label).decode(bytes)
    } catch {
      // An encoding the platform does not know: read as UTF-8, and refused if it is not.
    }
  }
  return new TextDecoder('utf-8').decode(bytes)
}
